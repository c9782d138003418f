/**
 * The defect scanner, alone and merged with the conformant parser's error by readXml: every
 * defect of the Appendix M example at its exact line and column, each single-fault example with
 * its own code, and the scanner's recovery on its own inputs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../../runtime/src/diagnostics.js';
import { readXml } from '../../../runtime/src/xml/read-xml.js';
import { scanDefects } from '../../../runtime/src/xml/scan-defects.js';
import { SCHEMAS_DIR } from '../../support/paths.js';

const invalid = (name: string) => new Uint8Array(readFileSync(path.join(SCHEMAS_DIR, 'examples', 'invalid', name)));
const brief = (d: Diagnostic) => [d.code, d.line, d.column];
const scan = (text: string, maxDefects = 100) => scanDefects(text, { maxDefects, maxDepth: 256 });

describe('the Appendix M example, verbatim', () => {
  const result = readXml(invalid('appendix-m-verbatim.xml'));
  const found = result.diagnostics;
  const show = found.map((d) => formatDiagnostic(d)).join('\n');

  it('has no tree', () => {
    expect(result.root).toBeUndefined();
  });

  it('reports every defect at its line and column, in document order', () => {
    expect(found.map(brief), show).toEqual([
      // Line 1 starts with a tab, before "<?xml".
      ['evfw.xml.declaration-not-at-start', 1, 1],
      // type="flags“   index=...: a straight quote opens, a typographic one was meant to close.
      ['evfw.xml.attribute-curly-close', 4, 29],
      // <report-data> (line 6) is still open when </event-cpm-imap > (line 58) ends its parent.
      ['evfw.xml.unclosed-element', 6, 1],
      // <operation name=“add” flag=“\Seen”/>: one report for the line, at the first quote.
      ['evfw.xml.attribute-quote', 8, 17],
      ['evfw.xml.attribute-unquoted', 18, 13],
      // </operation> after <operation .../> on line 8.
      ['evfw.xml.tag-mismatch', 43, 1],
      ['evfw.xml.attribute-quote', 46, 34],
      ['evfw.xml.attribute-unquoted', 48, 13],
      // </operation> after <operation .../> on line 46.
      ['evfw.xml.tag-mismatch', 54, 1],
      // The "{" of <event-{xxx}-{yyy}> and of its end tag.
      ['evfw.xml.invalid-name', 59, 8],
      ['evfw.xml.invalid-name', 65, 9],
    ]);
  });

  it('says what each defect is, in words that lead to the fix', () => {
    const [tab, curly, unclosed, quotes, uid, selfClosed] = found;
    expect(tab!.message).toContain('a tab');
    expect(curly!.message).toContain('"type"');
    expect(curly!.hint).toContain('type="flags"');
    expect(unclosed!.message).toContain('<report-data>');
    expect(unclosed!.message).toContain('line 58');
    expect(quotes!.hint).toContain('name="add"');
    expect(uid!.hint).toContain('uid="58175"');
    expect(selfClosed!.message).toContain('self-closed on line 8');
    expect(found[8]!.message).toContain('self-closed on line 46');
    expect(found[9]!.message).toContain('"{"');
  });

  it('gives each defect the path of the element it is in', () => {
    expect(found[1]!.path).toBe('/cpm-evfw/event-cpm-imap[1]/@type');
    expect(found[3]!.path).toBe('/cpm-evfw/event-cpm-imap[1]/report-data[1]/operation[1]/@name');
    expect(found[4]!.path).toBe('/cpm-evfw/event-cpm-imap[1]/report-data[1]/object[1]/@uid');
    expect(found[9]!.path).toBe('/cpm-evfw/event-{xxx}-{yyy}[1]');
  });
});

describe('each single-fault example', () => {
  const cases: [string, Diagnostic['code'], number, number][] = [
    ['tab-before-xml-declaration.xml', 'evfw.xml.declaration-not-at-start', 1, 1],
    ['curly-quote-attribute-delimiters.xml', 'evfw.xml.attribute-quote', 5, 21],
    ['curly-quote-closing-value.xml', 'evfw.xml.attribute-curly-close', 4, 30],
    ['unquoted-attribute-value.xml', 'evfw.xml.attribute-unquoted', 6, 19],
    ['self-closed-operation-then-end-tag.xml', 'evfw.xml.tag-mismatch', 7, 5],
    ['unclosed-element.xml', 'evfw.xml.unclosed-element', 8, 7],
    ['braces-in-element-name.xml', 'evfw.xml.invalid-name', 7, 10],
  ];

  it.each(cases)('%s gives %s', (file, code, line, column) => {
    const result = readXml(invalid(file));
    expect(result.root).toBeUndefined();
    expect(result.diagnostics.map(brief), result.diagnostics.map((d) => formatDiagnostic(d)).join('\n')).toContainEqual([
      code,
      line,
      column,
    ]);
  });

  it('reports the fault once, the conformant parser\'s error merged into the specific finding', () => {
    for (const [file] of cases.filter(([file]) => file !== 'unclosed-element.xml')) {
      expect(readXml(invalid(file)).diagnostics, file).toHaveLength(1);
    }
  });

  it('leads with what a conformant parser reports, then adds what it could not see', () => {
    // libxml2: "Opening and ending tag mismatch: object line 8 and operation" (line 9).
    expect(readXml(invalid('unclosed-element.xml')).diagnostics.map(brief)).toEqual([
      ['evfw.xml.tag-mismatch', 9, 5],
      ['evfw.xml.unclosed-element', 8, 7],
    ]);
  });

  it('says where the self-closed element was', () => {
    expect(readXml(invalid('self-closed-operation-then-end-tag.xml')).diagnostics[0]!.message).toContain('self-closed on line 5');
  });
});

describe('scanDefects', () => {
  it('finds nothing in a well-formed document', () => {
    expect(scan('<?xml version="1.0"?>\n<r a="1" b=\'“2”\'><!-- <x --><![CDATA[ </r> ]]><?pi a="?><s/></r>')).toEqual([]);
  });

  it('names what comes before the XML declaration, and finds a declaration after other content', () => {
    const [blank] = scan('\n\n  <?xml version="1.0"?><r/>');
    expect(brief(blank!)).toEqual(['evfw.xml.declaration-not-at-start', 1, 1]);
    expect(blank!.message).toContain('a line break and 3 more white-space characters');
    const [late] = scan('<!-- c -->\n<?xml version="1.0"?><r/>');
    expect(brief(late!)).toEqual(['evfw.xml.declaration-not-at-start', 2, 1]);
    expect(scan('<?xml-stylesheet href="a"?><r/>')).toEqual([]);
  });

  it('finds single typographic quotes and a straight quote closed by a single typographic one', () => {
    expect(scan("<r a=‘x’ b='y’ c='z'/>").map(brief)).toEqual([
      ['evfw.xml.attribute-quote', 1, 6],
      ['evfw.xml.attribute-curly-close', 1, 14],
    ]);
  });

  it('does not mistake typographic quotes inside a value for its end', () => {
    expect(scan('<r title="he said “hi” there" b="“x”"/>')).toEqual([]);
  });

  it('recovers after each defect, so later attributes are read as attributes', () => {
    // One line: d=4 is a second unquoted value on it, so it is not reported again.
    expect(scan('<r a=1 b=“2” c="3” d=4/>').map(brief)).toEqual([
      ['evfw.xml.attribute-unquoted', 1, 6],
      ['evfw.xml.attribute-quote', 1, 10],
      ['evfw.xml.attribute-curly-close', 1, 18],
    ]);
    expect(scan('<r a=1\n b=“2”\n c="3”\n d=4/>').map(brief)).toEqual([
      ['evfw.xml.attribute-unquoted', 1, 6],
      ['evfw.xml.attribute-quote', 2, 4],
      ['evfw.xml.attribute-curly-close', 3, 6],
      ['evfw.xml.attribute-unquoted', 4, 4],
    ]);
  });

  it('takes a "<" inside a value on its own line as part of it, and a runaway value as the end of the tag', () => {
    expect(scan('<r>\n<a p="Inbox<2>"/>\n</r>')).toEqual([]);
    expect(scan('<r>\n<a p="x>\n<b/>\n</r>').map(brief)).toEqual([['evfw.xml.unclosed-element', 2, 1]]);
  });

  it('finds end tags that close nothing and elements never closed', () => {
    const found = scan('<r>\n  <a>\n    <b>\n  </a>\n  </c>\n  <d>');
    expect(found.map(brief)).toEqual([
      ['evfw.xml.unclosed-element', 3, 5],
      ['evfw.xml.tag-mismatch', 5, 3],
      ['evfw.xml.unclosed-element', 6, 3],
      ['evfw.xml.unclosed-element', 1, 1],
    ]);
    expect(found[1]!.message).toContain('the open one is <r>');
  });

  it('finds characters that names cannot hold, in element, end tag and attribute names', () => {
    expect(scan('<r>\n<a{b} c}d="1"></a{b}>\n<9/></r>').map(brief)).toEqual([
      ['evfw.xml.invalid-name', 2, 3],
      ['evfw.xml.invalid-name', 3, 2],
    ]);
    expect(scan('<r c}d="1"/>').map(brief)).toEqual([['evfw.xml.invalid-name', 1, 5]]);
  });

  it('reports one defect of a kind per line, and stops at maxDefects', () => {
    expect(scan('<r a=1 b=2 c=3/>')).toHaveLength(1);
    expect(scan('<r>\n<a b=1/>\n<a b=2/>\n<a b=3/>\n</r>', 2)).toHaveLength(2);
  });

  it('never fails, whatever it is given', () => {
    const odd = ['', '<', '</', '<<<', '<a', '<a b', '<a b=', '<a b="', '<a b=“', '<a b=“x', '</a', '<!--', '<![CDATA[', '<?', '<!', '<a/></a></a>', '\ud800<', '<\u{1F600}/>', 'x'.repeat(100) + '<'];
    for (const text of odd) {
      expect(Array.isArray(scan(text)), JSON.stringify(text)).toBe(true);
    }
  });
});
