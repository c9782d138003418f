/** lint-spec's finding of XML examples in plain text, and the mapping of repaired positions back. */
import { describe, expect, it } from 'vitest';
import { extractExamples } from '../../../cli/src/lint-spec/extract-examples.js';
import { EditableText } from '../../../cli/src/lint-spec/text-edits.js';

const ROOTS = ['cpm-evfw', 'imdn'];

describe('extractExamples', () => {
  it('finds each example from <?xml or a known root to the root\'s end tag, white space before ">" allowed', () => {
    const text = [
      'The top element is <cpm-evfw>, as in:', // prose that mentions a root does not start an example
      '  <?xml version="1.0"?>',
      '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">',
      '  <!-- a comment that',
      'runs over lines -->',
      '</cpm-evfw >',
      'And an IMDN:',
      '<imdn xmlns="urn:ietf:params:xml:ns:imdn"/>',
      '<unknown/>',
    ].join('\n');
    expect(extractExamples(text, ROOTS).map((e) => [e.startLine, e.endLine, e.root])).toEqual([
      [2, 6, 'cpm-evfw'],
      [8, 8, 'imdn'],
    ]);
  });

  it('without the root\'s end tag, ends before the first line of prose outside a comment', () => {
    const text = ['<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">', '<event-cpm-imap>', '', 'Table 1: an unfinished example'].join('\n');
    expect(extractExamples(text, ROOTS).map((e) => [e.startLine, e.endLine])).toEqual([[1, 2]]);
  });
});

describe('EditableText', () => {
  it('maps a position of the repaired text back to the one written', () => {
    const t = new EditableText('\t<a x=1 y=“2”/>');
    t.replace(1, 11, 3, '"2"');
    t.replace(1, 7, 1, '"1"');
    t.replace(1, 1, 1, '');
    expect(t.text).toBe('<a x="1" y="2"/>');
    expect(t.original(1, 1)).toEqual({ line: 1, column: 2 });
    expect(t.original(1, 10)).toEqual({ line: 1, column: 9 });
    expect(t.original(1, 16)).toEqual({ line: 1, column: 15 });
  });
});
