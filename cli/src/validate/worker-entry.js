// Entry of a validation worker thread when cli/src runs from its TypeScript sources (a test that
// imports run-batch.ts); the evfw command runs the bundle dist/worker-entry.js instead
// (scripts/build-cli.mjs). A worker does not inherit the main thread's module hooks, so it
// registers tsx's loader itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
