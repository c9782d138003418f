/**
 * One document's verdict, the same in the main thread and in a worker: the settings are plain
 * data (schema descriptors, not a compiled registry), so a worker builds the same validator from
 * what it is sent.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
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
        bytes = this.read(file);
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

  /**
   * A file's bytes. A small file is read into one buffer that every call reuses: no stat and no
   * allocation for each of thousands of files. The bytes are valid until the next call, and
   * check() keeps nothing of them. A larger file gets a buffer of its own.
   */
  private read(file: string): Uint8Array {
    const fd = openSync(file, 'r');
    try {
      const length = readSync(fd, this.buffer, 0, this.buffer.length, 0);
      if (length < this.buffer.length) return this.buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
    return readFileSync(file);
  }

  private readonly buffer = Buffer.allocUnsafe(64 * 1024);
}
