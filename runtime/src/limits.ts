/**
 * Limits on what a document may make the reader and validator do. The defaults follow
 * libxml2's own (depth 256, 10,000,000 characters in one text node or attribute value), plus a
 * document size and an error cap, so hostile input ends in a diagnostic, in bounded time and
 * memory.
 */
export interface Limits {
  /** Largest document, in bytes of a Uint8Array or characters of a string. */
  readonly maxDocumentSize: number;
  /** Deepest element nesting; the root is depth 1. */
  readonly maxDepth: number;
  /** Longest single text node or attribute value, in characters. */
  readonly maxTextLength: number;
  /** Errors reported before stopping; one evfw.limit.errors diagnostic then says so. */
  readonly maxErrors: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxDocumentSize: 64 * 1024 * 1024,
  maxDepth: 256,
  maxTextLength: 10_000_000,
  maxErrors: 100,
});

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  // Most calls override nothing: no object to make for them.
  if (overrides === undefined) return DEFAULT_LIMITS;
  return { ...DEFAULT_LIMITS, ...overrides };
}

/**
 * What checking one element's children against a content model with counters may cost before
 * it stops with evfw.limit.content-model. A run keeps a set of counter vectors (see
 * validate/counted-run.ts); schemas that obey Unique Particle Attribution keep it to a handful,
 * and only a model that is ambiguous about which iteration a child starts, with counts that
 * keep the candidates apart, can grow it. Work is counted in vector cells touched and compared:
 * a fixed allowance, then an average per child far above what any real model uses, so time
 * stays linear in the number of children whatever the schema.
 */
export const CONTENT_MODEL_BUDGET = Object.freeze({
  /** Most counter vectors kept at once for one element. */
  maxConfigurations: 10_000,
  /** Work allowed for one element before any child. */
  baseWork: 1 << 22,
  /** Work allowed per child on average. */
  workPerChild: 1024,
});
