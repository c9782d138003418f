/**
 * Compares two schema IRs. (Placeholder: being written.)
 */
import type { SchemaSet } from '../ir/ir.js';

export function diffSchemas(_before: SchemaSet, _after: SchemaSet): never {
  throw new Error('not written yet');
}
