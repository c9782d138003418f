/**
 * A bottom-up rewrite of a SchemaSet, for transforms that replace nodes: each hook receives a
 * node whose children were already rewritten and returns its replacement.
 */
import type { AttributeUse, ElementDecl, Particle, Schema, SchemaSet, TypeDef, TypeRef } from './ir.js';

export interface Mapper {
  particle?(particle: Particle, schema: Schema): Particle;
  attributeUses?(uses: readonly AttributeUse[], schema: Schema): readonly AttributeUse[];
  type?(def: TypeDef, schema: Schema): TypeDef;
  element?(decl: ElementDecl, schema: Schema): ElementDecl;
}

export function mapSchemas(set: SchemaSet, mapper: Mapper): SchemaSet {
  return {
    schemas: set.schemas.map((schema) => {
      const typeRef = (ref: TypeRef | undefined): TypeRef | undefined =>
        ref === undefined || ref.kind === 'type-ref' ? ref : type(ref);
      const attributeUses = (uses: readonly AttributeUse[]): readonly AttributeUse[] => {
        const mapped = uses.map((use) =>
          use.kind === 'attribute' ? { ...use, attribute: { ...use.attribute, type: typeRef(use.attribute.type) } } : use,
        );
        return mapper.attributeUses ? mapper.attributeUses(mapped, schema) : mapped;
      };
      const element = (decl: ElementDecl): ElementDecl => {
        const mapped = { ...decl, type: typeRef(decl.type) };
        return mapper.element ? mapper.element(mapped, schema) : mapped;
      };
      const particle = (p: Particle): Particle => {
        let mapped: Particle = p;
        if (p.kind === 'element') mapped = { ...p, element: element(p.element) };
        else if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') {
          mapped = { ...p, particles: p.particles.map(particle) };
        }
        return mapper.particle ? mapper.particle(mapped, schema) : mapped;
      };
      const type = (def: TypeDef): TypeDef => {
        let mapped: TypeDef;
        if (def.kind === 'simple') {
          mapped = { ...def, base: typeRef(def.base), itemType: typeRef(def.itemType), memberTypes: def.memberTypes.map((m) => typeRef(m)!) };
        } else {
          const content =
            def.content.kind === 'simple'
              ? { ...def.content, type: typeRef(def.content.type)! }
              : def.content.kind === 'elements'
                ? { ...def.content, particle: particle(def.content.particle) }
                : def.content;
          mapped = { ...def, content, attributes: attributeUses(def.attributes) };
        }
        return mapper.type ? mapper.type(mapped, schema) : mapped;
      };
      return {
        ...schema,
        elements: schema.elements.map(element),
        attributes: schema.attributes.map((decl) => ({ ...decl, type: typeRef(decl.type) })),
        types: schema.types.map((def) => ({ ...type(def), name: def.name })),
        groups: schema.groups.map((g) => ({ ...g, particle: particle(g.particle) as typeof g.particle })),
        attributeGroups: schema.attributeGroups.map((g) => ({ ...g, attributes: attributeUses(g.attributes) })),
      };
    }),
  };
}
