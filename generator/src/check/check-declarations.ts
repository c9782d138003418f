/**
 * Element and attribute declarations, attribute uses and attribute groups (XSD 1.0 part 1,
 * 3.2, 3.3, 3.5, 3.6): default and fixed values valid for the declared type and never on an
 * ID (a-props-correct, au-props-correct, e-props-correct, cos-valid-default), a use's fixed
 * value the declaration's, an element's type derived from its substitution group head's as the
 * head's {final} allows (e-props-correct), and one use per attribute name and at most one ID
 * in an attribute group (ag-props-correct); no attribute named xmlns or in the xsi namespace
 * (no-xmlns, no-xsi). A circular substitution group is refused earlier,
 * by ir/check-component-graph.ts.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, XSD_NAMESPACE, type AttributeDecl, type AttributeGroupDef, type AttributeRefUse, type ElementDecl, type SchemaSet, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { visitSchemas } from '../ir/visit.js';
import { describeContent } from './check-derivations.js';
import { DerivationModel, type AttributeUseInfo } from './derivation-model.js';
import { describeType, isIdType, isSimple, isValidlyDerived, resolveType } from './derivation-of.js';
import { checkLexical, sameValue } from './simple-values.js';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const ANY_TYPE: TypeRef = { kind: 'type-ref', ref: { namespace: XSD_NAMESPACE, name: 'anyType' } };
const ANY_SIMPLE_TYPE: TypeRef = { kind: 'type-ref', ref: { namespace: XSD_NAMESPACE, name: 'anySimpleType' } };

/** Substitution group chains longer than this are cut short (the graph check caps them far below). */
const MAX_CHAIN = 10_000;

export function checkDeclarations(set: SchemaSet, index: SchemaIndex): void {
  const model = new DerivationModel(index);
  for (const schema of set.schemas) {
    for (const decl of schema.attributes) checkAttributeDecl(decl, index);
    for (const group of schema.attributeGroups) checkAttributeGroup(group, model);
  }
  visitSchemas(set, {
    element(decl) {
      checkElementDecl(decl, model);
    },
    attributeUse(use) {
      if (use.kind === 'attribute') checkAttributeDecl(use.attribute, index);
      else if (use.kind === 'attribute-ref') checkAttributeRefUse(use, index);
    },
  });
}

/**
 * no-xmlns and no-xsi (3.2.6): xmlns is a namespace declaration, never an attribute, and the
 * xsi attributes are the four XSD declares itself; then a-props-correct: a simple type, and a
 * value constraint valid for it that is not on an ID.
 */
function checkAttributeDecl(decl: AttributeDecl, index: SchemaIndex): void {
  const label = `attribute "${decl.name.name}"`;
  if (decl.name.name === 'xmlns') {
    throw new GeneratorError('xsd.no-xmlns', `${label} cannot be declared: xmlns is how a document declares namespaces, not an attribute`, decl.source, 'give the attribute another name');
  }
  if (decl.name.namespace === XSI_NAMESPACE) {
    throw new GeneratorError(
      'xsd.no-xsi',
      `${label} is declared in the XMLSchema-instance namespace (${XSI_NAMESPACE}), which holds only the attributes XSD itself defines (xsi:type, xsi:nil, xsi:schemaLocation, xsi:noNamespaceSchemaLocation)`,
      decl.source,
      'declare the attribute in a namespace of your own, or leave it unqualified',
    );
  }
  const type = decl.type ? resolveType(decl.type, index) : undefined;
  if (type && !isSimple(type)) {
    throw new GeneratorError(
      'xsd.a-props-correct',
      `${label} has the type ${describeType(type)}, which is not a simple type; an attribute's value is text of a simple type`,
      decl.source,
      'name a simple type, or move the structure into a child element',
    );
  }
  const constraint = decl.fixed !== undefined ? { kind: 'fixed', value: decl.fixed } : decl.default !== undefined ? { kind: 'default', value: decl.default } : undefined;
  if (!constraint) return;
  if (isIdType(type, index)) {
    throw new GeneratorError(
      'xsd.a-props-correct',
      `${label} has a ${constraint.kind} value but its type is ${type && type.kind === 'builtin' ? 'xs:ID' : `${type ? describeType(type) : ''}, derived from xs:ID`}; an ID cannot have a default or fixed value`,
      decl.source,
      `remove the ${constraint.kind} attribute, or give the attribute another type`,
    );
  }
  const problem = checkLexical(decl.type ?? ANY_SIMPLE_TYPE, constraint.value, index);
  if (problem) {
    throw new GeneratorError('xsd.a-props-correct', `the ${constraint.kind} value "${constraint.value}" of ${label} is not valid for its type: ${problem.message}`, decl.source, problem.hint ?? `write a ${constraint.kind} value the type accepts`);
  }
}

