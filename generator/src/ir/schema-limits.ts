/**
 * Caps on the shape of a schema set (issue 17, D-92). Schemas come from other people; without
 * these, a chain of 10,000 derivations or a group used twice in each of 40 nested groups makes
 * the generator's output, and its time, grow without bound. The defaults are far above what any
 * schema we know of uses (the deepest derivation in the corpus is under 10) and low enough that
 * every walk the generator and runtime make over a type stays shallow and every output stays
 * small. Each cap is refused with its own code, the component's position and the option to raise it.
 */

export interface SchemaLimits {
  /**
   * The longest chain of type references a type stands on: base types, list item types and
   * union member types, named or anonymous. A descriptor nests one level per step.
   */
  readonly maxDerivationDepth: number;
  /**
   * How deeply model groups nest once `<xs:group ref>` is inlined, and how deeply elements
   * nest in one schema document (anonymous types inside elements inside sequences...).
   */
  readonly maxNestingDepth: number;
  /**
   * Particles and attribute uses over every complex type once groups are inlined and
   * extensions flattened (each extension repeats its base's content): what the descriptors hold.
   */
  readonly maxFlattenedSize: number;
  /**
   * Global declarations and definitions over the schema set: each becomes functions, types and
   * an ajv validator in the generated package, and ajv's standalone code for a module grows with
   * the square of its exports (2,000 elements: 13 s to generate; 5,000: 114 s); past this,
   * generation would not end in the 30 s that issue 17 allows.
   */
  readonly maxComponents: number;
}

export const DEFAULT_SCHEMA_LIMITS: SchemaLimits = {
  maxDerivationDepth: 256,
  maxNestingDepth: 256,
  maxFlattenedSize: 50_000,
  maxComponents: 2_500,
};

/** The option that raises each cap, for hints. */
export const LIMIT_OPTIONS: Readonly<Record<keyof SchemaLimits, string>> = {
  maxDerivationDepth: '--schema-limit maxDerivationDepth=<n> (limits.maxDerivationDepth in GenerateOptions)',
  maxNestingDepth: '--schema-limit maxNestingDepth=<n> (limits.maxNestingDepth in GenerateOptions)',
  maxFlattenedSize: '--schema-limit maxFlattenedSize=<n> (limits.maxFlattenedSize in GenerateOptions)',
  maxComponents: '--schema-limit maxComponents=<n> (limits.maxComponents in GenerateOptions)',
};
