/**
 * A typed model value straight to XML text: the model walk (walk-model.ts) drives the text
 * writer (xml/write-xml.ts) with no XmlElement tree in between, which is what serializeDocument
 * runs. What it refuses, and in which order, is what writing the tree of to-xml.ts refuses: the
 * value's misfits against the schema first, all of them; else the first character XML 1.0
 * cannot hold.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ElementDescriptor } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { UnwritableXmlError, withXmlTextWriter, writeXml, type XmlTextOptions } from '../xml/write-xml.js';
import { ModelWriter } from './to-xml.js';
import { ModelWalker } from './walk-model.js';

export type ModelText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problems: readonly Diagnostic[] };

/** The document whose root is `decl` and whose value is `value`; prefixes are the registry's. */
export function modelToText(registry: SchemaRegistry, decl: ElementDescriptor, value: unknown, options: Omit<XmlTextOptions, 'prefixes'>): ModelText {
  const textOptions: XmlTextOptions = { ...options, prefixes: (ns) => registry.preferredPrefix(ns) };
  try {
    return withXmlTextWriter(textOptions, (writer): ModelText => {
      const walker = new ModelWalker(registry, writer);
      walker.document(decl, value, decl.name);
      if (walker.problems.length > 0) return { ok: false, problems: walker.problems };
      return finished(() => writer.finish());
    });
  } catch {
    // The walk checks extension content for its shape only, so a broken value deep inside it can
    // make the writer fail before the walk has seen the rest of the value. The tree way reports
    // the value's problems first and fails on such content only then, as serialization always has.
    return viaTree(registry, decl, value, textOptions);
  }
}

function viaTree(registry: SchemaRegistry, decl: ElementDescriptor, value: unknown, options: XmlTextOptions): ModelText {
  const writer = new ModelWriter(registry);
  const root = writer.element(decl, value, decl.name);
  if (writer.problems.length > 0) return { ok: false, problems: writer.problems };
  return finished(() => writeXml(root, { ...options, verbatim: (e) => writer.verbatim.has(e) }));
}

/** The text, or the character that XML 1.0 cannot hold as a model problem. */
function finished(write: () => string): ModelText {
  try {
    return { ok: true, text: write() };
  } catch (error) {
    if (!(error instanceof UnwritableXmlError)) throw error;
    return { ok: false, problems: [{ code: 'evfw.model.invalid', severity: 'error', message: error.message, line: 0, column: 0, path: '' }] };
  }
}
