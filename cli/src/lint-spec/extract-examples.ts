/**
 * Finds the XML examples in a specification's plain text. An example starts on a line whose first
 * non-blank characters are `<?xml` or the start tag of a known root element, and ends on the line
 * of that root's end tag (`</cpm-evfw>`, white space before `>` allowed); without one, it ends
 * before the first line of prose: a non-blank line outside a comment that does not start with
 * `<`. Examples are whole lines, so a position in an example is the same column of the text.
 */

export interface TextExample {
  /** 1-based line of the text where the example starts, and where it ends (inclusive). */
  readonly startLine: number;
  readonly endLine: number;
  /** The lines startLine..endLine, joined with "\n", with a final "\n". */
  readonly text: string;
  /** The root element's name as written (it may be a placeholder that is not an XML name). */
  readonly root: string | undefined;
}

const NAME = /^<([^\s/>!?]+)/;

export function extractExamples(text: string, roots: readonly string[]): TextExample[] {
  const lines = text.split(/\r?\n/);
  const examples: TextExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.trimStart();
    const startsDeclaration = first.startsWith('<?xml');
    const rootHere = NAME.exec(first)?.[1];
    if (!startsDeclaration && !(rootHere && roots.includes(localPart(rootHere)))) continue;
    const end = exampleEnd(lines, i, startsDeclaration ? undefined : rootHere);
    examples.push({
      startLine: i + 1,
      endLine: end.line + 1,
      text: `${lines.slice(i, end.line + 1).join('\n')}\n`,
      root: end.root,
    });
    i = end.line;
  }
  return examples;
}

function exampleEnd(lines: readonly string[], start: number, knownRoot: string | undefined): { line: number; root: string | undefined } {
  let root = knownRoot;
  let inComment = false;
  let lastXml = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const prose = !inComment && trimmed !== '' && !trimmed.startsWith('<') && i !== start;
    if (prose) return { line: lastXml, root };
    inComment = commentOpenAfter(line, inComment);
    if (trimmed !== '') lastXml = i;
    if (root === undefined) {
      const tag = /<([^\s/>!?]+)/.exec(line.replace(/<\?[^]*?\?>|<!--[^]*?-->/g, ''));
      if (tag) root = tag[1];
    }
    if (root === undefined) continue;
    const name = escapeRegExp(root);
    if (new RegExp(`</${name}\\s*>`).test(line) || new RegExp(`<${name}(?:\\s[^<>]*)?/>`).test(line)) return { line: i, root };
  }
  return { line: lastXml, root };
}

/** Whether a comment is still open at the end of the line. */
function commentOpenAfter(line: string, open: boolean): boolean {
  let state = open;
  let at = 0;
  for (;;) {
    const next = state ? line.indexOf('-->', at) : line.indexOf('<!--', at);
    if (next < 0) return state;
    at = next + (state ? 3 : 4);
    state = !state;
  }
}

function localPart(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
