/**
 * readXml on well-formed and broken documents: the tree it builds (positions in code points,
 * namespaces, merged text), and the one diagnostic it gives for each kind of fatal error,
 * encodings first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../../runtime/src/diagnostics.js';
import { readXml } from '../../../runtime/src/xml/read-xml.js';
import type { SourceElement, SourceNode, SourceText } from '../../../runtime/src/xml/source-tree.js';
import { SCHEMAS_DIR } from '../../support/paths.js';

function root(input: string | Uint8Array): SourceElement {
  const result = readXml(input);
  expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  expect(result.root).toBeDefined();
  return result.root!;
}

/** The one fatal error of a document that has no tree. */
function failure(input: string | Uint8Array): Diagnostic {
  const result = readXml(input);
  expect(result.root).toBeUndefined();
  expect(result.diagnostics.length).toBeGreaterThan(0);
  return result.diagnostics[0]!;
}

const elements = (nodes: readonly SourceNode[]) => nodes.filter((n): n is SourceElement => n.kind === 'element');
const texts = (nodes: readonly SourceNode[]) => nodes.filter((n): n is SourceText => n.kind === 'text');
const at = (d: { line: number; column: number }) => [d.line, d.column];
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return new Uint8Array(out);
}

describe('positions', () => {
  it('gives 1-based lines and columns counted in code points, one per character outside the BMP', () => {
    // U+1F600 takes two UTF-16 units, é and 中 take more than one byte in UTF-8: each is one column.
    const doc = '<r>\n😀é中<a x="1"/>\n\t<𐀀 y="2" z="3"/><b\n   c="4">😀</b></r>';
    for (const input of [doc, utf8(doc)]) {
      const r = root(input);
      const [a, linear, b] = elements(r.children);
      expect(at(r)).toEqual([1, 1]);
      expect(at(a!)).toEqual([2, 4]);
      expect(at(a!.attributes[0]!)).toEqual([2, 7]);
      // U+10000 is a name character of its own: the attribute after it is one column on.
      expect(linear!.name).toBe('𐀀');
      expect(at(linear!)).toEqual([3, 2]);
      expect(at(linear!.attributes[0]!)).toEqual([3, 5]);
      expect(at(linear!.attributes[1]!)).toEqual([3, 11]);
      expect(at(b!)).toEqual([3, 18]);
      expect(at(b!.attributes[0]!)).toEqual([4, 4]);
      expect(at(texts(b!.children)[0]!)).toEqual([4, 10]);
      expect(at(texts(r.children)[0]!)).toEqual([1, 4]);
    }
  });

  it('counts CR LF and a lone CR as one line break each', () => {
    const r = root('<r>\r\n<a/>\r<b/>\n<c/></r>');
    expect(elements(r.children).map(at)).toEqual([[2, 1], [3, 1], [4, 1]]);
    expect(texts(r.children)[0]!.text).toBe('\n');
  });

  it('points errors at the right column after characters outside the BMP', () => {
    expect(at(failure('<a>😀😀<b></a>'))).toEqual([1, 9]);
    expect(failure('<a>😀😀<b></a>').code).toBe('evfw.xml.tag-mismatch');
    expect(at(failure('<a>\n😀\u0001</a>'))).toEqual([2, 2]);
  });

  it('ignores a byte order mark when counting columns', () => {
    expect(at(root(bytes([0xef, 0xbb, 0xbf], '<r/>')))).toEqual([1, 1]);
    expect(at(root('\ufeff<r/>'))).toEqual([1, 1]);
    expect(at(failure(bytes([0xef, 0xbb, 0xbf], '<r>&x;</r>')))).toEqual([1, 4]);
  });
});

