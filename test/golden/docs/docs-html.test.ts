/**
 * reference.html stands alone: it is well-formed XML (polyglot HTML5), and nothing in it points
 * outside the file. No stylesheet, script, image, frame or font; every link an in-page anchor
 * that exists; no URL in any attribute but the XHTML namespace; no url() or @import in the CSS.
 * Checked on the page of our schemas (generated/docs) and on the golden scenarios'.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, GOLDEN_DIR } from '../../support/paths.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const FETCHING = new Set(['link', 'script', 'img', 'iframe', 'frame', 'object', 'embed', 'source', 'video', 'audio', 'track', 'base', 'form', 'picture', 'svg']);

interface PageFacts {
  readonly root: { name: string; namespace: string };
  readonly elements: { name: string; attributes: Record<string, string> }[];
  readonly styles: string[];
}

/** Reads the page with an XML parser: a page that is not well-formed XML fails here. */
function readPage(text: string): PageFacts {
  const parser = new SaxesParser({ xmlns: true });
  const elements: PageFacts['elements'] = [];
  const styles: string[] = [];
  let root: PageFacts['root'] | undefined;
  let inStyle = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    root ??= { name: tag.local, namespace: tag.uri };
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    elements.push({ name: tag.local, attributes });
    inStyle = tag.local === 'style';
  });
  parser.on('text', (value) => {
    if (inStyle) styles.push(value);
  });
  parser.on('closetag', () => {
    inStyle = false;
  });
  parser.write(text).close();
  return { root: root!, elements, styles };
}

const pages = [
  { name: 'generated/docs/reference.html', file: path.join(GENERATED_DIR, 'docs/reference.html') },
  ...readdirSync(path.join(GOLDEN_DIR, 'docs'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `golden ${d.name}`, file: path.join(GOLDEN_DIR, 'docs', d.name, 'expected/reference.html') })),
];

describe('reference.html is self-contained', () => {
  for (const page of pages) {
    describe(page.name, () => {
      const text = readFileSync(page.file, 'utf8');
      const facts = readPage(text);

      it('is polyglot HTML5: the doctype, and an XHTML root an XML parser reads', () => {
        expect(text).toMatch(/^(<!--[^]*?-->\n)*<!DOCTYPE html>\n<html xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/);
        expect(facts.root).toEqual({ name: 'html', namespace: XHTML });
        expect(facts.elements.some((e) => e.name === 'meta' && e.attributes.charset === 'utf-8')).toBe(true);
      });

      it('loads nothing: no element that fetches, no src, no URL in any attribute', () => {
        expect(facts.elements.filter((e) => FETCHING.has(e.name)).map((e) => e.name)).toEqual([]);
        for (const e of facts.elements) {
          expect(e.attributes, `<${e.name}>`).not.toHaveProperty('src');
          expect(e.attributes, `<${e.name}>`).not.toHaveProperty('srcset');
          for (const [name, value] of Object.entries(e.attributes)) {
            if (e.name === 'html' && name === 'xmlns') continue;
            expect(value, `<${e.name} ${name}>`).not.toMatch(/https?:|\/\/|url\(/i);
          }
        }
      });

      it('links only to anchors of the page, every one of which exists', () => {
        const ids = facts.elements.map((e) => e.attributes.id).filter((id): id is string => id !== undefined);
        expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
        const hrefs = facts.elements.map((e) => e.attributes.href).filter((href): href is string => href !== undefined);
        expect(hrefs.length).toBeGreaterThan(0);
        for (const href of hrefs) {
          expect(href).toMatch(/^#/);
          expect(ids, href).toContain(href.slice(1));
        }
      });

      it('styles inline only: no url(), @import or web font in the CSS', () => {
        expect(facts.styles.length).toBeGreaterThan(0);
        for (const css of [...facts.styles, ...facts.elements.map((e) => e.attributes.style ?? '')]) {
          expect(css).not.toMatch(/url\(|@import|@font-face|https?:/i);
        }
      });
    });
  }
});
