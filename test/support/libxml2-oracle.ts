/**
 * libxml2 (compiled to WebAssembly) as the reference validator. One compiled schema set serves
 * every document: a driver schema imports each of our namespaces, so lax wildcard content of a
 * namespace we have a schema for is checked, as libxml2 does. Schema files are served from
 * memory by name: libxml2 is never given access to the file system or the network.
 *
 * Never pass it hostile input (a DTD can make libxml2 read local files); verdict() refuses any
 * document with a DOCTYPE.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XmlBufferInputProvider, XmlDocument, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';

const VIRTUAL_DIR = 'evfw-oracle';

export class Libxml2Oracle {
  private readonly validator: XsdValidator;

  constructor(schemaFiles: readonly { namespace: string; file: string }[]) {
    const buffers: Record<string, Uint8Array> = {};
    for (const { file } of schemaFiles) buffers[`${VIRTUAL_DIR}/${path.basename(file)}`] = readFileSync(file);
    xmlRegisterInputProvider(new XmlBufferInputProvider(buffers));
    const imports = schemaFiles
      .map(({ namespace, file }) => `  <xs:import namespace="${namespace}" schemaLocation="${path.basename(file)}"/>`)
      .join('\n');
    const driver = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xs:schema>`;
    const doc = XmlDocument.fromString(driver, { url: `${VIRTUAL_DIR}/driver.xsd` });
    try {
      this.validator = XsdValidator.fromDoc(doc);
    } finally {
      doc.dispose();
    }
  }

  /** undefined when libxml2 finds the document valid, else its first message. */
  verdict(text: string): string | undefined {
    if (/<!DOCTYPE/i.test(text)) throw new Error('refusing to give libxml2 a document with a DOCTYPE');
    let doc: XmlDocument;
    try {
      doc = XmlDocument.fromString(text);
    } catch (error) {
      return `not well-formed: ${(error as Error).message.trim()}`;
    }
    try {
      this.validator.validate(doc);
      return undefined;
    } catch (error) {
      return (error as Error).message.trim();
    } finally {
      doc.dispose();
    }
  }

  dispose(): void {
    this.validator.dispose();
  }
}
