/**
 * A small program over the generated model of cpm-evfw, the same in a browser and in Node: it
 * parses, validates and re-serializes a few documents and returns what it found as lines of text,
 * so the two engines' results can be compared as strings.
 *
 * It imports `@evfw/model/cpm-evfw` only (no Node module, no fixtures): what a web page using
 * the model would import. The documents come in as strings; the browser test inlines them into the
 * bundle, and model-program.node.ts reads them from disk.
 */
import type { Diagnostic, ParseOptions } from '@evfw/model';
import { parseCpmEvfw, serializeCpmEvfw, validateCpmEvfw } from '@evfw/model/cpm-evfw';

export interface ProgramDocument {
  /** Path under schemas/examples/. */
  readonly name: string;
  readonly text: string;
  readonly profile?: NonNullable<ParseOptions['profile']>;
}

/**
 * The documents the program reads, under schemas/examples/: valid ones that exercise the round
 * trip (a BOM, non-ASCII text, extension events, the other namespaces' schemas through lax
 * wildcards, date-time forms), and invalid ones that exercise every part of the validator that
 * differs most between engines (the XML reader's well-formedness errors, the pattern engine,
 * numeric facets, identity constraints, the spec profile's rules).
 */
export const PROGRAM_DOCUMENTS: readonly { name: string; profile?: ProgramDocument['profile'] }[] = [
  { name: 'valid/minimal.xml' },
  { name: 'valid/appendix-m-corrected.xml' },
  { name: 'valid/utf8-bom.xml' },
  { name: 'valid/non-ascii-text.xml' },
  { name: 'valid/location-shared-every-option.xml' },
  { name: 'valid/extension-events-unknown-namespaces.xml' },
  { name: 'valid/datetime-lexical-forms.xml' },
  { name: 'invalid/operation-flag-misspelled.xml' },
  { name: 'invalid/duplicate-index.xml' },
  { name: 'invalid/flags-lowercase.xml' },
  { name: 'invalid/truncated-document.xml' },
  { name: 'invalid/doctype-refused.xml' },
  { name: 'invalid/other-party-not-a-uri.xml' },
  { name: 'invalid/place-id-pattern-mismatch.xml' },
  { name: 'invalid/latitude-above-90.xml' },
  { name: 'invalid/label-too-long.xml' },
  { name: 'spec-profile/invalid/uid-imap.xml', profile: 'invite' },
  { name: 'spec-profile/invalid/other-party-uri.xml', profile: 'invite' },
];

/** One diagnostic as one line: everything a caller could show or branch on. */
function diagnosticLine(d: Diagnostic): string {
  return `  ${d.severity} ${d.code} ${d.line}:${d.column} ${d.path || '-'} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;
}

/** FNV-1a over UTF-16 code units: a short fingerprint of the serialized text, the same in every engine. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * For each document: its validation diagnostics (from the text), then the result of parsing its
 * UTF-8 bytes (the byte decoder is a separate path) and, when that succeeds, the serialized text's
 * length and fingerprint and whether it parses back.
 */
export function modelProgram(documents: readonly ProgramDocument[]): string[] {
  const lines: string[] = [];
  for (const doc of documents) {
    const options: ParseOptions = doc.profile ? { profile: doc.profile } : {};
    lines.push(`# ${doc.name}${doc.profile ? ` (profile ${doc.profile})` : ''}`);
    const diagnostics = validateCpmEvfw(doc.text, options);
    lines.push(`validate: ${diagnostics.length} diagnostic(s)`);
    for (const d of diagnostics) lines.push(diagnosticLine(d));

    const parsed = parseCpmEvfw(new TextEncoder().encode(doc.text), options);
    if (!parsed.ok) {
      lines.push(`parse bytes: failed, ${parsed.diagnostics.length} diagnostic(s), first ${parsed.diagnostics[0]?.code ?? '-'}`);
      continue;
    }
    const xml = serializeCpmEvfw(parsed.value, { indent: 2 });
    const again = parseCpmEvfw(xml, options);
    lines.push(`parse bytes: ok, ${parsed.value.events.length} event(s)`);
    lines.push(`serialize: ${xml.length} chars, fnv1a ${fingerprint(xml)}, parses back: ${again.ok}`);
  }
  return lines;
}
