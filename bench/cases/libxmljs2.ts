/**
 * libxml2 through libxmljs2 (a native addon): parse each document to a tree and validate it
 * against schemas/cpm-evfw.xsd, compiled once while preparing.
 */
import { readFileSync } from 'node:fs';
import type { Prepare } from './case.js';
import { loadPeer } from './peer.js';

interface XmlDocument {
  validate(schema: XmlDocument): boolean;
  readonly validationErrors: readonly { readonly message: string; readonly line?: number }[];
}
interface Libxmljs {
  parseXml(source: string | Uint8Array, options?: { baseUrl?: string }): XmlDocument;
}

const libxmljs = loadPeer<Libxmljs>('libxmljs2');

export const validate: Prepare<Uint8Array> = (docs, { schemaFile }) => {
  const schema = libxmljs.parseXml(readFileSync(schemaFile, 'utf8'), { baseUrl: schemaFile });
  return {
    run() {
      let valid = 0;
      for (const doc of docs) if (libxmljs.parseXml(doc).validate(schema)) valid++;
      return valid;
    },
    check() {
      for (const [i, doc] of docs.entries()) {
        const parsed = libxmljs.parseXml(doc);
        if (!parsed.validate(schema)) return `document ${i + 1} is refused: ${parsed.validationErrors[0]?.message.trim()}`;
      }
      return undefined;
    },
  };
};
