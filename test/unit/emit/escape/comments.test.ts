/**
 * The comment escapes, checked by the TypeScript parser and an XML parser: whatever the value,
 * the comment ends where the generator ends it, and the code after it is the only code.
 */
import { XmlDocument } from 'libxml2-wasm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { jsdocText, lineCommentText, xmlCommentText } from '../../../../generator/src/emit/escape/comments.js';
import { syntaxErrors } from '../../../support/typecheck.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const HOSTILE = [
  "*/}console.log('INJECTED');interface/**/P{/*",
  'Accept: */*',
  '*/*/*//**/',
  '/* unclosed',
  '@deprecated or {@link evil} @param x',
  'line\nbreak\r\ncr\ralone LS\u2028PS\u2029NEL\u0085',
  'nul\u0000 bell\u0007 lone \uD800 bidi \u202E',
  '--> -- --- <!-- ]]>',
  '-',
  '',
];

/** The statements TypeScript reads from `source`, as kinds, and its parse errors. */
function parse(source: string): { kinds: string[]; errors: number } {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  return {
    kinds: file.statements.map((s) => ts.SyntaxKind[s.kind]),
    errors: syntaxErrors(source).length,
  };
}

describe('jsdocText', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s stays inside its JSDoc block', (_name, value) => {
    const text = jsdocText(value);
    const block = `/**\n${text.split('\n').map((l) => ` * ${l}`).join('\n')}\n */\nexport const x = 1;\n`;
    expect(parse(block)).toEqual({ kinds: ['FirstStatement'], errors: 0 });
    expect(text).not.toContain('*/');
    expect(text).not.toContain('/*');
    expect(text).not.toMatch(/[\r\u2028\u2029\u0085\u0000-\u0008\u000b-\u001f]/);
    expect(text).not.toMatch(LONE_SURROGATE);
  });

  it('leaves no tag: an @ starting a word is escaped the TSDoc way, other @ stay', () => {
    const value = '@deprecated {@link x} a@b.c';
    const text = jsdocText(value);
    expect(text).toBe('\\@deprecated {\\@link x} a@b.c');
    const file = ts.createSourceFile('x.ts', `/**\n * ${text}\n */\nexport const x = 1;\n`, ts.ScriptTarget.ES2022, true);
    expect(ts.getJSDocTags(file.statements[0]!)).toEqual([]);
  });

  it('keeps ordinary prose as it is', () => {
    const prose = 'The <object> element: uid and folder-path, "quoted", it\'s 100% ok (see 6.7.5.1).';
    expect(jsdocText(prose)).toBe(prose);
    expect(jsdocText('one\n\ntwo')).toBe('one\n\ntwo');
  });
});

describe('lineCommentText', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s stays on its // line', (_name, value) => {
    const text = lineCommentText(value);
    expect(parse(`// ${text}\nexport const x = 1;\n`)).toEqual({ kinds: ['FirstStatement'], errors: 0 });
    expect(text).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
  });

  it('shows what it replaced, as \\uXXXX', () => {
    expect(lineCommentText('a\nb\u2028c.xsd')).toBe('a\\u000Ab\\u2028c.xsd');
    expect(lineCommentText('schemas/cpm-evfw.xsd')).toBe('schemas/cpm-evfw.xsd');
  });
});

describe('xmlCommentText', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s stays inside one well-formed XML comment', (_name, value) => {
    const text = xmlCommentText(value);
    const doc = XmlDocument.fromString(`<r><!--${text} --><after/></r>`);
    try {
      expect(doc.root.eval('count(*)')).toBe(1);
      expect(doc.root.eval('count(comment())')).toBe(1);
    } finally {
      doc.dispose();
    }
    expect(text).not.toContain('--');
  });

  it('separates hyphens, however many', () => {
    expect(xmlCommentText('a---b-')).toBe('a- - -b- ');
  });
});
