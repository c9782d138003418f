/**
 * The links between the READMEs (and into DECISIONS.md) lead somewhere: the file exists and, for
 * a link with an anchor, the page has that heading. The root README is a map of the others
 * (issue 19), so a page renamed or a heading reworded must not leave it pointing at nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DOCUMENTS, REPO_ROOT } from '../../scripts/docs-examples.js';
import { headingAnchor, headings, linkTargets } from './markdown.js';

const DOCUMENTS = [...EXAMPLE_DOCUMENTS, 'schemas/DECISIONS.md'];

function read(document: string): string {
  return readFileSync(path.join(REPO_ROOT, document), 'utf8');
}

describe.each(DOCUMENTS)('the links of %s', (document) => {
  it('lead to a file that exists, and to a heading it has', () => {
    const broken: string[] = [];
    for (const target of linkTargets(read(document))) {
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto: and the like
      const [file = '', anchor] = target.split('#');
      const resolved = file === '' ? document : path.posix.normalize(path.posix.join(path.posix.dirname(document), file));
      if (!existsSync(path.join(REPO_ROOT, resolved))) {
        broken.push(`${target}: no file ${resolved}`);
        continue;
      }
      if (anchor === undefined || !resolved.endsWith('.md')) continue;
      const anchors = new Set(headings(read(resolved)).map(headingAnchor));
      if (!anchors.has(anchor)) broken.push(`${target}: ${resolved} has no heading with the anchor #${anchor}`);
    }
    expect(broken).toEqual([]);
  });
});