/** au-props-correct: a value constraint written on `<xs:attribute ref>` is valid, and keeps the declaration's fixed value. */
function checkAttributeRefUse(use: AttributeRefUse, index: SchemaIndex): void {
  const decl = index.attributes.get(qnameKey(use.ref));
  const own = use.fixed !== undefined ? { kind: 'fixed', value: use.fixed } : use.default !== undefined ? { kind: 'default', value: use.default } : undefined;
  if (!decl || !own) return;
  const label = `the use of attribute "${decl.name.name}"`;
  const type = decl.type ?? ANY_SIMPLE_TYPE;
  if (isIdType(resolveType(type, index), index)) {
    throw new GeneratorError('xsd.au-props-correct', `${label} has a ${own.kind} value but the attribute's type is or derives from xs:ID, which cannot have one`, use.source, `remove the ${own.kind} attribute`);
  }
  const problem = checkLexical(type, own.value, index);
  if (problem) {
    throw new GeneratorError('xsd.au-props-correct', `the ${own.kind} value "${own.value}" on ${label} is not valid for its type: ${problem.message}`, use.source, problem.hint ?? `write a ${own.kind} value the type accepts`);
  }
  if (decl.fixed !== undefined && (own.kind !== 'fixed' || !sameValue(type, own.value, decl.fixed, index))) {
    throw new GeneratorError(
      'xsd.au-props-correct',
      `${label} has ${own.kind}="${own.value}" but the declaration fixes the value to "${decl.fixed}"`,
      use.source,
      `leave the value constraint out here, or write fixed="${decl.fixed}"`,
    );
  }
}

/** ag-props-correct 2 and 3: one use per attribute name, and at most one of type ID. */
function checkAttributeGroup(def: AttributeGroupDef, model: DerivationModel): void {
  const label = `attribute group "${def.name.name}"`;
  const uses = model.groupAttributes(def).uses.filter((u) => u.use !== 'prohibited');
  const first = new Map<string, AttributeUseInfo>();
  for (const use of uses) {
    const earlier = first.get(qnameKey(use.name));
    if (earlier && earlier.declaration !== use.declaration) {
      throw new GeneratorError(
        'xsd.ag-props-correct',
        `${label} has two attributes named "${use.name.name}" (the first at line ${earlier.source.line}), counting the attribute groups it refers to`,
        use.source,
        'keep one of the two declarations',
      );
    }
    first.set(qnameKey(use.name), earlier ?? use);
  }
  const ids = [...first.values()].filter((u) => isIdType(u.type ? resolveType(u.type, model.index) : undefined, model.index));
  if (ids.length > 1) {
    throw new GeneratorError(
      'xsd.ag-props-correct',
      `${label} has two attributes of type xs:ID (or derived from it), "${ids[0]!.name.name}" and "${ids[1]!.name.name}"; an element can carry only one ID`,
      ids[1]!.source,
      'give one of them another type (xs:NCName, for example)',
    );
  }
}

/** e-props-correct and cos-valid-default. */
function checkElementDecl(decl: ElementDecl, model: DerivationModel): void {
  const index = model.index;
  const label = `element "${decl.name.name}"`;
  const typeRef = elementTypeRef(decl, index);
  const type = resolveType(typeRef, index);
  if (!type) return;
  const constraint = decl.fixed !== undefined ? { kind: 'fixed', value: decl.fixed } : decl.default !== undefined ? { kind: 'default', value: decl.default } : undefined;
  if (constraint) {
    if (isIdType(type, index)) {
      throw new GeneratorError(
        'xsd.e-props-correct',
        `${label} has a ${constraint.kind} value but its type (or its simple content) is or derives from xs:ID, which cannot have one`,
        decl.source,
        `remove the ${constraint.kind} attribute, or give the element another type`,
      );
    }
    // Element Default Valid (Immediate): a simple type or simple content takes a value of that type; mixed, emptiable content any text.
    const content = model.contentOf(type);
    if (content.kind !== 'simple' && !(content.kind === 'mixed' && content.emptiable)) {
      throw new GeneratorError(
        'xsd.cos-valid-default',
        `${label} has a ${constraint.kind} value but its type ${describeType(type)} has ${describeContent(content)}, which cannot take text`,
        decl.source,
        'a default or fixed value needs a simple type, simple content, or mixed content whose elements are all optional',
      );
    }
    if (content.kind === 'simple') {
      const problem = checkLexical(typeRef, constraint.value, index);
      if (problem) {
        throw new GeneratorError('xsd.cos-valid-default', `the ${constraint.kind} value "${constraint.value}" of ${label} is not valid for its type: ${problem.message}`, decl.source, problem.hint ?? `write a ${constraint.kind} value the type accepts`);
      }
    }
  }
  if (!decl.substitutionGroup) return;
  const head = index.element(decl.substitutionGroup);
  const headType = head ? resolveType(elementTypeRef(head, index), index) : undefined;
  if (!head || !headType) return;
  if (!isValidlyDerived(type, headType, new Set(head.final), index)) {
    const excluded = head.final.length > 0 ? ` (the head's final excludes ${head.final.join(' and ')})` : '';
    throw new GeneratorError(
      'xsd.e-props-correct',
      `${label} is in the substitution group of "${head.name.name}" but its type ${describeType(type)} is not validly derived from the head's type ${describeType(headType)}${excluded}`,
      decl.source,
      "give the element the head's type or a type derived from it, by a method the head's final allows",
    );
  }
}

/** An element's {type definition}: its own, else its substitution group head's (transitively), else xs:anyType. */
export function elementTypeRef(decl: ElementDecl, index: SchemaIndex): TypeRef {
  let current: ElementDecl | undefined = decl;
  for (let steps = 0; current && steps < MAX_CHAIN; steps++) {
    if (current.type) return current.type;
    current = current.substitutionGroup ? index.element(current.substitutionGroup) : undefined;
  }
  return ANY_TYPE;
}
