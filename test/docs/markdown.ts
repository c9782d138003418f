/** What the documentation tests need to know of Markdown: headings, their anchors, links. */

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replaceAll(' ', '-');
}

/** The text of every heading outside fenced blocks (`# Title` to `###### Title`). */
export function headings(text: string): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced) {
      const match = /^#{1,6} (.+)$/.exec(line);
      if (match?.[1] !== undefined) found.push(match[1]);
    }
  }
  return found;
}

/** The targets of the inline links `[text](target)` outside fenced blocks and code spans. */
export function linkTargets(text: string): string[] {
  const targets: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) if (match[1] !== undefined) targets.push(match[1]);
  }
  return targets;
}
