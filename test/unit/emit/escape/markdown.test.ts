/**
 * markdownText and markdownCode. No Markdown renderer is a dependency, so the checks are the
 * rules the functions promise: every ASCII punctuation that opens inline syntax is behind a
 * backslash (CommonMark's escape, which renders as the character), no line opens a block, a
 * table cell holds no line break or bare `|`, and removing the escapes gives back the value.
 */
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../../../generator/src/emit/escape/markdown.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '[click](javascript:alert(1)) ![x](http://x/y.png)',
  '*emphasis* _under_ `code` \\ back',
  '# heading\n> quote\n- item\n+ item\n1. first\n2) second\n=== \n| a | b |',
  'cell | pipe\nnew line\r\nand \u2028 LS',
  '``` fence ```',
  'nul\u0000 lone \uD800',
  '',
];

/** CommonMark's reading of backslash escapes: a backslash before ASCII punctuation is dropped. */
const unescape = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('markdownText', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s as prose: no tag, link, emphasis or block', (_name, value) => {
    const text = markdownText(value);
    expect(text).not.toMatch(/(^|[^\\])[<`*_[\]]/);
    for (const line of text.split('\n')) expect(line).not.toMatch(/^([#>+=|-]|\d{1,9}[.)])/);
    expect(unescape(text)).toBe(value.replace(/\r\n/g, '\n').replace(/[\r\u2028\u2029\u0085]/g, '\n').replace(/\u0000|\uD800/g, '\uFFFD'));
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s in a table cell: one line, no bare pipe', (_name, value) => {
    const text = markdownText(value, true);
    expect(text).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(text).not.toMatch(/(^|[^\\])\|/);
  });

  it('writes ordinary prose as the old escapeText did', () => {
    expect(markdownText('The <object> element, a_b and *x*')).toBe('The \\<object> element, a\\_b and \\*x\\*');
    expect(markdownText('a | b', true)).toBe('a \\| b');
  });
});

describe('markdownCode', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s: one code span, not ended early', (_name, value) => {
    const span = markdownCode(value);
    const fence = /^`+/.exec(span)![0];
    expect(span.endsWith(fence)).toBe(true);
    const inner = span.slice(fence.length, span.length - fence.length);
    expect(inner).not.toContain(fence);
    expect(inner).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('fences backticks with a longer run, as before', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b', true)).toBe('`a\\|b`');
  });
});
