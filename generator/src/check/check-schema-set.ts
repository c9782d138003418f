/**
 * The check stage: the schema component constraints XSD 1.0 part 1 states in prose, on the
 * assembled set (every reference resolves; groups and attribute groups still referenced, as the
 * schema wrote them). The structure of each schema document against the schema for schemas is
 * checked earlier, when it is read (read/check-schema-document.ts).
 *
 * Each check throws the first violation it finds as a GeneratorError whose code is named after
 * the constraint (`xsd.cos-ct-extends`, `xsd.derivation-ok-restriction`, ...), at the component.
 */
import { GeneratorError } from '../errors.js';
import type { SchemaSet } from '../ir/ir.js';
import { indexSchemas } from '../ir/schema-index.js';
import { checkDeclarations } from './check-declarations.js';
import { checkDerivations } from './check-derivations.js';
import { checkFacets } from './check-facets.js';
import { checkIdentityConstraints } from './check-identity-constraints.js';
import { checkParticles } from './check-particles.js';
import { uniqueParticleAttributionViolation } from './particle-attribution.js';

export interface CheckOptions {
  /** A Unique Particle Attribution violation: an error, or a warning given to onWarning (D-113). */
  readonly uniqueParticleAttribution: 'error' | 'warning';
  readonly onWarning: (warning: GeneratorError) => void;
}

export function checkSchemaSet(set: SchemaSet, options: CheckOptions): void {
  const index = indexSchemas(set);
  checkFacets(set, index);
  checkDerivations(set, index);
  checkDeclarations(set, index);
  checkIdentityConstraints(set, index);
  checkParticles(set, index);
  checkUniqueParticleAttribution(set, index, options);
}

/** cos-nonambig: a schema error by default; a warning when the caller asked for one (D-113). */
function checkUniqueParticleAttribution(set: SchemaSet, index: ReturnType<typeof indexSchemas>, options: CheckOptions): void {
  const violation = uniqueParticleAttributionViolation(set, index);
  if (!violation) return;
  const error = new GeneratorError(
    'xsd.cos-nonambig',
    violation.message,
    violation.source,
    options.uniqueParticleAttribution === 'error'
      ? 'XSD 1.0 requires every element to match one particle knowable from its name alone (Unique Particle Attribution); change the content model, or accept it with --upa warning (uniqueParticleAttribution: \'warning\'), as for RFC 4826 resource-lists'
      : 'evfw validates it anyway: the first particle, in schema order, that can take an element takes it (D-46)',
  );
  if (options.uniqueParticleAttribution === 'error') throw error;
  options.onWarning(error);
}
