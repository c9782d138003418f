/**
 * libxml2's xmllint compiled to WebAssembly (xmllint-wasm): the documents of the input handed over
 * as files, many to a call, as `xmllint --noout --schema` on that many files, against
 * schemas/cpm-evfw.xsd.
 */
import { readFileSync } from 'node:fs';
import type { Prepare } from './case.js';
import { loadPeer } from './peer.js';

interface FileInfo {
  readonly fileName: string;
  readonly contents: string | Uint8Array;
}
interface Result {
  readonly valid: boolean;
  readonly errors: readonly { readonly rawMessage: string }[];
}
interface XmllintWasm {
  validateXML(options: { xml: readonly FileInfo[]; schema: readonly FileInfo[]; maxMemoryPages?: number }): Promise<Result>;
}

const xmllint = loadPeer<XmllintWasm>('xmllint-wasm');

/** 4 GiB of 64 KiB pages, the most WebAssembly allows: the 10 MB document's tree needs more than the default 32 MiB. */
const MAX_MEMORY_PAGES = 65_536;

/**
 * Files per call: 5,000 in one call stop it with "memory access out of bounds" (xmllint-wasm
 * 5.3.0, whatever the memory pages), 2,000 pass.
 */
const FILES_PER_CALL = 2_000;

export const validate: Prepare<Uint8Array> = (docs, { schemaFile }) => {
  const schema = [{ fileName: 'cpm-evfw.xsd', contents: readFileSync(schemaFile, 'utf8') }];
  const calls: FileInfo[][] = [];
  for (let start = 0; start < docs.length; start += FILES_PER_CALL) {
    calls.push(docs.slice(start, start + FILES_PER_CALL).map((contents, i) => ({ fileName: `${start + i + 1}.xml`, contents })));
  }
  const validateAll = async () => {
    const results: Result[] = [];
    for (const xml of calls) results.push(await xmllint.validateXML({ xml, schema, maxMemoryPages: MAX_MEMORY_PAGES }));
    return results;
  };
  return {
    async run() {
      return (await validateAll()).filter((result) => result.valid).length;
    },
    async check() {
      const refused = (await validateAll()).find((result) => !result.valid);
      return refused ? `refused: ${refused.errors[0]?.rawMessage.trim()}` : undefined;
    },
  };
};
