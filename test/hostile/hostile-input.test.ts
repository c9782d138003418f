/**
 * Documents written to hurt the reader: entity bombs, external entities, deep nesting, huge
 * text, floods of errors, prototype-polluting names, control characters. Each must end in a
 * diagnostic with nothing expanded, fetched or polluted, and with short messages. Nothing here
 * asserts a time: the cases are sized so that a quadratic reader would stand out in the run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../runtime/src/diagnostics.js';
import { DEFAULT_LIMITS } from '../../runtime/src/limits.js';
import { readXml, type ReadXmlOptions } from '../../runtime/src/xml/read-xml.js';
import { REPO_ROOT } from '../support/paths.js';

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code);

function refused(input: string | Uint8Array, options?: ReadXmlOptions): Diagnostic[] {
  const result = readXml(input, options);
  expect(result.root).toBeUndefined();
  expect(result.diagnostics.length).toBeGreaterThan(0);
  expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  return result.diagnostics;
}

describe('DTDs and entities', () => {
  const secretDir = mkdtempSync(path.join(os.tmpdir(), 'evfw-hostile-'));
  afterAll(() => rmSync(secretDir, { recursive: true, force: true }));
  const secret = path.join(secretDir, 'secret.txt');
  writeFileSync(secret, 'EVFW-SECRET-MARKER');
  const secretUrl = pathToFileURL(secret).href;

  it('refuses billion laughs at its DOCTYPE, expanding nothing', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const doc = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol0 "lol">\n${lol}\n]>\n<lolz>&lol9;</lolz>`;
    const diagnostics = refused(doc);
    expect(diagnostics).toHaveLength(1);
    expect([diagnostics[0]!.code, diagnostics[0]!.line, diagnostics[0]!.column]).toEqual(['evfw.xml.doctype', 2, 1]);
    expect(JSON.stringify(diagnostics)).not.toContain('lollol');
  });

  it('refuses an external DTD and an external entity, and reads neither', () => {
    for (const doc of [
      `<!DOCTYPE r SYSTEM "${secretUrl}">\n<r/>`,
      `<!DOCTYPE r SYSTEM "file:///etc/passwd">\n<r/>`,
      `<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE r [<!ENTITY s SYSTEM "${secretUrl}">]>\n<r>&s;</r>`,
      `<!DOCTYPE r PUBLIC "-//X//Y" "http://127.0.0.1:9/x.dtd"><r/>`,
    ]) {
      const diagnostics = refused(doc);
      expect(codes(diagnostics)).toEqual(['evfw.xml.doctype']);
      expect(JSON.stringify(diagnostics)).not.toContain('EVFW-SECRET-MARKER');
      expect(JSON.stringify(diagnostics)).not.toContain('root:');
    }
  });

  it('refuses parameter entities and a DOCTYPE anywhere, at the DOCTYPE', () => {
    const parameter = refused('<!DOCTYPE r [\n  <!ENTITY % p "<!ENTITY e \'x\'>">\n  %p;\n]>\n<r>&e;</r>');
    expect(codes(parameter)).toEqual(['evfw.xml.doctype']);
    const late = refused('<r/>\n<!DOCTYPE r>');
    expect([late[0]!.code, late[0]!.line, late[0]!.column]).toEqual(['evfw.xml.doctype', 2, 1]);
  });

  it('refuses a reference to an undeclared entity, whatever its name', () => {
    for (const name of ['nbsp', 'lol', '__proto__', 'constructor', 'toString']) {
      expect(codes(refused(`<r>&${name};</r>`))[0]).toBe('evfw.xml.entity');
      expect(codes(refused(`<r a="&${name};"/>`))[0]).toBe('evfw.xml.entity');
    }
  });

  it('is built from modules that cannot read files or the network', () => {
    // What cannot be imported cannot fetch: the reader's only dependency is saxes, itself pure.
    const dir = path.join(REPO_ROOT, 'runtime', 'src', 'xml');
    const imports = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!));
    expect(imports.filter((i) => !i.startsWith('.'))).toEqual(expect.arrayContaining(['saxes']));
    expect(imports.filter((i) => !i.startsWith('.') && i !== 'saxes')).toEqual([]);
    const saxes = readFileSync(path.join(REPO_ROOT, 'node_modules', 'saxes', 'saxes.js'), 'utf8');
    expect([...saxes.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([
      'xmlchars/xml/1.0/ed5',
      'xmlchars/xml/1.1/ed2',
      'xmlchars/xmlns/1.0/ed3',
    ]);
  });
});

describe('limits', () => {
  it('stops at the depth limit of a 10,000-deep nesting', () => {
    const doc = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    const diagnostics = refused(doc);
    expect(diagnostics).toHaveLength(1);
    expect([diagnostics[0]!.code, diagnostics[0]!.line, diagnostics[0]!.column]).toEqual(['evfw.limit.depth', 1, 256 * 3 + 1]);
    // The path of element 257 is shortened in the middle, not 257 segments long.
    expect(diagnostics[0]!.path).toContain('more levels');
    expect(formatDiagnostic(diagnostics[0]!).length).toBeLessThan(600);
    expect(readXml('<a>'.repeat(256) + '</a>'.repeat(256)).root).toBeDefined();
    expect(codes(refused('<a><a><a/></a></a>', { limits: { maxDepth: 2 } }))).toEqual(['evfw.limit.depth']);
  });

  it('refuses a 20 MB text node at the default limit and reads one of 10,000,000 characters', () => {
    const diagnostics = refused(`<r>${'x'.repeat(20_000_000)}</r>`);
    expect([diagnostics[0]!.code, diagnostics[0]!.line, diagnostics[0]!.column]).toEqual(['evfw.limit.text', 1, 4]);
    expect(diagnostics[0]!.message).toContain('10,000,000');
    const atLimit = readXml(`<r>${'x'.repeat(DEFAULT_LIMITS.maxTextLength)}</r>`);
    expect(atLimit.diagnostics).toEqual([]);
    expect(atLimit.root?.children[0]).toMatchObject({ kind: 'text', line: 1, column: 4 });
  });

  it('counts text length in characters, over merged pieces, and in attribute values', () => {
    const limits = { limits: { maxTextLength: 10 } };
    expect(readXml(`<r>${'😀'.repeat(10)}</r>`, limits).root).toBeDefined();
    expect(codes(refused(`<r>${'😀'.repeat(11)}</r>`, limits))).toEqual(['evfw.limit.text']);
    expect(codes(refused('<r>abcd<![CDATA[efgh]]><!-- -->ijk</r>', limits))).toEqual(['evfw.limit.text']);
    expect(codes(refused('<r>abcd&amp;&amp;&amp;&amp;&amp;&amp;&amp;</r>', limits))).toEqual(['evfw.limit.text']);
    const attribute = refused(`<r><a v="${'x'.repeat(11)}"/></r>`, limits)[0]!;
    expect([attribute.code, attribute.path, attribute.column]).toEqual(['evfw.limit.text', '/r/a[1]/@v', 7]);
    expect(codes(refused(`<r xmlns:p="urn:${'x'.repeat(10)}"/>`, limits))).toEqual(['evfw.limit.text']);
  });

  it('refuses a document over the size limit before reading it', () => {
    const bytes = new TextEncoder().encode(`<r>${'x'.repeat(100)}</r>`);
    const tooBig = refused(bytes, { limits: { maxDocumentSize: 100 } });
    expect([tooBig[0]!.code, tooBig[0]!.line]).toEqual(['evfw.limit.size', 0]);
    expect(tooBig[0]!.message).toContain('107 bytes');
    // A string is measured in characters, not UTF-16 units.
    const emoji = `<r>${'😀'.repeat(10)}</r>`;
    expect(readXml(emoji, { limits: { maxDocumentSize: 17 } }).root).toBeDefined();
    expect(codes(refused(emoji, { limits: { maxDocumentSize: 16 } }))).toEqual(['evfw.limit.size']);
    // Even bytes that are not UTF-8 at all are measured first.
    expect(codes(refused(new Uint8Array(200).fill(0xff), { limits: { maxDocumentSize: 100 } }))).toEqual(['evfw.limit.size']);
  });

  it('reads a start tag of 100,000 attributes in linear time (the timeout is the bound)', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `a${i}`);
    const plain = `<r ${names.map((n) => `${n}="v"`).join(' ')}/>`;
    expect(readXml(plain).root?.attributes).toHaveLength(100_000);
    const prefixed = `<r xmlns:p="urn:p" ${names.map((n) => `p:${n}="v"`).join(' ')}/>`;
    expect(readXml(prefixed).root?.attributes).toHaveLength(100_000);
    // One duplicate at the very end, in either spelling, is still found.
    expect(codes(refused(plain.replace('/>', ' a7="w"/>')))).toEqual(['evfw.xml.duplicate-attribute']);
    expect(refused(prefixed.replace('/>', ' xmlns:q="urn:p" q:a7="w"/>')).length).toBeGreaterThan(0);
  }, 20_000);

  it('caps a flood of 100,000 errors at maxErrors, then says so', () => {
    const doc = `<r>\n${'<a b=1/>\n'.repeat(100_000)}</r>`;
    const diagnostics = refused(doc);
    expect(diagnostics.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxErrors + 1);
    expect(diagnostics.at(-1)!.code).toBe('evfw.limit.errors');
    expect(diagnostics[0]).toMatchObject({ code: 'evfw.xml.attribute-unquoted', line: 2, column: 6 });
    const few = refused(doc, { limits: { maxErrors: 10 } });
    expect(few).toHaveLength(11);
    expect(few.slice(0, 10).map((d) => d.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('names that are JavaScript property names', () => {
  it('never touch Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const doc =
      '<__proto__ constructor="x" __proto__:a="b" xmlns:__proto__="urn:x" prototype="y" toString="z">' +
      '<constructor:hasOwnProperty xmlns:constructor="urn:c" __proto__:__proto__="1"/><prototype/><__proto__/></__proto__>';
    const result = readXml(doc);
    expect(result.diagnostics).toEqual([]);
    const root = result.root!;
    expect(root.name).toBe('__proto__');
    expect(root.attributes.map((a) => [a.namespace, a.name, a.value])).toEqual([
      ['', 'constructor', 'x'],
      ['urn:x', 'a', 'b'],
      ['', 'prototype', 'y'],
      ['', 'toString', 'z'],
    ]);
    expect(root.lookupNamespace('__proto__')).toBe('urn:x');
    expect(root.lookupNamespace('constructor')).toBeUndefined();
    expect(root.lookupNamespace('hasOwnProperty')).toBeUndefined();
    expect(root.lookupNamespace('toString')).toBeUndefined();
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('stay plain strings in broken documents too', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const diagnostics = refused('<__proto__>\n<constructor a=1/>\n</constructor>\n<prototype>\n</__proto__>');
    expect(codes(diagnostics)).toEqual(['evfw.xml.attribute-unquoted', 'evfw.xml.tag-mismatch', 'evfw.xml.unclosed-element']);
    expect(diagnostics[1]!.message).toContain('self-closed on line 2');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe('characters', () => {
  it('refuses a NUL byte, as bytes and in a string, with its position', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<r>\nab'), 0, ...new TextEncoder().encode('</r>')]);
    for (const input of [bytes, '<r>\nab\u0000</r>']) {
      const [d] = refused(input);
      expect([d!.code, d!.line, d!.column]).toEqual(['evfw.xml.invalid-char', 2, 3]);
      expect(d!.message).toContain('U+0000');
    }
  });
});

describe('messages stay short', () => {
  const mega = 'x'.repeat(1_000_000);
  const cases: [string, string][] = [
    ['a "<" at the end of a 1 MB attribute value', `<r a="${mega}<"/>`],
    ['a 1 MB unquoted attribute value', `<r a=${mega}/>`],
    ['a 1 MB value in typographic quotes', `<r a=\u201c${mega}\u201d/>`],
    ['a 1 MB value closed by a typographic quote', `<r a="${mega}\u201d b="1"/>`],
    ['a 1 MB element name with a brace', `<r><${mega}{/></r>`],
    ['a 1 MB undefined entity', `<r>&${mega};</r>`],
    ['a 1 MB unbound prefix', `<${mega}:r/>`],
    ['a 1 MB duplicate attribute name', `<r ${mega}="1" ${mega}="2"/>`],
    ['a 1 MB mismatched end tag', `<r></${mega}>`],
  ];

  it.each(cases)('%s', (_name, doc) => {
    for (const d of refused(doc)) {
      expect(d.message.length, d.message.slice(0, 400)).toBeLessThan(300);
      expect((d.hint ?? '').length).toBeLessThan(300);
      expect(formatDiagnostic(d).length).toBeLessThan(800);
    }
  });
});

describe('large documents read in linear time', () => {
  it('reads 5,000 sibling elements', () => {
    const doc = `<r>${'<e a="1">t</e>'.repeat(5_000)}</r>`;
    const root = readXml(doc).root!;
    expect(root.children).toHaveLength(5_000);
    expect(root.children[4_999]).toMatchObject({ kind: 'element', name: 'e', line: 1, column: 4 + 4_999 * 14 });
  });

  it('reads a 10 MB text node among elements', () => {
    const doc = `<r><a/>${'y'.repeat(10_000_000)}<b x="1"/></r>`;
    const root = readXml(doc).root!;
    expect(root.children.map((n) => n.kind)).toEqual(['element', 'text', 'element']);
    expect(root.children[2]).toMatchObject({ name: 'b', line: 1, column: 10_000_008 });
  });

  it('treats xsi:schemaLocation as an attribute and nothing more', () => {
    const root = readXml(
      '<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:r http://127.0.0.1:9/r.xsd"/>',
    ).root!;
    expect(root.attributes).toEqual([
      expect.objectContaining({ namespace: 'http://www.w3.org/2001/XMLSchema-instance', name: 'schemaLocation' }),
    ]);
  });
});
