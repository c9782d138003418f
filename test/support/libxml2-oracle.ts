/**
 * libxml2 (compiled to WebAssembly) as the reference validator of the tests (test/differential/,
 * test/schemas/, test/cli/) and of the bench's inputs.
 *
 * One compiled schema set serves every document: a driver schema imports each namespace, so
 * lax wildcard content of a namespace we have a schema for is checked, as processContents="lax"
 * means, and the root is matched by its namespace, never by xsi:schemaLocation (D-18, D-19).
 * Schema files are served from memory by name: libxml2 is never given the file system or the
 * network. Never pass it hostile input (a DTD can make libxml2 read local files): verdict()
 * refuses any document with a DOCTYPE or an entity declaration without parsing it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_SCHEMA_FILES } from '@evfw/generator';
import { XmlBufferInputProvider, XmlDocument, XmlLibError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
let instances = 0;
let provider: XmlBufferInputProvider | undefined;

/** One provider for every oracle: libxml2 keeps only a handful of input callbacks. */
function serve(files: Record<string, Uint8Array>): void {
  if (!provider) {
    provider = new XmlBufferInputProvider({});
    xmlRegisterInputProvider(provider);
  }
  for (const [name, buffer] of Object.entries(files)) provider.addBuffer(name, buffer);
}

export interface SchemaFile {
  readonly namespace: string;
  readonly file: string;
}

const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Our own namespaces and their schemas. */
export const OWN_SCHEMAS: readonly SchemaFile[] = [
  { namespace: 'urn:oma:xml:cpm:evfw', file: path.join(SCHEMAS_DIR, 'cpm-evfw.xsd') },
  { namespace: 'urn:ietf:params:xml:ns:imdn', file: path.join(SCHEMAS_DIR, 'imdn.xsd') },
  { namespace: 'urn:example:evfw:app:location-shared', file: path.join(SCHEMAS_DIR, 'example-app-event.xsd') },
];

export class Libxml2Oracle {
  private readonly validator: XsdValidator;

  constructor(schemaFiles: readonly SchemaFile[] = OWN_SCHEMAS) {
    // Each oracle serves its files under a folder of its own, so that schema sets with files of
    // the same name (several corpus folders) never see each other's.
    const VIRTUAL_DIR = `evfw-oracle-${++instances}`;
    const buffers: Record<string, Uint8Array> = {};
    for (const { file } of schemaFiles) buffers[`${VIRTUAL_DIR}/${path.basename(file)}`] = readFileSync(file);
    // The xml: namespace schema, wherever a schema says it is: served from memory, never fetched.
    const xmlSchema = new TextEncoder().encode(BUILTIN_SCHEMA_FILES[XML_NAMESPACE]!.text);
    buffers['http://www.w3.org/2001/xml.xsd'] = xmlSchema;
    buffers[`${VIRTUAL_DIR}/xml.xsd`] = xmlSchema;
    serve(buffers);
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

  /** undefined when libxml2 finds the document valid, else its first message and line. */
  verdict(text: string): string | undefined {
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'has a DOCTYPE or entity declaration: refused, not parsed';
    let doc: XmlDocument;
    try {
      doc = XmlDocument.fromString(text);
    } catch (error) {
      return firstMessage(error);
    }
    try {
      this.validator.validate(doc);
      return undefined;
    } catch (error) {
      return firstMessage(error);
    } finally {
      doc.dispose();
    }
  }

  dispose(): void {
    this.validator.dispose();
  }
}

function firstMessage(error: unknown): string {
  if (!(error instanceof XmlLibError)) throw error;
  const first = error.details[0];
  const message = (first?.message ?? error.message).trim().replace(/\.$/, '');
  return first ? `${message}, line ${first.line}` : message;
}
