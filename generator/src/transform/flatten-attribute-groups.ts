/**
 * Attribute group references are replaced by the attributes they stand for, and attribute
 * references by a copy of the global declaration, so a complex type lists every attribute it
 * allows in one place. Its anyAttribute becomes its complete wildcard: the intersection of its
 * own wildcard with those of the attribute groups it refers to (XSD 1.0 part 1, 3.4.2 and 3.6.2).
 *
 * What the spec says of uses reached through groups, and this transform keeps:
 * - `use="prohibited"` inside a group stands for no attribute use at all (3.2.2), so the group
 *   brings nothing for it; only a prohibited use written on the restriction itself removes the
 *   base's attribute (3.4.2, {attribute uses} clause 3.2).
 * - two uses of one global attribute (through `ref`, say in two groups) are one declaration,
 *   not two of the same name (ct-props-correct 4): the type keeps one use, required when
 *   either is.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type AttributeDecl, type AttributeGroupDef, type AttributeUse, type LocalAttributeUse, type SchemaSet, type Source, type Wildcard } from '../ir/ir.js';
import { mapSchemas } from '../ir/map.js';
import { indexSchemas, type SchemaIndex } from '../ir/schema-index.js';
import { completeWildcard } from '../ir/wildcards.js';

/** A flattened use with the declaration it stands for: the same object for every use of one declaration. */
interface Flat {
  readonly use: LocalAttributeUse;
  readonly declaration: AttributeDecl;
}

interface Expanded {
  readonly uses: readonly Flat[];
  readonly wildcard: Wildcard | undefined;
}

export function flattenAttributeGroups(set: SchemaSet): SchemaSet {
  const expander = new GroupExpander(indexSchemas(set));
  return mapSchemas(set, {
    type(def) {
      if (def.kind !== 'complex') return def;
      const label = def.name && !def.anonymous ? `complex type "${def.name.name}"` : 'an anonymous complex type';
      const { uses, wildcard } = expander.expand(def.attributes, def.anyAttribute, def.source, label, []);
      // Prohibited uses written on the type itself are kept for the lowering (they remove the
      // base's attribute in a restriction), unless a use of the same name stands beside them.
      const present = new Set(uses.filter((f) => f.use.use !== 'prohibited').map((f) => qnameKey(f.declaration.name)));
      const kept = uses.filter((f) => f.use.use !== 'prohibited' || !present.has(qnameKey(f.declaration.name)));
      refuseDuplicates(kept);
      return { ...def, attributes: kept.map((f) => f.use), anyAttribute: wildcard };
    },
  });
}

/** Expands attribute group references, each group once (its result is kept), refusing a cycle. */
class GroupExpander {
  private readonly groups = new Map<AttributeGroupDef, Expanded>();

  constructor(private readonly index: SchemaIndex) {}

  /** The uses written in `uses` (groups expanded, one per declaration) and the complete wildcard. */
  expand(uses: readonly AttributeUse[], local: Wildcard | undefined, source: Source, label: string, seen: readonly string[]): Expanded {
    const out: Flat[] = [];
    const at = new Map<AttributeDecl, number>();
    const add = (flat: Flat) => {
      const earlier = at.get(flat.declaration);
      const previous = earlier === undefined ? undefined : out[earlier];
      if (earlier === undefined || !previous) {
        at.set(flat.declaration, out.length);
        out.push(flat);
      } else if (flat.use.use === 'required' && previous.use.use !== 'required') {
        // Both uses are in {attribute uses}: the attribute must appear when either requires it.
        out[earlier] = { ...previous, use: { ...previous.use, use: 'required' } };
      }
    };
    const groupWildcards: Wildcard[] = [];
    for (const use of uses) {
      if (use.kind === 'attribute') add({ use, declaration: use.attribute });
      else if (use.kind === 'attribute-ref') {
        const decl = this.index.attributes.get(qnameKey(use.ref))!;
        add({
          use: { kind: 'attribute', use: use.use, global: true, attribute: { ...decl, default: use.default ?? decl.default, fixed: use.fixed ?? decl.fixed, source: use.source } },
          declaration: decl,
        });
      } else {
        const key = qnameKey(use.ref);
        if (seen.includes(key)) {
          throw new GeneratorError('xsd.reference.unresolved', `attribute group "${use.ref.name}" refers to itself`, use.source);
        }
        const group = this.index.attributeGroups.get(key)!;
        const inner = this.group(group, [...seen, key]);
        for (const flat of inner.uses) add(flat);
        if (inner.wildcard) groupWildcards.push(inner.wildcard);
      }
    }
    return { uses: out, wildcard: completeWildcard(local, groupWildcards, source, label) };
  }

  /** A group's {attribute uses} (no prohibited ones: they are no uses) and {attribute wildcard}. */
  private group(def: AttributeGroupDef, seen: readonly string[]): Expanded {
    let found = this.groups.get(def);
    if (!found) {
      const all = this.expand(def.attributes, def.anyAttribute, def.source, `attribute group "${def.name.name}"`, seen);
      found = { uses: all.uses.filter((f) => f.use.use !== 'prohibited'), wildcard: all.wildcard };
      this.groups.set(def, found);
    }
    return found;
  }
}

/** ct-props-correct 4: two different declarations of one name among a type's attribute uses. */
function refuseDuplicates(uses: readonly Flat[]): void {
  const seen = new Set<string>();
  for (const { use } of uses) {
    const key = qnameKey(use.attribute.name);
    if (seen.has(key)) {
      throw new GeneratorError('xsd.component.duplicate', `attribute "${use.attribute.name.name}" is used twice on one type`, use.attribute.source);
    }
    seen.add(key);
  }
}
