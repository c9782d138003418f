/**
 * Simple type definitions and their facets (XSD 1.0 part 1 section 3.14.6, part 2 section 4.3),
 * for every simple type of the set: global, anonymous in declarations, list item and union
 * member types, and the anonymous type a simpleContent restriction with facets stands for.
 *
 * - st-props-correct: a restriction's base is a simple type with a variety (not a complex type,
 *   not xs:anySimpleType itself), whose {final} allows restriction;
 * - cos-list-of-atomic: a list's item type is atomic, or a union of no lists;
 * - cos-st-restricts: the {final} of an item or member type allows list or union;
 * - the facets of each restriction step (check-facets-step.ts);
 * - a cap on a union's members once member unions are expanded, so checking a value stays bounded.
 *
 * A type's base is checked before it, so the facts it inherits are known to be sound; each type
 * is checked once, and a chain of bases is walked with a loop (its length is capped by
 * ir/schema-limits.ts, which the assembled set has passed).
 */
import { GeneratorError } from '../errors.js';
import { XSD_NAMESPACE, type SchemaSet, type SimpleType, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { visitSchemas } from '../ir/visit.js';
import { FactsTable, typeName, type Resolution } from './check-facets-facts.js';
import { checkRestrictionStep } from './check-facets-step.js';
import { simpleDescriptor } from './simple-values.js';

export function checkFacets(set: SchemaSet, index: SchemaIndex): void {
  const defs: SimpleType[] = [];
  // The anonymous types read-types.ts makes for simpleContent restrictions: their base is the
  // complex type restricted, and what they restrict is its simple content.
  const contentTypes = new Set<SimpleType>();
  visitSchemas(set, {
    type(def, schema) {
      if (schema.builtin) return;
      if (def.kind === 'simple') defs.push(def);
      else if (def.content.kind === 'simple' && def.content.type.kind === 'simple') contentTypes.add(def.content.type);
    },
  });
  const checker = new SimpleTypeChecker(index, contentTypes);
  // Every union's size first: the checks of enumeration and bound values then stay bounded.
  for (const def of defs) if (def.variety === 'union') checker.checkUnionSize(def);
  for (const def of defs) checker.checkWithBases(def);
}

/**
 * The most member types a union may have once its member unions are expanded. Checking a value
 * against a union tries its members one by one, so a union of two copies of a union of two
 * copies of ... (40 levels: 2^40 members) would check for ever; real unions have a handful.
 */
export const MAX_UNION_MEMBERS = 1_000;

function label(def: SimpleType): string {
  return def.name ? `simple type "${def.name.name}"` : 'the anonymous simple type';
}

class SimpleTypeChecker {
  private readonly facts: FactsTable;
  private readonly checked = new Set<SimpleType>();
  /** Per union type: its member types once member unions are expanded (at most MAX_UNION_MEMBERS + 1). */
  private readonly expandedMembers = new Map<SimpleType, number>();
  /** Per union type: a list type among its members, directly or through member unions. */
  private readonly listMembers = new Map<SimpleType, string | undefined>();

  constructor(
    private readonly index: SchemaIndex,
    private readonly contentTypes: ReadonlySet<SimpleType>,
  ) {
    this.facts = new FactsTable(index);
  }

  /** Checks `def` after the simple types it restricts, innermost first. */
  checkWithBases(def: SimpleType): void {
    const chain: SimpleType[] = [];
    let current: SimpleType | undefined = def;
    while (current && !this.checked.has(current) && !chain.includes(current)) {
      chain.push(current);
      current = this.baseDef(current);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const next = chain[i];
      if (next === undefined) continue;
      this.checked.add(next);
      this.check(next);
    }
  }

  /** The simple type definition a restriction restricts, through the complex types of simpleContent. */
  private baseDef(def: SimpleType): SimpleType | undefined {
    if (def.variety !== 'atomic') return undefined;
    let ref = def.base;
    // Each turn follows one complex type's simple content; the component graph has no cycles.
    for (;;) {
      if (!ref) return undefined;
      if (ref.kind === 'simple') return ref;
      if (ref.kind === 'complex') return undefined;
      // A name in the XSD namespace is the built-in, as everywhere else (FactsTable.resolve), even
      // when the schema set declares that namespace itself (a schema for schemas) and a type of
      // that name: following the declaration there could loop (string restricting xs:string).
      if (ref.ref.namespace === XSD_NAMESPACE) return undefined;
      const named = this.index.type(ref.ref);
      if (!named) return undefined;
      if (named.kind === 'simple') return named;
      if (named.content.kind !== 'simple') return undefined;
      ref = named.content.type;
    }
  }

  private check(def: SimpleType): void {
    switch (def.variety) {
      case 'atomic':
        this.checkRestriction(def);
        break;
      case 'list':
        this.checkList(def);
        break;
      case 'union':
        this.checkUnion(def);
        break;
    }
  }

  private checkRestriction(def: SimpleType): void {
    if (!def.base) return;
    const isContent = this.contentTypes.has(def);
    const base = isContent ? this.facts.resolveContent(def.base) : this.facts.resolve(def.base);
    if (base.kind === 'missing') return;
    if (base.kind === 'complex') {
      // A simpleContent restriction of a complex type without simple content is the complex
      // type's error (check-derivations.ts), not this anonymous type's.
      if (isContent) return;
      throw new GeneratorError(
        'xsd.st-props-correct',
        `the base type ${typeName(def.base)} of ${label(def)} is not a simple type`,
        def.source,
        'a simple type can only restrict a simple type: name a simple type as the base, or use a complex type with simpleContent',
      );
    }
    const facts = base.facts;
    if (facts.variety === 'absent') {
      throw new GeneratorError(
        'xsd.st-props-correct',
        `${label(def)} restricts xs:anySimpleType${isContent ? ' (the simple content of its base)' : ''}, which has no variety (atomic, list or union) to restrict`,
        def.source,
        'restrict a built-in type such as xs:string instead, or use xs:anySimpleType itself as the type',
      );
    }
    if (facts.final.includes('restriction')) {
      throw new GeneratorError(
        'xsd.st-props-correct',
        `${label(def)} restricts ${typeName(def.base)}, whose final forbids derivation by restriction`,
        def.source,
        `remove "restriction" from the final of ${typeName(def.base)} (or the schema's finalDefault), or derive from another type`,
      );
    }
    checkRestrictionStep(def, label(def), facts, simpleDescriptor(def.base, this.index));
  }

  private checkList(def: SimpleType): void {
    const itemRef = def.itemType;
    if (!itemRef) return;
    const item = this.simpleOrFail(this.facts.resolve(itemRef), itemRef, def, 'item');
    if (!item) return;
    const listInside = item.variety === 'union' ? this.listMemberOf(itemRef) : undefined;
    if (item.variety === 'list' || listInside !== undefined) {
      throw new GeneratorError(
        'xsd.cos-list-of-atomic',
        item.variety === 'list'
          ? `the item type ${typeName(itemRef)} of the list ${label(def)} is itself a list`
          : `the item type ${typeName(itemRef)} of the list ${label(def)} is a union with a list member (${listInside})`,
        def.source,
        'a list of lists is not allowed: take the items of the inner list as the item type',
      );
    }
    if (item.final.includes('list')) {
      throw new GeneratorError(
        'xsd.cos-st-restricts',
        `the item type ${typeName(itemRef)} of the list ${label(def)} has a final that forbids derivation by list`,
        def.source,
        `remove "list" from the final of ${typeName(itemRef)} (or the schema's finalDefault), or use another item type`,
      );
    }
  }

  checkUnionSize(def: SimpleType): void {
    const expanded = this.memberCount(def);
    if (expanded > MAX_UNION_MEMBERS) {
      throw new GeneratorError(
        'xsd.schema.too-large',
        `the union ${label(def)} has more than ${MAX_UNION_MEMBERS.toLocaleString('en')} member types once its member unions are expanded`,
        def.source,
        'name each member type once: a union that repeats member unions multiplies their members at each level',
      );
    }
  }

  private checkUnion(def: SimpleType): void {
    for (const memberRef of def.memberTypes) {
      const member = this.simpleOrFail(this.facts.resolve(memberRef), memberRef, def, 'member');
      if (member?.final.includes('union')) {
        throw new GeneratorError(
          'xsd.cos-st-restricts',
          `the member type ${typeName(memberRef)} of the union ${label(def)} has a final that forbids derivation by union`,
          def.source,
          `remove "union" from the final of ${typeName(memberRef)} (or the schema's finalDefault), or use another member type`,
        );
      }
    }
  }

  private simpleOrFail(resolution: Resolution, ref: TypeRef, def: SimpleType, role: 'item' | 'member') {
    if (resolution.kind === 'simple') return resolution.facts;
    if (resolution.kind === 'missing') return undefined;
    throw new GeneratorError(
      'xsd.src-resolve',
      `the ${role} type ${typeName(ref)} of ${label(def)} is not a simple type`,
      def.source,
      `name a simple type as the ${role} type`,
    );
  }

  /**
   * A union's member types with member unions expanded, stopping past the cap. Member unions are
   * counted before the union (checkWithBases orders bases only), so this recurses through them:
   * no deeper than the derivation depth cap of ir/schema-limits.ts.
   */
  private memberCount(union: SimpleType): number {
    const known = this.expandedMembers.get(union);
    if (known !== undefined) return known;
    let count = 0;
    for (const memberRef of union.memberTypes) {
      const inner = this.unionDef(memberRef);
      count += inner ? this.memberCount(inner) : 1;
      if (count > MAX_UNION_MEMBERS) break;
    }
    this.expandedMembers.set(union, count);
    return count;
  }

  /** The name of a list type among a union's members (through member unions), if any. */
  private listMemberOf(ref: TypeRef): string | undefined {
    const union = this.unionDef(ref);
    if (!union) return undefined;
    if (this.listMembers.has(union)) return this.listMembers.get(union);
    // Depth-first over member unions with an explicit stack; each union is expanded once.
    this.listMembers.set(union, undefined);
    const stack: SimpleType[] = [union];
    let found: string | undefined;
    const seen = new Set<SimpleType>([union]);
    while (stack.length > 0 && found === undefined) {
      const next = stack.pop();
      if (!next) break;
      for (const memberRef of next.memberTypes) {
        const member = this.facts.resolve(memberRef);
        if (member.kind !== 'simple') continue;
        if (member.facts.variety === 'list') {
          found = typeName(memberRef);
          break;
        }
        const inner = this.unionDef(memberRef);
        if (inner && !seen.has(inner)) {
          seen.add(inner);
          stack.push(inner);
        }
      }
    }
    this.listMembers.set(union, found);
    return found;
  }

  /** The union definition a type is (a union, or a restriction of one), found through its bases. */
  private unionDef(ref: TypeRef): SimpleType | undefined {
    let def: SimpleType | undefined;
    if (ref.kind === 'simple') def = ref;
    else if (ref.kind === 'type-ref' && ref.ref.namespace !== XSD_NAMESPACE) {
      const named = this.index.type(ref.ref);
      if (named?.kind === 'simple') def = named;
    }
    while (def && def.variety === 'atomic') def = this.baseDef(def);
    return def?.variety === 'union' ? def : undefined;
  }
}
