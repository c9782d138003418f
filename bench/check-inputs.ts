/**
 * Every document the bench times must be valid for evfw and for libxml2, or the comparison means
 * nothing: checked once, before timing, and the run stops naming the first document refused.
 * libxml2 here is the tests' oracle (libxml2-wasm, a dependency of the project), so the check
 * holds even when the bench's own peers are not installed.
 */
import { validateCpmEvfw } from '@evfw/model/cpm-evfw';
import { Libxml2Oracle } from '../test/support/libxml2-oracle.js';
import type { MadeInput } from './inputs.js';

export function checkInputs(inputs: readonly MadeInput[]): void {
  const oracle = new Libxml2Oracle();
  try {
    for (const { input, texts } of inputs) {
      for (const [i, text] of texts.entries()) {
        const where = `bench: document ${i + 1} of input "${input.label}"`;
        const ours = validateCpmEvfw(text)[0];
        if (ours) throw new Error(`${where} is invalid for evfw: ${ours.code} ${ours.message} (line ${ours.line}); the generator in bench/inputs.ts is wrong`);
        const theirs = oracle.verdict(text);
        if (theirs !== undefined) throw new Error(`${where} is invalid for libxml2: ${theirs}; the generator in bench/inputs.ts is wrong`);
      }
    }
  } finally {
    oracle.dispose();
  }
}