describe('namespaces', () => {
  const doc = [
    '<r xmlns="urn:default" xmlns:p="urn:p">',
    '  <a p:x="1" y="2"/>',
    '  <p:b/>',
    '  <c xmlns=""><d/></c>',
    '  <e xmlns:p="urn:other"><p:f/></e>',
    '</r>',
  ].join('\n');
  const r = root(doc);
  const [a, b, c, e] = elements(r.children);

  it('resolves default and prefixed names', () => {
    expect([r.namespace, r.name, r.prefix]).toEqual(['urn:default', 'r', '']);
    expect([a!.namespace, a!.name]).toEqual(['urn:default', 'a']);
    expect([b!.namespace, b!.name, b!.prefix]).toEqual(['urn:p', 'b', 'p']);
  });

  it('puts prefixed attributes in their namespace and unprefixed ones in none', () => {
    expect(a!.attributes.map((x) => [x.namespace, x.prefix, x.name, x.value])).toEqual([
      ['urn:p', 'p', 'x', '1'],
      ['', '', 'y', '2'],
    ]);
  });

  it('undeclares the default namespace with xmlns=""', () => {
    expect(c!.namespace).toBe('');
    expect(elements(c!.children)[0]!.namespace).toBe('');
    expect(c!.namespaceDeclarations).toEqual([{ prefix: '', uri: '' }]);
  });

  it('keeps namespace declarations apart from attributes, in document order', () => {
    expect(r.attributes).toEqual([]);
    expect(r.namespaceDeclarations).toEqual([
      { prefix: '', uri: 'urn:default' },
      { prefix: 'p', uri: 'urn:p' },
    ]);
  });

  it('looks prefixes up in the scope of each element', () => {
    const f = elements(e!.children)[0]!;
    expect(f.namespace).toBe('urn:other');
    expect(f.lookupNamespace('p')).toBe('urn:other');
    expect(b!.lookupNamespace('p')).toBe('urn:p');
    expect(a!.lookupNamespace('')).toBe('urn:default');
    expect(elements(c!.children)[0]!.lookupNamespace('')).toBe('');
    expect(a!.lookupNamespace('xml')).toBe('http://www.w3.org/XML/1998/namespace');
    expect(a!.lookupNamespace('nope')).toBeUndefined();
    expect(root('<r/>').lookupNamespace('')).toBe('');
  });

  it('refuses an unbound prefix on an element or an attribute', () => {
    const onElement = failure('<r>\n  <q:a/></r>');
    expect([onElement.code, ...at(onElement)]).toEqual(['evfw.xml.namespace', 2, 3]);
    expect(onElement.message).toContain('"q"');
    expect(onElement.path).toBe('/r/a[1]');
    const onAttribute = failure('<r a="1" q:b="2"/>');
    expect([onAttribute.code, ...at(onAttribute)]).toEqual(['evfw.xml.namespace', 1, 10]);
  });

  it('refuses a prefix bound to the empty namespace name, and two attributes with one expanded name', () => {
    expect(failure('<r xmlns:p=""/>').code).toBe('evfw.xml.namespace');
    const clash = failure('<r xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>');
    expect(clash.code).toBe('evfw.xml.namespace');
    expect(clash.message).toContain('same namespace');
  });
});

describe('text', () => {
  it('merges text, CDATA and references into one node at the point where it starts, dropping comments and PIs', () => {
    const r = root('<r>\n  <a>one &amp; <![CDATA[<two>]]><!-- gone -->&#x33;<?pi gone?> four</a><b><![CDATA[x]]></b><c><!--c-->y</c></r>');
    const [a, b, c] = elements(r.children);
    expect(a!.children).toEqual([{ kind: 'text', text: 'one & <two>3 four', line: 2, column: 6 }]);
    expect(b!.children).toEqual([{ kind: 'text', text: 'x', line: 2, column: 75 }]);
    expect(c!.children).toEqual([{ kind: 'text', text: 'y', line: 2, column: 103 }]);
  });

  it('keeps white space inside the root and nothing outside it', () => {
    const r = root('<?xml version="1.0"?>\n<!-- before -->\n<r> <a/>\n</r>\n<!-- after -->\n');
    expect(r.children.map((n) => (n.kind === 'text' ? n.text : n.name))).toEqual([' ', 'a', '\n']);
  });

  it('normalizes attribute values: white space characters become spaces, references stay', () => {
    const r = root('<r a="x\ty\nz" b="x&#10;y" c="&lt;&quot;"/>');
    expect(r.attributes.map((a) => a.value)).toEqual(['x y z', 'x\ny', '<"']);
  });

  it('reads an element that is empty, self-closed or not, with no children', () => {
    const r = root('<r><a/><b></b></r>');
    expect(elements(r.children).map((e) => e.children)).toEqual([[], []]);
  });
});

