/**
 * Where libxml2 accepts what XSD 1.0 refuses, written as the schema libxml2 effectively
 * validates against, so a test can tell a known libxml2 defect from a new disagreement.
 *
 * One defect so far (D-58): in a sequence, an element particle with maxOccurs="unbounded"
 * followed directly by an unbounded ##other wildcard (`operation+ ##other*`) is compiled so
 * that the wildcard loops back to before the element: libxml2 accepts `<operation/><x:ext/>
 * <operation/>`, which the schema forbids. `libxml2View` rewrites every such pair to
 * `element+ (##other | element)*`; a document our validator accepts against that view but not
 * against the schema is one libxml2 accepts by this defect.
 */
import type { ParticleDescriptor, SchemaDescriptor } from '../../runtime/src/schema/descriptor.js';
import { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { Libxml2Oracle, type SchemaFile } from './libxml2-oracle.js';

/**
 * Corpus schemas libxml2 refuses to compile, with the reason (D-46). RFC 4826's listType is not
 * deterministic (a lax ##other wildcard inside the repeated choice, another after it), which
 * XSD 1.0's Unique Particle Attribution forbids; evfw validates it anyway, so for these sets
 * only evfw's verdicts can be checked.
 */
export const LIBXML2_REFUSES: Readonly<Record<string, string>> = {
  'resource-lists': 'The content model is not determinist',
};

/**
 * libxml2 with a corpus set's schemas, or the reason it refused to compile them: a set listed
 * in LIBXML2_REFUSES has no oracle, and its tests check evfw's verdicts alone.
 */
export function corpusOracle(set: { namespaces: readonly SchemaFile[] }): { oracle: Libxml2Oracle | undefined; refusal: string | undefined } {
  try {
    return { oracle: new Libxml2Oracle(set.namespaces), refusal: undefined };
  } catch (error) {
    return { oracle: undefined, refusal: String(error) };
  }
}

const views = new WeakMap<SchemaRegistry, SchemaRegistry>();

export function libxml2View(registry: SchemaRegistry): SchemaRegistry {
  let view = views.get(registry);
  if (!view) {
    view = new SchemaRegistry(registry.schemas.map(rewriteSchema));
    views.set(registry, view);
  }
  return view;
}

function rewriteSchema(schema: SchemaDescriptor): SchemaDescriptor {
  return {
    ...schema,
    complexTypes: schema.complexTypes.map((t) => (t.content.kind === 'elements' ? { ...t, content: { kind: 'elements', particle: rewrite(t.content.particle) } } : t)),
  };
}

function rewrite(p: ParticleDescriptor): ParticleDescriptor {
  if (p.kind === 'element' || p.kind === 'any') return p;
  const particles = p.particles.map(rewrite);
  if (p.kind !== 'sequence') return { ...p, particles };
  return {
    ...p,
    particles: particles.map((c, i) => {
      const before = particles[i - 1];
      const loops = before?.kind === 'element' && before.max === 'unbounded' && c.kind === 'any' && c.max === 'unbounded' && c.wildcard.namespaces.kind === 'other';
      if (!loops) return c;
      return {
        kind: 'choice',
        min: 0,
        max: 'unbounded',
        ...(c.property === undefined ? {} : { property: c.property }),
        particles: [
          { ...c, min: 1, max: 1, property: 'extension' },
          { ...before, min: 1, max: 1, property: 'again' },
        ],
      };
    }),
  };
}
