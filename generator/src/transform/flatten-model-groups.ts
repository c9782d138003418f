/**
 * `<xs:group ref>` is replaced by the named group's content, with the reference's occurrence.
 * The group's name stays on the inlined particle: it is the best name a choice or a repeated
 * group can get in the generated model (cpm-evfw's `event` group becomes the `events` property).
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type ModelGroup, type Particle, type SchemaSet } from '../ir/ir.js';
import { mapSchemas } from '../ir/map.js';
import { indexSchemas } from '../ir/schema-index.js';

export function flattenModelGroups(set: SchemaSet): SchemaSet {
  const index = indexSchemas(set);

  const inline = (particle: Particle, seen: readonly string[]): Particle => {
    if (particle.kind === 'group-ref') {
      const key = qnameKey(particle.ref);
      if (seen.includes(key)) {
        throw new GeneratorError('xsd.reference.unresolved', `group "${particle.ref.name}" contains itself`, particle.source);
      }
      const group = index.groups.get(key)!;
      const body = inline(group.particle, [...seen, key]) as ModelGroup;
      return {
        ...body,
        min: particle.min,
        max: particle.max,
        groupName: group.name,
        documentation: body.documentation ?? group.documentation,
      };
    }
    if (particle.kind === 'sequence' || particle.kind === 'choice' || particle.kind === 'all') {
      return { ...particle, particles: particle.particles.map((p) => inline(p, seen)) };
    }
    return particle;
  };

  return mapSchemas(set, {
    type(def) {
      if (def.kind !== 'complex' || def.content.kind !== 'elements') return def;
      return { ...def, content: { ...def.content, particle: inline(def.content.particle, []) } };
    },
  });
}