describe('well-formedness errors', () => {
  const cases: [string, string, Diagnostic['code'], number, number][] = [
    ['duplicate attribute', '<r a="1" b="2" a="3"/>', 'evfw.xml.duplicate-attribute', 1, 16],
    ['unclosed element', '<r>\n  <a>\n</r>', 'evfw.xml.tag-mismatch', 3, 1],
    ['document ends first', '<r>\n  <a>', 'evfw.xml.unclosed-element', 2, 3],
    ['undefined entity', '<r>\n x&nbsp;y</r>', 'evfw.xml.entity', 2, 3],
    ['bare ampersand', '<r>Work & Family</r>', 'evfw.xml.not-well-formed', 1, 9],
    ['character reference to a non-character', '<r>&#0;</r>', 'evfw.xml.invalid-char', 1, 4],
    ['"<" in an attribute value', '<r a="1<2"/>', 'evfw.xml.not-well-formed', 1, 8],
    ['no root', '<?xml version="1.0"?>\n<!-- nothing -->\n', 'evfw.xml.no-root', 2, 17],
    ['empty document', '', 'evfw.xml.no-root', 1, 1],
    ['two roots', '<r/>\n<r/>', 'evfw.xml.not-well-formed', 2, 1],
    ['text after the root', '<r/>\n  oops', 'evfw.xml.not-well-formed', 2, 3],
    ['"]]>" in text', '<r>a]]>b</r>', 'evfw.xml.not-well-formed', 1, 7],
    ['version 1.1 declared, still XML 1.0 rules', '<?xml version="1.1"?><r>&#x1;</r>', 'evfw.xml.invalid-char', 1, 25],
  ];

  it.each(cases)('%s', (_name, doc, code, line, column) => {
    const d = failure(doc);
    expect([d.code, d.line, d.column], formatDiagnostic(d)).toEqual([code, line, column]);
    expect(d.severity).toBe('error');
  });

  it('names the path of the element being read', () => {
    expect(failure('<r><a/><a><b x="1" x="2"/></a></r>').path).toBe('/r/a[2]/b[1]');
    expect(failure('<r><a/><a>&bad;</a></r>').path).toBe('/r/a[2]');
    expect(failure('<r>&bad;</r>').path).toBe('/r');
  });
});

