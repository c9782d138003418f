/**
 * `<xs:redefine>` (XSD 1.0 part 1, 4.2.2): the new definitions of types, groups and attribute
 * groups of the redefined document. Read here with the clauses of src-redefine that concern a
 * redefinition alone (it names itself as its base, or refers to itself once); assembly
 * (ir/apply-redefinitions.ts) finds each original, keeps it under an internal name and points
 * the self-reference at it.
 */
import type { DocumentRef } from '../load/load-schemas.js';
import { qnameKey, type AttributeGroupDef, type DeclaredType, type GroupDef, type Particle, type QName, type Source } from '../ir/ir.js';
import { type Context, attr, checkAttributes, fail, unexpected, xsdChildren } from './read-context.js';
import { readAttributeGroupDef, readGroupDef } from './read-particles.js';
import { readGlobalType } from './read-types.js';
import type { XmlNode } from './xml-tree.js';

/** One `<xs:redefine>`: what it redefines, in which document. */
export interface Redefinition {
  /**
   * The redefined document; undefined when it could not be read and the redefine redefines
   * nothing, or when the document was read without the loader that follows redefines.
   */
  readonly target: DocumentRef | undefined;
  /** The schemaLocation as written, for messages. */
  readonly location: string;
  readonly types: readonly DeclaredType[];
  readonly groups: readonly GroupDef[];
  readonly attributeGroups: readonly AttributeGroupDef[];
  readonly source: Source;
}

export function readRedefine(node: XmlNode, ctx: Context, target: DocumentRef | undefined): Redefinition {
  checkAttributes(node);
  const types: DeclaredType[] = [];
  const groups: GroupDef[] = [];
  const attributeGroups: AttributeGroupDef[] = [];
  for (const child of xsdChildren(node)) {
    switch (child.name) {
      case 'annotation':
        break; // annotations of the redefine itself document no component
      case 'simpleType':
      case 'complexType':
        types.push(checkTypeRedefinition(readGlobalType(child, ctx), child));
        break;
      case 'group':
        groups.push(checkGroupRedefinition(readGroupDef(child, ctx), child));
        break;
      case 'attributeGroup':
        attributeGroups.push(checkAttributeGroupRedefinition(readAttributeGroupDef(child, ctx), child));
        break;
      default:
        unexpected(child, 'xs:redefine');
    }
  }
  return { target, location: attr(node, 'schemaLocation')?.trim() ?? '', types, groups, attributeGroups, source: node.source };
}

/** src-redefine 5: a redefined type restricts or extends itself, its base being its own name (the original). */
function checkTypeRedefinition(def: DeclaredType, node: XmlNode): DeclaredType {
  const base: QName | undefined =
    def.kind === 'complex' ? def.derivation?.base : def.variety === 'atomic' && def.base?.kind === 'type-ref' ? def.base.ref : undefined;
  if (base === undefined || qnameKey(base) !== qnameKey(def.name)) {
    const how = def.kind === 'complex' ? '<xs:extension> or <xs:restriction>' : '<xs:restriction>';
    fail(
      'xsd.src-redefine',
      `the redefinition of type "${def.name.name}" must derive from the type it redefines: its ${how} needs base="${def.name.name}" (with the target namespace's prefix)`,
      node,
      'a redefined type restricts or extends its original, named by its own name; to define another type, declare it outside <xs:redefine>',
    );
  }
  return def;
}

/** src-redefine 6: a redefined group refers to itself (the original) at most once, exactly once when it does, and not repeated. */
function checkGroupRedefinition(def: GroupDef, node: XmlNode): GroupDef {
  const selfRefs = groupRefsTo(def.particle, def.name);
  if (selfRefs.length > 1) {
    fail('xsd.src-redefine', `the redefinition of group "${def.name.name}" refers to itself ${selfRefs.length} times; at most once is allowed`, node, 'refer to the original group once, with <xs:group ref> and no minOccurs or maxOccurs');
  }
  const only = selfRefs[0];
  if (only && (only.min !== 1 || only.max !== 1)) {
    fail('xsd.src-redefine', `the redefinition of group "${def.name.name}" refers to itself with minOccurs="${only.min}" and maxOccurs="${only.max}"; both must be 1`, node, 'remove minOccurs and maxOccurs from the self-reference, or repeat an enclosing <xs:sequence> instead');
  }
  return def;
}

/** src-redefine 7: a redefined attribute group refers to itself (the original) at most once. */
function checkAttributeGroupRedefinition(def: AttributeGroupDef, node: XmlNode): AttributeGroupDef {
  const selfRefs = def.attributes.filter((use) => use.kind === 'attribute-group-ref' && qnameKey(use.ref) === qnameKey(def.name));
  if (selfRefs.length > 1) {
    fail('xsd.src-redefine', `the redefinition of attribute group "${def.name.name}" refers to itself ${selfRefs.length} times; at most once is allowed`, node, 'refer to the original attribute group once');
  }
  return def;
}

/** The `<xs:group ref>` particles naming `name`, at any depth of the model group (an explicit stack, not recursion). */
export function groupRefsTo(root: Particle, name: QName): Extract<Particle, { kind: 'group-ref' }>[] {
  const key = qnameKey(name);
  const found: Extract<Particle, { kind: 'group-ref' }>[] = [];
  const stack: Particle[] = [root];
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    if (p.kind === 'group-ref' && qnameKey(p.ref) === key) found.push(p);
    else if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') stack.push(...p.particles);
  }
  return found;
}
