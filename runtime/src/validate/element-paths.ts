/** XPath-like paths for diagnostics: `/cpm-evfw/event-cpm-imap[2]/operation[1]`. */
import { componentKey } from '../schema/descriptor.js';
import type { SourceElement } from '../xml/source-tree.js';

/**
 * The child elements of `parent` with their paths, `/cpm-evfw/event-cpm-imap[2]`: the name and
 * the position among same-named siblings, counted in one pass.
 */
export function* childPaths(parentPath: string, parent: SourceElement): Generator<[SourceElement, string]> {
  const seen = new Map<string, number>();
  for (const child of parent.children) {
    if (child.kind !== 'element') continue;
    const key = componentKey(child.namespace, child.name);
    const position = (seen.get(key) ?? 0) + 1;
    seen.set(key, position);
    yield [child, `${parentPath}/${child.name}[${position}]`];
  }
}
