/** The globs evfw expands itself, for arguments the shell left alone. */
import { describe, expect, it } from 'vitest';
import { compileGlob, isGlob } from '../../../cli/src/inputs/glob-pattern.js';

const matches = (pattern: string, rel: string) => compileGlob(pattern).matcher.test(rel);

describe('compileGlob', () => {
  it('walks from the folder before the first wildcard', () => {
    expect(compileGlob('captures/2024/*.xml').base).toBe('captures/2024');
    expect(compileGlob('*.xml').base).toBe('.');
    expect(compileGlob('/abs/**/x.xml').base).toBe('/abs');
  });

  it('* and ? stay within one folder; ** spans any number, none included', () => {
    expect(matches('d/*.xml', 'a.xml')).toBe(true);
    expect(matches('d/*.xml', 'sub/a.xml')).toBe(false);
    expect(matches('d/?.xml', 'a.xml')).toBe(true);
    expect(matches('d/?.xml', 'ab.xml')).toBe(false);
    expect(matches('d/**/*.xml', 'a.xml')).toBe(true);
    expect(matches('d/**/*.xml', 'x/y/a.xml')).toBe(true);
    expect(matches('d/**', 'x/y/a.txt')).toBe(true);
  });

  it('[...], [!...] and {a,b}; other characters are literal', () => {
    expect(matches('d/[ab]-*.xml', 'b-1.xml')).toBe(true);
    expect(matches('d/[!ab]-*.xml', 'b-1.xml')).toBe(false);
    expect(matches('d/*.{xml,XML}', 'a.XML')).toBe(true);
    expect(matches('d/a+b(1).xml', 'a+b(1).xml')).toBe(true);
    expect(matches('d/*.xml', 'axml')).toBe(false);
  });

  it('isGlob looks for wildcards only', () => {
    expect(isGlob('schemas/examples')).toBe(false);
    expect(isGlob('schemas/**/*.xml')).toBe(true);
  });
});
