/**
 * Our cases: the generated package's entry points, bundled to plain JavaScript by bench/build.ts
 * as an application would ship them: imported by the package's name, as an application does.
 */
import { parseCpmEvfw, serializeCpmEvfw, validateCpmEvfw, type CpmEvfw } from '@evfw/model/cpm-evfw';
import type { Prepare } from './case.js';

/** The indentation the inputs were written with, so our output matches them byte for byte. */
const INDENT = 2;

export const parse: Prepare<Uint8Array> = (docs) => ({
  run() {
    let events = 0;
    for (const doc of docs) {
      const result = parseCpmEvfw(doc);
      if (result.ok) events += result.value.events.length;
    }
    return events;
  },
  check() {
    for (const [i, doc] of docs.entries()) {
      const result = parseCpmEvfw(doc);
      if (!result.ok) return `document ${i + 1} is refused: ${result.diagnostics[0]?.message}`;
    }
    return undefined;
  },
});

export const validate: Prepare<Uint8Array> = (docs) => ({
  run() {
    let diagnostics = 0;
    for (const doc of docs) diagnostics += validateCpmEvfw(doc).length;
    return diagnostics;
  },
  check() {
    for (const [i, doc] of docs.entries()) {
      const first = validateCpmEvfw(doc)[0];
      if (first) return `document ${i + 1} is refused: ${first.message}`;
    }
    return undefined;
  },
});

export const serialize: Prepare<CpmEvfw> = (docs) => ({
  run() {
    let length = 0;
    for (const doc of docs) length += serializeCpmEvfw(doc, { indent: INDENT }).length;
    return length;
  },
  check() {
    for (const [i, doc] of docs.entries()) {
      const first = validateCpmEvfw(serializeCpmEvfw(doc, { indent: INDENT }))[0];
      if (first) return `the text written for document ${i + 1} is refused: ${first.message}`;
    }
    return undefined;
  },
});
