/**
 * htmlText, checked by libxml2 reading the polyglot page's way: whatever the value, it is text
 * (or one attribute value) of a well-formed document, never an element or another attribute,
 * and it reads back as itself, with U+FFFD where XML 1.0 cannot hold a character.
 */
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { htmlText } from '../../../../generator/src/emit/escape/html.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '" onload="alert(1)',
  "' onload='alert(1)",
  ']]> <![CDATA[ x ]]>',
  '&lt; &amp;amp; &#x3c;script&#x3e; &unknown;',
  '--> <!-- -->',
  'cr\r\ncr\ralone\ttab',
  'nul\u0000 vt\u000b lone \uD800 \uDC00 fffe\uFFFE ffff\uFFFF pair \uD83D\uDE00',
  '',
];

/** What XML 1.0 makes of the value: the characters it cannot hold replaced. */
const xmlSafe = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function read(xml: string, check: (root: XmlElement) => void): void {
  const doc = XmlDocument.fromString(xml);
  try {
    check(doc.root);
  } finally {
    doc.dispose();
  }
}

describe('htmlText', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s is text, and reads back', (_name, value) => {
    read(`<p>${htmlText(value)}</p>`, (root) => {
      expect(root.eval('count(*)')).toBe(0);
      expect(root.content).toBe(xmlSafe(value));
    });
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s is one attribute value, and reads back', (_name, value) => {
    read(`<a title="${htmlText(value)}" />`, (root) => {
      expect(root.attrs.map((a) => a.name)).toEqual(['title']);
      // Attribute-value normalization turns a literal tab or line feed into a space (the page's
      // attribute values are ids, which hold neither); the &#13; reference stays a CR.
      expect(root.attr('title')?.value).toBe(xmlSafe(value).replace(/[\t\n]/g, ' '));
    });
  });

  it('writes ordinary text as the old escape did', () => {
    expect(htmlText('a < b & "c" > d, it\'s')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d, it\'s');
  });

  it('never writes ]]>, which XML forbids in text', () => {
    expect(htmlText(']]>]]]>')).not.toContain(']]>');
  });
});
