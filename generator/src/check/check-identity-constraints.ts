/** (being written) */
import type { SchemaSet } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';

export function checkIdentityConstraints(_set: SchemaSet, _index: SchemaIndex): void {}
