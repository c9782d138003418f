/** Reads the model program's documents from schemas/examples/ (Node only: the browser gets them inlined). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from '../support/paths.js';
import { PROGRAM_DOCUMENTS, type ProgramDocument } from './model-program.js';

export function loadProgramDocuments(): ProgramDocument[] {
  return PROGRAM_DOCUMENTS.map((doc) => ({ ...doc, text: readFileSync(path.join(SCHEMAS_DIR, 'examples', doc.name), 'utf8') }));
}
