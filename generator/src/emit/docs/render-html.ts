/**
 * The docs model as one standalone page, `docs/reference.html`, for people who read in a
 * browser: every namespace, a table of contents, and the diagnostic codes, all in one file with
 * its CSS inline and nothing fetched (no stylesheet, script, font or image; every link is an
 * in-page anchor), so it works offline and from an attachment.
 *
 * It is polyglot HTML5: also well-formed XML (every element closed, XML references only, every
 * text through escape/html.ts), so tests read it with an XML parser.
 */
import { htmlText } from '../escape/index.js';
import { generatedHeader } from '../generated-file.js';
import type { DocsElement, DocsExample, DocsModule, DocsNotation, DocsRow, DocsRule, DocsSet, DocsType, Phrase } from './docs-model.js';

/** System fonts only: nothing to download. */
const CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem 4rem; }
h1, h2, h3 { line-height: 1.25; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2.5rem; }
h3 { margin-top: 2rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 90%; }
code { background: #f6f8fa; padding: .1em .3em; border-radius: 4px; }
pre { background: #f6f8fa; padding: 1rem; overflow-x: auto; border-radius: 6px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: .8rem 0; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
nav ul { padding-left: 1.2rem; }
.scope { color: #59636e; font-style: italic; }
.meta td:first-child { width: 10rem; }
@media print { nav { display: none; } a { color: inherit; } }
`;

export function renderHtml(docs: DocsSet): string {
  // generatedHeader escapes the file names for a comment of their own (no `--`, no line break).
  const header = generatedHeader(docs.sources, '').split('\n').map((l) => `<!--${l} -->`).join('\n');
  return [
    header,
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>Schema reference: ${htmlText(docs.modules.map((m) => m.module).join(', '))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<h1 id="top">Schema reference</h1>',
    '<p>Generated from the schemas and their prose rules: every element and attribute in a data-semantics table, the content models and extension points in words, the diagnostic codes evfw can report for each element, and a valid example document per namespace.</p>',
    contents(docs),
    ...docs.modules.map((m) => moduleHtml(m)),
    codesHtml(docs),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function contents(docs: DocsSet): string {
  const items = docs.modules.map((m) => {
    const a = (anchor: string) => `#${id(m, anchor)}`;
    const sub = [
      `<li><a href="${a('example')}">Example document</a></li>`,
      ...(m.elements.length > 0 ? [`<li>Elements: ${m.elements.map((e) => `<a href="${a(e.anchor)}"><code>${htmlText(e.label)}</code></a>`).join(', ')}</li>`] : []),
      ...(m.attributes.length > 0 ? [`<li><a href="${a('attributes')}">Global attributes</a></li>`] : []),
      ...(m.types.length > 0 ? [`<li>Types: ${m.types.map((t) => `<a href="${a(t.anchor)}"><code>${htmlText(t.title)}</code></a>`).join(', ')}</li>`] : []),
      ...(m.notations.length > 0 ? [`<li><a href="${a('notations')}">Notations</a></li>`] : []),
      ...(m.rules.length > 0 ? [`<li><a href="${a('rules')}">Prose rules</a></li>`] : []),
    ];
    return `<li><a href="#${id(m)}">${htmlText(m.module)}</a> <code>${htmlText(m.namespace)}</code><ul>${sub.join('')}</ul></li>`;
  });
  return `<nav id="evfw-contents"><h2>Contents</h2><ul>${items.join('\n')}<li><a href="#evfw-diagnostics">Diagnostic codes</a></li></ul></nav>`;
}

function moduleHtml(m: DocsModule): string {
  return [
    `<section id="${id(m)}">`,
    `<h2>${htmlText(m.module)}: <code>${htmlText(m.namespace)}</code></h2>`,
    ...(m.documentation ? [`<p>${htmlText(m.documentation)}</p>`] : []),
    '<table class="meta"><tbody>',
    `<tr><td>namespace</td><td><code>${htmlText(m.namespace)}</code></td></tr>`,
    ...(m.prefix ? [`<tr><td>prefix</td><td><code>${htmlText(m.prefix)}</code></td></tr>`] : []),
    `<tr><td>schema files</td><td>${m.files.map((f) => `<code>${htmlText(f)}</code>`).join(', ')}</td></tr>`,
    ...(m.sections.length > 0 ? [`<tr><td>spec sections</td><td>${htmlText(m.sections.join('; '))}</td></tr>`] : []),
    '</tbody></table>',
    `<h3 id="${id(m, 'example')}">Example document</h3>`,
    ...m.examples.map((x) => exampleHtml(x)),
    ...m.elements.map((e) => elementHtml(m, e)),
    ...(m.attributes.length > 0 ? [`<h3 id="${id(m, 'attributes')}">Global attributes</h3>`, table(m, m.attributes)] : []),
    ...m.types.map((t) => typeHtml(m, t)),
    ...(m.notations.length > 0 ? [`<h3 id="${id(m, 'notations')}">Notations</h3>`, notationsTable(m.notations)] : []),
    ...(m.rules.length > 0 ? [`<h3 id="${id(m, 'rules')}">Prose rules</h3>`, rulesTable(m.rules)] : []),
    '</section>',
  ].join('\n');
}

