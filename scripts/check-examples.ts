/**
 * check-examples: validates every example document under schemas/examples/{valid,invalid} with
 * libxml2 (libxml2-wasm) and fails when a verdict contradicts the folder the file is in.
 *
 * This is the interim verdict on the examples until the project's own validator exists; then the
 * two must agree on every file. Run by `npm start`, or alone: `npx tsx scripts/check-examples.ts`.
 *
 * The schema is chosen by the root element's namespace, never from xsi:schemaLocation (D-18 in
 * schemas/DECISIONS.md). Extension content is checked as processContents="lax" means when its
 * schema is at hand: a foreign element that is a global element of a schema we have is validated
 * against it (D-19, D-26). A file that is not well-formed is invalid with the parser's first
 * message; a file with a DOCTYPE is refused unparsed, so libxml2 never sees a DTD or entity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlElement, XmlLibError, XsdValidator } from 'libxml2-wasm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'schemas', 'examples');

/** Namespaces an example's root element may have, and their schemas. */
const ROOT_SCHEMAS = new Map([
  ['urn:oma:xml:cpm:evfw', 'schemas/cpm-evfw.xsd'],
  ['urn:ietf:params:xml:ns:imdn', 'schemas/imdn.xsd'],
]);
/** Schemas known for extension content only (never a root in the examples). */
const EXTENSION_SCHEMAS = new Map([
  ['urn:example:evfw:app:location-shared', 'schemas/example-app-event.xsd'],
]);
const ALL_SCHEMAS = new Map([...ROOT_SCHEMAS, ...EXTENSION_SCHEMAS]);

interface Schema { validator: XsdValidator; globals: Set<string> }
const loaded = new Map<string, Schema>();

/** The schema of a namespace, loaded once; undefined when we have none for that use. */
function schemaFor(namespace: string, use: 'root' | 'extension'): Schema | undefined {
  const file = (use === 'root' ? ROOT_SCHEMAS : ALL_SCHEMAS).get(namespace);
  if (!file) return undefined;
  let schema = loaded.get(file);
  if (!schema) {
    const xsdPath = path.join(ROOT, file);
    const xsd = XmlDocument.fromString(readFileSync(xsdPath, 'utf8'), { url: xsdPath });
    const declarations = xsd.find('/xs:schema/xs:element', { xs: 'http://www.w3.org/2001/XMLSchema' });
    const globals = declarations.flatMap((n) => (n instanceof XmlElement ? [n.attr('name')?.value ?? ''] : []));
    schema = { validator: XsdValidator.fromDoc(xsd), globals: new Set(globals) };
    loaded.set(file, schema);
  }
  return schema;
}

/** The first libxml2 message of an error, with its line. */
function describe(error: unknown): string {
  if (!(error instanceof XmlLibError)) throw error;
  const first = error.details[0];
  const message = (first?.message ?? error.message).trim().replace(/\.$/, '');
  return first ? `${message}, line ${first.line}` : message;
}

/** Validates, below `parent`, the extension elements whose own schema we have. */
function checkExtensions(parent: XmlElement): string | undefined {
  for (let node = parent.firstChild; node; node = node.next) {
    if (!(node instanceof XmlElement)) continue;
    const foreign = node.namespaceUri !== parent.namespaceUri;
    const schema = foreign ? schemaFor(node.namespaceUri, 'extension') : undefined;
    if (schema?.globals.has(node.name)) {
      try { schema.validator.validate(node); } catch (error) { return describe(error); }
    } else {
      const problem = checkExtensions(node);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Undefined when the document is valid, otherwise why it is not. */
function check(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  if (/<!DOCTYPE|<!ENTITY/.test(text)) return 'has a DOCTYPE or entity declaration: refused, not parsed';
  let doc: XmlDocument;
  try { doc = XmlDocument.fromString(text, { url: file }); } catch (error) { return describe(error); }
  try {
    const namespace = doc.root.namespaceUri;
    const schema = schemaFor(namespace, 'root');
    if (!schema) return `no schema for the root element's namespace "${namespace}"`;
    try { schema.validator.validate(doc); } catch (error) { return describe(error); }
    return checkExtensions(doc.root);
  } finally {
    doc.dispose();
  }
}

/** The .xml files under `dir`, recursively, in a stable order. */
function xmlFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? xmlFiles(full) : entry.name.endsWith('.xml') ? [full] : [];
  });
}

const counts = { valid: 0, invalid: 0 };
const mismatches: string[] = [];
for (const expected of ['valid', 'invalid'] as const) {
  for (const file of xmlFiles(path.join(EXAMPLES, expected))) {
    const shown = path.relative(ROOT, file);
    const problem = check(file);
    const verdict = problem === undefined ? 'valid' : 'invalid';
    counts[verdict] += 1;
    console.log(problem === undefined ? `valid   ${shown}` : `invalid ${shown}: ${problem}`);
    if (verdict !== expected) mismatches.push(`${shown} is ${verdict} but is under ${expected}/`);
  }
}

for (const mismatch of mismatches) console.error(`expectation mismatch: ${mismatch}`);
const total = counts.valid + counts.invalid;
const summary = `${mismatches.length} expectation mismatch${mismatches.length === 1 ? '' : 'es'}`;
console.log(`${total} examples: ${counts.valid} valid, ${counts.invalid} invalid, ${summary}.`);
process.exit(mismatches.length > 0 || total === 0 ? 1 : 0);
