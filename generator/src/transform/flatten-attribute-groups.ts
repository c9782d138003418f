/**
 * Attribute group references are replaced by the attributes they stand for, and attribute
 * references by a copy of the global declaration, so a complex type lists every attribute it
 * allows in one place. A wildcard brought in by a group becomes the type's anyAttribute.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type AttributeUse, type LocalAttributeUse, type SchemaSet, type Wildcard } from '../ir/ir.js';
import { mapSchemas } from '../ir/map.js';
import { indexSchemas } from '../ir/schema-index.js';

export function flattenAttributeGroups(set: SchemaSet): SchemaSet {
  const index = indexSchemas(set);

  const expand = (uses: readonly AttributeUse[], seen: readonly string[]): { uses: LocalAttributeUse[]; wildcard: Wildcard | undefined } => {
    const out: LocalAttributeUse[] = [];
    let wildcard: Wildcard | undefined;
    for (const use of uses) {
      if (use.kind === 'attribute') out.push(use);
      else if (use.kind === 'attribute-ref') {
        const decl = index.attributes.get(qnameKey(use.ref))!;
        out.push({
          kind: 'attribute',
          use: use.use,
          global: true,
          attribute: { ...decl, default: use.default ?? decl.default, fixed: use.fixed ?? decl.fixed, source: use.source },
        });
      } else {
        const key = qnameKey(use.ref);
        if (seen.includes(key)) {
          throw new GeneratorError('xsd.reference.unresolved', `attribute group "${use.ref.name}" refers to itself`, use.source);
        }
        const group = index.attributeGroups.get(key)!;
        const inner = expand(group.attributes, [...seen, key]);
        out.push(...inner.uses);
        wildcard ??= group.anyAttribute ?? inner.wildcard;
      }
    }
    return { uses: out, wildcard };
  };

  return mapSchemas(set, {
    type(def) {
      if (def.kind !== 'complex') return def;
      const { uses, wildcard } = expand(def.attributes, []);
      const seen = new Map<string, LocalAttributeUse>();
      for (const use of uses) {
        const key = qnameKey(use.attribute.name);
        if (seen.has(key)) {
          throw new GeneratorError('xsd.component.duplicate', `attribute "${use.attribute.name.name}" is used twice on one type`, use.attribute.source);
        }
        seen.set(key, use);
      }
      return { ...def, attributes: uses, anyAttribute: def.anyAttribute ?? wildcard };
    },
  });
}
