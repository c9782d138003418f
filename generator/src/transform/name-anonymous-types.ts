/**
 * Anonymous types of elements and attributes are moved into the schema's type list under a
 * name made from where they were declared: the element's own name for a global element
 * (`cpm-evfw`), the owner's name and the element's for a local one (`delivery-notification`
 * + `status`). They keep `anonymous: true`, so docs can still say the schema gave no name.
 * Anonymous simple types nested inside other simple types (union members, list items) stay
 * inline: they are expressions, not things a user names.
 */
import type { AttributeUse, DeclaredType, ElementDecl, Particle, QName, Schema, SchemaSet, TypeDef, TypeRef } from '../ir/ir.js';

export function nameAnonymousTypes(set: SchemaSet): SchemaSet {
  return { schemas: set.schemas.map(nameInSchema) };
}

function nameInSchema(schema: Schema): Schema {
  const taken = new Set(schema.types.flatMap((t) => (t.name ? [t.name.name] : [])));
  const hoisted: DeclaredType[] = [];

  const hoist = (def: TypeDef, wanted: string): TypeRef => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`;
    taken.add(name);
    const qname: QName = { namespace: schema.namespace, name };
    // Push first so that nested types follow their owner in the output order.
    const slot = hoisted.length;
    const declared: DeclaredType = { ...def, name: qname, anonymous: true };
    hoisted.push(declared);
    hoisted[slot] = { ...inType(declared, name), name: qname };
    return { kind: 'type-ref', ref: qname };
  };

  // The type takes the element's documentation when it has none: it is all the user will see.
  const inElement = (decl: ElementDecl, wanted: string): ElementDecl =>
    decl.type && decl.type.kind !== 'type-ref'
      ? { ...decl, type: hoist({ ...decl.type, documentation: decl.type.documentation ?? decl.documentation }, wanted) }
      : decl;

  const inAttributes = (uses: readonly AttributeUse[], owner: string): AttributeUse[] =>
    uses.map((use) =>
      use.kind === 'attribute' && use.attribute.type && use.attribute.type.kind !== 'type-ref'
        ? { ...use, attribute: { ...use.attribute, type: hoist(use.attribute.type, `${owner}-${use.attribute.name.name}`) } }
        : use,
    );

  const inParticle = (p: Particle, owner: string): Particle => {
    if (p.kind === 'element') return { ...p, element: inElement(p.element, `${owner}-${p.element.name.name}`) };
    if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') {
      return { ...p, particles: p.particles.map((c) => inParticle(c, owner)) };
    }
    return p;
  };

  const inType = (def: TypeDef, owner: string): TypeDef => {
    if (def.kind === 'simple') return def;
    const content =
      def.content.kind === 'elements'
        ? { ...def.content, particle: inParticle(def.content.particle, owner) }
        : def.content.kind === 'simple' && def.content.type.kind === 'simple' && def.content.type.facets.some((f) => f.kind === 'enumeration')
          ? { ...def.content, type: hoist(def.content.type, `${owner}-value`) }
          : def.content;
    return { ...def, content, attributes: inAttributes(def.attributes, owner) };
  };

  const elements = schema.elements.map((decl) => inElement(decl, decl.name.name));
  const attributes = schema.attributes.map((decl) =>
    decl.type && decl.type.kind !== 'type-ref' ? { ...decl, type: hoist(decl.type, decl.name.name) } : decl,
  );
  const named = schema.types.map((def) => ({ ...inType(def, def.name.name), name: def.name }));
  const groups = schema.groups.map((g) => ({ ...g, particle: inParticle(g.particle, g.name.name) as typeof g.particle }));
  const attributeGroups = schema.attributeGroups.map((g) => ({ ...g, attributes: inAttributes(g.attributes, g.name.name) }));
  return { ...schema, elements, attributes, types: [...named, ...hoisted], groups, attributeGroups };
}
