// Entry of a validation worker thread. A worker does not inherit the main thread's module
// hooks, so it registers tsx's loader itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
