/**
 * The model program in Node, from the workspace's TypeScript sources, printing what the browser
 * bundle prints. Run as `node --conditions=@evfw/source --import tsx test/browser/model-program.node.ts`.
 */
import { modelProgram } from './model-program.js';
import { loadProgramDocuments } from './program-documents.js';

for (const line of modelProgram(loadProgramDocuments())) console.log(line);
