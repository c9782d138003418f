/**
 * Round trips on every valid sample:
 * - parse(serialize(x)) deep-equals x, for x = parse(d), compact and pretty-printed;
 * - serialize(parse(d)) is infoset-equal to d: the same elements in the same order (extension
 *   elements in place among the known ones), the same attributes, namespaces and text.
 *
 * Infoset equality here ignores what the generated README says is not kept: prefixes and
 * namespace declarations (names are compared by namespace URI), comments and processing
 * instructions (the reader drops them), whitespace-only text between elements of element-only
 * content, and xsi: hint attributes. Values of types that collapse whitespace (xs:token and its
 * kin) are kept in their normalized form; the samples where that shows are listed in
 * NORMALIZED and compared with the text of leaf elements collapsed.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { componentKey, parseDocument, readXml, serializeDocument, type SourceElement } from '../../runtime/src/index.js';
import { sampleDocuments } from '../support/documents.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const NORMALIZED: Record<string, string> = {
  'valid/imdn/display-error.xml': 'message-id is an xs:token: the whitespace around it is not part of the value',
};

interface Infoset {
  name: string;
  attributes: string[];
  children: (Infoset | string)[];
}

function infoset(e: SourceElement, collapse = false): Infoset {
  const hasElements = e.children.some((c) => c.kind === 'element');
  const leafText = (text: string) => (collapse && !hasElements ? text.replace(/[ \t\r\n]+/g, ' ').trim() : text);
  return {
    name: componentKey(e.namespace, e.name),
    attributes: e.attributes
      .filter((a) => a.namespace !== XSI)
      .map((a) => `${componentKey(a.namespace, a.name)}=${a.value}`)
      .sort(),
    children: e.children
      .filter((c) => !(hasElements && c.kind === 'text' && /^[ \t\r\n]*$/.test(c.text)))
      .map((c) => (c.kind === 'text' ? leafText(c.text) : infoset(c, collapse))),
  };
}

function rootOf(text: string | Uint8Array): SourceElement {
  const read = readXml(text);
  expect(read.diagnostics).toEqual([]);
  return read.root!;
}

describe.each(sampleDocuments('valid').map((d) => [d.name, d] as const))('%s', (name, doc) => {
  const root = rootOf(doc.bytes);
  const key = componentKey(root.namespace, root.name);
  const parsed = parseDocument(registry, key, doc.bytes);

  it('parses', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ok).toBe(true);
  });

  it('parse(serialize(x)) deep-equals x, compact and indented', () => {
    if (!parsed.ok) throw new Error('the document did not parse');
    for (const indent of [undefined, 2]) {
      const again = parseDocument(registry, key, serializeDocument(registry, key, parsed.value, { indent }));
      expect(again.diagnostics).toEqual([]);
      expect(again.ok && again.value).toEqual(parsed.value);
    }
  });

  it('serialize(parse(d)) is infoset-equal to d', () => {
    if (!parsed.ok) throw new Error('the document did not parse');
    const written = serializeDocument(registry, key, parsed.value);
    const collapse = Object.hasOwn(NORMALIZED, name);
    expect(infoset(rootOf(written), collapse)).toEqual(infoset(root, collapse));
  });
});
