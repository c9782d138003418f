/**
 * What a case module under cases/ exports: for each case, a function that receives the documents
 * of one input (in the form the catalogue names) and returns the operation to time. Preparing
 * happens before timing: compiling a schema, converting documents to a peer's object form.
 */

export interface Prepared {
  /** Processes every document once; returns a number so the work cannot be optimised away. */
  run(): number | Promise<number>;
  /** Why the case's result is wrong for these documents (one is reported invalid...), or undefined. Run once, untimed. */
  check(): string | undefined | Promise<string | undefined>;
}

export interface CaseContext {
  /** The XSD the validators check against (schemas/cpm-evfw.xsd), as an absolute path. */
  readonly schemaFile: string;
}

export type Prepare<Doc> = (docs: readonly Doc[], context: CaseContext) => Prepared | Promise<Prepared>;