describe('encodings', () => {
  const doc = '<?xml version="1.0" encoding="UTF-16"?>\n<r a="é">😀中</r>';

  it('reads UTF-8 with and without a byte order mark, and a declared encoding in any case', () => {
    expect(root(utf8('<r>é</r>')).children).toEqual([{ kind: 'text', text: 'é', line: 1, column: 4 }]);
    expect(texts(root(bytes([0xef, 0xbb, 0xbf], '<r>é</r>')).children)[0]!.text).toBe('é');
    expect(root(utf8('<?xml version="1.0" encoding="utf-8"?><r/>')).name).toBe('r');
  });

  it('reads UTF-16 in either byte order with a byte order mark', () => {
    for (const order of ['le', 'be'] as const) {
      const r = root(utf16(doc, order));
      expect(r.attributes[0]!.value).toBe('é');
      expect(r.children).toEqual([{ kind: 'text', text: '😀中', line: 2, column: 10 }]);
    }
  });

  it('refuses UTF-16 without a byte order mark', () => {
    const d = failure(utf16('<r/>', 'le', false));
    expect(d.code).toBe('evfw.xml.encoding');
    expect(d.message).toContain('byte order mark');
  });

  it('refuses an encoding other than UTF-8 and UTF-16, saying which', () => {
    const d = failure(bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<r>', [0xe9], '</r>'));
    expect([d.code, ...at(d)]).toEqual(['evfw.xml.encoding', 1, 31]);
    expect(d.message).toContain('"ISO-8859-1"');
    expect(d.message).toContain('only UTF-8 and UTF-16');
    expect(failure('<?xml version="1.0" encoding="windows-1252"?><r/>').code).toBe('evfw.xml.encoding');
  });

  it('refuses a declaration that contradicts the byte order mark', () => {
    expect(failure(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0" encoding="UTF-16"?><r/>')).code).toBe('evfw.xml.encoding');
    expect(failure(utf16('<?xml version="1.0" encoding="UTF-8"?><r/>', 'be')).code).toBe('evfw.xml.encoding');
    expect(failure(utf8('<?xml version="1.0" encoding="UTF-16"?><r/>')).code).toBe('evfw.xml.encoding');
  });

  it('refuses UTF-32', () => {
    expect(failure(new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0])).message).toContain('UTF-32');
  });

  const malformed: [string, number[], string][] = [
    ['a truncated sequence', [0xc3, 0x28], 'cut short'],
    ['a stray continuation byte', [0x80], 'continuation byte'],
    ['an overlong "/" (C0 AF)', [0xc0, 0xaf], 'overlong'],
    ['an overlong three-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf], 'overlong'],
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80], 'surrogate'],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 'above U+10FFFF'],
    ['a byte never used in UTF-8', [0xff], 'never appears'],
  ];

  it.each(malformed)('refuses malformed UTF-8: %s, with its position', (_name, bad, reason) => {
    const d = failure(bytes('<r>\n  é😀', bad, '</r>'));
    expect([d.code, ...at(d)]).toEqual(['evfw.xml.encoding', 2, 5]);
    expect(d.message).toContain('byte offset 12');
    expect(d.message).toContain(reason);
  });

  it('refuses a lone surrogate in UTF-16 and in a string', () => {
    expect(failure(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x72, 0, 0x3e, 0, 0x00, 0xd8, 0x3c, 0])).code).toBe('evfw.xml.encoding');
    const d = failure('<r>\n x\ud800y</r>');
    expect([d.code, ...at(d)]).toEqual(['evfw.xml.invalid-char', 2, 3]);
  });

  it('refuses NUL and other characters outside production [2], in bytes and strings', () => {
    for (const [input, line, column] of [
      ['<r>\u0000</r>', 1, 4],
      ['<r a="\u0001"/>', 1, 7],
      ['<r><!-- \u001f --></r>', 1, 9],
      ['<r>\n\uffff</r>', 2, 1],
      ['<r>\udc00</r>', 1, 4],
    ] as const) {
      for (const d of [failure(input), failure(utf8(input.replace('\udc00', '\u0002')))]) {
        expect(d.code).toBe('evfw.xml.invalid-char');
      }
      expect(at(failure(input))).toEqual([line, column]);
    }
  });

  it('takes a string as decoded: a leading U+FEFF is skipped, nothing else', () => {
    expect(root('\ufeff<r/>').name).toBe('r');
    expect(failure('\ufeff\ufeff<r/>').code).toBe('evfw.xml.not-well-formed');
  });
});

describe('robustness', () => {
  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [42, null, undefined, {}, '<', '</', '<a', '<a b', '<a b=', '<a b="', '<!', '<![CDATA[', '<?', '<?xml', '&', ']]>', '\ud800', new Uint8Array([0xff, 0xfe, 0x00])];
    for (const input of inputs) {
      const result = readXml(input as string);
      expect(result.root).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('reads every valid example, as bytes and as a string', () => {
    const dir = path.join(SCHEMAS_DIR, 'examples', 'valid');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(readXml(new Uint8Array(readFileSync(path.join(dir, file)))).diagnostics, file).toEqual([]);
      expect(readXml(readFileSync(path.join(dir, file), 'utf8')).root, file).toBeDefined();
    }
  });
});