/** One row per xs:notation: the names a NOTATION value may take, and what each stands for. */
function notationsTable(notations: readonly DocsNotation[]): string {
  const cell = (value: string | undefined) => (value === undefined ? '' : `<code>${htmlText(value)}</code>`);
  const rows = notations.map((n) => `<tr><td><code>${htmlText(n.name)}</code></td><td>${cell(n.public)}</td><td>${cell(n.system)}</td><td>${htmlText(n.documentation)}</td></tr>`);
  return `<table><thead><tr><th>notation</th><th>public identifier</th><th>system identifier</th><th>description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function exampleHtml(x: DocsExample): string {
  if (x.document === undefined) return `<p>No example document of <code>${htmlText(x.root)}</code>: ${htmlText(x.reason ?? '')}.</p>`;
  return `<p>A document with the root <code>${htmlText(x.root)}</code>, generated by evfw's fixture tools and valid in the <code>${x.profile}</code> profile (checked when this page was generated):</p>\n<pre><code>${htmlText(x.document.replace(/\n$/, ''))}</code></pre>`;
}

function elementHtml(m: DocsModule, e: DocsElement): string {
  return [
    `<h3 id="${id(m, e.anchor)}"><code>${htmlText(e.title)}</code></h3>`,
    `<p class="scope">${phrase(m, e.scope)}.</p>`,
    ...(e.documentation ? [`<p>${htmlText(e.documentation)}</p>`] : []),
    table(m, e.rows),
    `<p><strong>Content:</strong> ${phrase(m, e.content)}.</p>`,
    ...(e.extensions.length > 0 ? [`<p><strong>Extension points:</strong></p><ul>${e.extensions.map((x) => `<li>${phrase(m, x)}</li>`).join('')}</ul>`] : []),
    ...(e.identity.length > 0 ? [`<p><strong>Identity constraints:</strong></p><ul>${e.identity.map((x) => `<li>${phrase(m, x)}</li>`).join('')}</ul>`] : []),
    ...(e.diagnostics.length > 0 ? [`<p><strong>Diagnostics:</strong> ${e.diagnostics.map(codeLink).join(', ')}</p>`] : []),
    ...(e.rules.length > 0 ? [`<p><strong>Prose rules:</strong></p><ul>${e.rules.map((r) => `<li>${codeLink(r.code)} (section ${htmlText(r.section)}; ${r.severity} in the <code>${r.profile}</code> profile): ${htmlText(r.description)}</li>`).join('')}</ul>`] : []),
  ].join('\n');
}

function typeHtml(m: DocsModule, t: DocsType): string {
  return [
    `<h3 id="${id(m, t.anchor)}"><code>${htmlText(t.title)}</code></h3>`,
    `<p class="scope">${t.kind === 'simple' ? 'Simple' : 'Complex'} type: ${phrase(m, t.summary)}.</p>`,
    ...(t.documentation ? [`<p>${htmlText(t.documentation)}</p>`] : []),
    ...(t.sections.length > 0 ? [`<p>Spec sections: ${htmlText(t.sections.join('; '))}.</p>`] : []),
    ...(t.values.length > 0
      ? [`<table><thead><tr><th>Value</th><th>Description</th></tr></thead><tbody>${t.values.map((v) => `<tr><td><code>${htmlText(v.value)}</code></td><td>${htmlText(v.documentation)}</td></tr>`).join('')}</tbody></table>`]
      : []),
    `<p>Used by: ${phrase(m, t.usedBy)}.</p>`,
  ].join('\n');
}

function table(m: DocsModule, rows: readonly DocsRow[]): string {
  const head = ['Name', 'Kind', 'Type', 'Cardinality', 'Allowed values', 'Description', 'Spec section'].map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((r) => `<tr><td>${phrase(m, r.name)}</td><td>${r.kind}</td><td>${phrase(m, r.type)}</td><td>${r.cardinality}</td><td>${phrase(m, r.allowed)}</td><td>${htmlText(r.description)}</td><td>${htmlText(r.sections.join('; '))}</td></tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function rulesTable(rules: readonly DocsRule[]): string {
  const body = rules.map((r) => `<tr><td>${codeLink(r.code)}</td><td>${htmlText(r.section)}</td><td>${r.severity}</td><td>${r.profile}</td><td>${htmlText(r.description)}</td></tr>`);
  return `<p>Checked after the schema, in the profile named (<code>invite</code> includes <code>spec</code>): <code>evfw validate --profile</code>.</p>\n<table><thead><tr><th>Code</th><th>Section</th><th>Severity</th><th>Profile</th><th>What it checks</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function codesHtml(docs: DocsSet): string {
  const body = docs.codes.map((c) => `<tr id="${codeId(c.code)}"><td><code>${htmlText(c.code)}</code></td><td>${htmlText(c.meaning)}</td></tr>`);
  return `<section id="evfw-diagnostics">\n<h2>Diagnostic codes</h2>\n<p>Every diagnostic evfw reports carries one of these codes, a message, the line and column, and a path. The <code>evfw.rule.*</code> codes are the prose rules, reported only in the profile named.</p>\n<table><thead><tr><th>Code</th><th>Meaning</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>\n</section>`;
}

function phrase(m: DocsModule, p: Phrase): string {
  return p
    .map((f) => {
      if ('text' in f) return htmlText(f.text);
      if ('code' in f) return `<code>${htmlText(f.code)}</code>`;
      if (f.target.kind === 'diagnostic') return codeLink(f.target.code);
      const page = f.target.module ?? m.module;
      return `<a href="#${htmlText(`${page}.${f.target.anchor}`)}"><code>${htmlText(f.link)}</code></a>`;
    })
    .join('');
}

function codeLink(code: string): string {
  return `<a href="#${codeId(code)}"><code>${htmlText(code)}</code></a>`;
}

function codeId(code: string): string {
  return `code.${htmlText(code)}`;
}

/** Ids are unique across the page: each module's anchors carry its name. */
function id(m: DocsModule, anchor?: string): string {
  return htmlText(anchor === undefined ? `module.${m.module}` : `${m.module}.${anchor}`);
}
