/** XPath-like paths for diagnostics: `/cpm-evfw/event-cpm-imap[2]/operation[1]`. */
import { excerpt } from '../diagnostics.js';
import type { SourceElement } from '../xml/source-tree.js';

/**
 * The child elements of `parent` with their paths, `/cpm-evfw/event-cpm-imap[2]`: the name and
 * the position among same-named siblings, counted in one pass.
 */
export function* childPaths(parentPath: string, parent: SourceElement): Generator<[SourceElement, string]> {
  const seen = new Map<string, number>();
  for (const child of parent.children) {
    if (child.kind !== 'element') continue;
    // Counted by local name, as the names in the path are written (and as the reader counts).
    const position = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, position);
    yield [child, `${parentPath}/${child.name.length > 64 ? excerpt(child.name, 64) : child.name}[${position}]`];
  }
}
