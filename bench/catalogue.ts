/**
 * The cases the bench measures in-process, each in a child process of its own: what each does,
 * which module under cases/ holds it, and the form its input takes. Shared by the runner (which
 * lists and labels them) and the child harness (which loads one), so it imports nothing.
 */

/** What a case does with a document: the targets compare cases of the same kind. */
export type CaseKind = 'parse+validate' | 'validate' | 'parse' | 'serialize' | 'floor';

/** Whose code it is: ours is compared with the peers and the floors. */
export type CaseGroup = 'ours' | 'peer' | 'floor';

/**
 * The form each document is handed to the case in, read before timing starts:
 * `bytes` the UTF-8 file as a Uint8Array, `text` a string, `model` our typed object (for
 * serializers; peers convert it to their own object form while preparing), `json` the JSON text of
 * our typed object.
 */
export type InputForm = 'bytes' | 'text' | 'model' | 'json';

export interface CaseInfo {
  readonly id: string;
  readonly label: string;
  readonly group: CaseGroup;
  readonly kind: CaseKind;
  readonly form: InputForm;
  /** The module under cases/ (without extension) and the function of it that prepares the case. */
  readonly module: string;
  readonly prepare: string;
  /** The npm package it measures, loaded from bench/node_modules; none for ours and the floors. */
  readonly peer?: string;
}

export const CASES: readonly CaseInfo[] = [
  { id: 'evfw-parse', label: 'evfw parseCpmEvfw', group: 'ours', kind: 'parse+validate', form: 'bytes', module: 'ours', prepare: 'parse' },
  { id: 'evfw-validate', label: 'evfw validateCpmEvfw', group: 'ours', kind: 'validate', form: 'bytes', module: 'ours', prepare: 'validate' },
  { id: 'evfw-serialize', label: 'evfw serializeCpmEvfw', group: 'ours', kind: 'serialize', form: 'model', module: 'ours', prepare: 'serialize' },
  { id: 'libxmljs2', label: 'libxmljs2 parse+validate', group: 'peer', kind: 'validate', form: 'bytes', module: 'libxmljs2', prepare: 'validate', peer: 'libxmljs2' },
  { id: 'xmllint-wasm', label: 'xmllint-wasm validate', group: 'peer', kind: 'validate', form: 'bytes', module: 'xmllint-wasm', prepare: 'validate', peer: 'xmllint-wasm' },
  { id: 'saxes', label: 'saxes parse', group: 'peer', kind: 'parse', form: 'text', module: 'saxes', prepare: 'parse', peer: 'saxes' },
  { id: 'fast-xml-parser', label: 'fast-xml-parser parse', group: 'peer', kind: 'parse', form: 'text', module: 'fast-xml-parser', prepare: 'parse', peer: 'fast-xml-parser' },
  { id: 'txml', label: 'txml parse', group: 'peer', kind: 'parse', form: 'text', module: 'txml', prepare: 'parse', peer: 'txml' },
  { id: 'fxp-builder', label: 'fast-xml-parser XMLBuilder', group: 'peer', kind: 'serialize', form: 'text', module: 'fast-xml-parser', prepare: 'build', peer: 'fast-xml-parser' },
  { id: 'xmlbuilder2', label: 'xmlbuilder2 serialize', group: 'peer', kind: 'serialize', form: 'text', module: 'xmlbuilder2', prepare: 'build', peer: 'xmlbuilder2' },
  { id: 'byte-scan', label: 'floor: byte scan', group: 'floor', kind: 'floor', form: 'bytes', module: 'floors', prepare: 'byteScan' },
  { id: 'json-parse', label: 'floor: JSON.parse', group: 'floor', kind: 'floor', form: 'json', module: 'floors', prepare: 'jsonParse' },
];

export function caseInfo(id: string): CaseInfo {
  const info = CASES.find((c) => c.id === id);
  if (!info) throw new Error(`bench: no case "${id}"; the cases are ${CASES.map((c) => c.id).join(', ')}`);
  return info;
}
