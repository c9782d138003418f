/**
 * The docs emitter: the standards editors' reference, written from the IR into the generated
 * package's docs/ folder. `docs/<module>.md` per namespace, `docs/README.md` linking them, and
 * `docs/reference.html`, the same content in one self-contained page. `evfw docs` writes the
 * same files on their own.
 */
import type { NamedSchemaSet } from '../../ir/ir.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';
import { buildDocs } from './build-docs.js';
import { renderHtml } from './render-html.js';
import { renderMarkdownIndex, renderMarkdownModule } from './render-markdown.js';

/** The folder of the generated package the docs live in; `evfw docs` strips it. */
export const DOCS_DIR = 'docs';

export const docsEmitter: Emitter = {
  name: 'docs',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    const docs = buildDocs(ir, context.modules, context.descriptors);
    if (docs.modules.length === 0) return;
    out.set(`${DOCS_DIR}/README.md`, renderMarkdownIndex(docs));
    for (const module of docs.modules) out.set(`${DOCS_DIR}/${module.module}.md`, renderMarkdownModule(module));
    out.set(`${DOCS_DIR}/reference.html`, renderHtml(docs));
  },
};
