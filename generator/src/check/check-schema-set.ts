/**
 * The check stage: the schema component constraints XSD 1.0 part 1 states in prose, on the
 * assembled set (every reference resolves; groups and attribute groups still referenced, as the
 * schema wrote them). The structure of each schema document against the schema for schemas is
 * checked earlier, when it is read (read/check-schema-document.ts).
 *
 * Each check throws the first violation it finds as a GeneratorError whose code is named after
 * the constraint (`xsd.cos-ct-extends`, `xsd.derivation-ok-restriction`, ...), at the component.
 */
import type { SchemaSet } from '../ir/ir.js';
import { indexSchemas } from '../ir/schema-index.js';
import { checkDeclarations } from './check-declarations.js';
import { checkDerivations } from './check-derivations.js';
import { checkFacets } from './check-facets.js';
import { checkIdentityConstraints } from './check-identity-constraints.js';
import { checkParticles } from './check-particles.js';

export function checkSchemaSet(set: SchemaSet): void {
  const index = indexSchemas(set);
  checkFacets(set, index);
  checkDerivations(set, index);
  checkDeclarations(set, index);
  checkIdentityConstraints(set, index);
  checkParticles(set, index);
}
