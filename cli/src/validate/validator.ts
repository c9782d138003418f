/**
 * One document's verdict, the same in the main thread and in a worker: the settings are plain
 * data (schema descriptors, not a compiled registry), so a worker builds the same validator from
 * what it is sent.
 */
import { readFileSync } from 'node:fs';
import { SchemaRegistry, validateDocument, type CompatOption, type Limits, type Profile, type SchemaDescriptor } from '@evfw/runtime';
import { decodeForDisplay, excerptsFor } from '../report/source-excerpt.js';
import type { FileResult } from './file-result.js';
import type { Input } from '../inputs/resolve-inputs.js';

export interface ValidatorSettings {
  /** Every namespace a document may use; the root element's namespace picks its schema. */
  readonly schemas: readonly SchemaDescriptor[];
  /** Which rules apply (D-60): xsd, spec (the CLI's default) or invite. */
  readonly profile: Profile;
  readonly compat: readonly CompatOption[];
  readonly limits: Partial<Limits>;
  /** Warnings make a document invalid. */
  readonly denyWarnings: boolean;
  /** Keep the source line of each diagnostic (the text format prints it). */
  readonly excerpts: boolean;
}

/** A document to check: a file to read, or bytes already read (stdin). */
export type Job = { readonly input: Input; readonly bytes?: Uint8Array };

export class Validator {
  private readonly registry: SchemaRegistry;

  constructor(private readonly settings: ValidatorSettings) {
    this.registry = new SchemaRegistry(settings.schemas);
  }

  check(job: Job): FileResult {
    const { file } = job.input;
    let bytes = job.bytes;
    if (!bytes) {
      try {
        // A Buffer is a Uint8Array: no copy.
        bytes = readFileSync(file);
      } catch (error) {
        return { file, valid: false, diagnostics: [], failure: `cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
      }
    }
    // Validation alone: no model is built for a verdict.
    const diagnostics = validateDocument(this.registry, undefined, bytes, { profile: this.settings.profile, compat: this.settings.compat, limits: this.settings.limits });
    const valid = !diagnostics.some((d) => d.severity === 'error' || (this.settings.denyWarnings && d.severity === 'warning'));
    const result: FileResult = { file, valid, diagnostics };
    if (!this.settings.excerpts || diagnostics.length === 0) return result;
    return { ...result, excerpts: excerptsFor(decodeForDisplay(bytes), diagnostics) };
  }
}
