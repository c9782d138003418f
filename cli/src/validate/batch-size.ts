/**
 * When a batch goes to worker threads. A worker takes 0.1 to 0.2 s to start and warm up (it loads
 * the built CLI), and one thread validates some 50,000 small documents a second, or 40 MB a
 * second. So workers pay only for a batch that is large in both senses; below either mark, one
 * thread finishes first. In a module of their own: the command's help names them, and loading
 * run-batch.ts for that would load the validator at every start.
 */
export const WORKER_MIN_FILES = 64;
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;
