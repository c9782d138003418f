/**
 * A read-only walk over every node of a SchemaSet, nested anonymous types included.
 * Checks and read-only passes use it; rewriting passes map the IR themselves.
 */
import type {
  AttributeUse,
  ElementDecl,
  Particle,
  Schema,
  SchemaSet,
  TypeDef,
  TypeRef,
  Wildcard,
} from './ir.js';

export interface Visitor {
  element?(decl: ElementDecl, schema: Schema): void;
  type?(def: TypeDef, schema: Schema): void;
  typeRef?(ref: TypeRef, schema: Schema): void;
  particle?(particle: Particle, schema: Schema): void;
  attributeUse?(use: AttributeUse, schema: Schema): void;
  wildcard?(wildcard: Wildcard, schema: Schema): void;
}

export function visitSchemas(set: SchemaSet, visitor: Visitor): void {
  for (const schema of set.schemas) {
    const typeRef = (ref: TypeRef | undefined) => {
      if (!ref) return;
      visitor.typeRef?.(ref, schema);
      if (ref.kind !== 'type-ref') type(ref);
    };
    const element = (decl: ElementDecl) => {
      visitor.element?.(decl, schema);
      typeRef(decl.type);
    };
    const attributeUses = (uses: readonly AttributeUse[]) => {
      for (const use of uses) {
        visitor.attributeUse?.(use, schema);
        if (use.kind === 'attribute') typeRef(use.attribute.type);
      }
    };
    const particle = (p: Particle) => {
      visitor.particle?.(p, schema);
      if (p.kind === 'element') element(p.element);
      else if (p.kind === 'any') visitor.wildcard?.(p.wildcard, schema);
      else if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') p.particles.forEach(particle);
    };
    const type = (def: TypeDef) => {
      visitor.type?.(def, schema);
      if (def.kind === 'simple') {
        typeRef(def.base);
        typeRef(def.itemType);
        def.memberTypes.forEach(typeRef);
        return;
      }
      if (def.content.kind === 'simple') typeRef(def.content.type);
      if (def.content.kind === 'elements') particle(def.content.particle);
      attributeUses(def.attributes);
      if (def.anyAttribute) visitor.wildcard?.(def.anyAttribute, schema);
    };
    schema.elements.forEach(element);
    for (const decl of schema.attributes) typeRef(decl.type);
    schema.types.forEach(type);
    for (const group of schema.groups) particle(group.particle);
    for (const group of schema.attributeGroups) {
      attributeUses(group.attributes);
      if (group.anyAttribute) visitor.wildcard?.(group.anyAttribute, schema);
    }
  }
}
