/**
 * Finds and parses every schema document a set of entry files needs, following xs:import and
 * xs:include through local files only.
 *
 * A schemaLocation is resolved against the file that names it. Remote locations are refused,
 * except for the xml: namespace, which is built in (see builtin-schemas.ts) wherever it is
 * imported from. Nothing is ever fetched over the network, and only files under the schema
 * set's roots are read (schema-access.ts).
 */
import path from 'node:path';
import { GeneratorError } from '../errors.js';
import { XSD_NAMESPACE } from '../ir/ir.js';
import { parseXmlTree, type XmlNode } from '../read/xml-tree.js';
import { BUILTIN_SCHEMA_FILES } from './builtin-schemas.js';
import { SchemaAccess, type SchemaAccessOptions } from './schema-access.js';

export interface SchemaDocument {
  /** The path shown in positions and headers: relative to rootDir, with forward slashes. */
  readonly file: string;
  readonly root: XmlNode;
  /** Set for a chameleon include: the namespace the including schema gives it. */
  readonly chameleonNamespace: string | undefined;
  readonly builtin: boolean;
}

export interface LoadOptions extends SchemaAccessOptions {
  /** Paths in positions and headers are relative to this folder. Default: the working directory. */
  readonly rootDir?: string;
  /** The reader to share with later stages (the rules files); by default one of these options. */
  readonly access?: SchemaAccess;
  /** How deeply a schema document's elements may nest (D-92's maxNestingDepth); the default cap by default. */
  readonly maxNestingDepth?: number;
}

export function loadSchemas(entryFiles: readonly string[], options: LoadOptions = {}): SchemaDocument[] {
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  const access = options.access ?? new SchemaAccess(entryFiles, options);
  const documents: SchemaDocument[] = [];
  const seen = new Set<string>();

  const display = (absolute: string) => path.relative(rootDir, absolute).split(path.sep).join('/');

  /**
   * The parsed tree of an entry file (`from` undefined) or of the target of the directive
   * `from`, parsed once: a file included from many schemas is read and parsed one time.
   */
  const trees = new Map<string, XmlNode>();
  const tree = (absolute: string, from?: { node: XmlNode; location: string }): XmlNode => {
    const file = display(absolute);
    // Confinement is judged for every directive, even one whose target was already read.
    const text = from ? access.readReferenced(absolute, file, from.location, from.node.source) : access.readEntry(absolute, file);
    let parsed = trees.get(absolute);
    if (parsed === undefined) trees.set(absolute, (parsed = parseXmlTree(text, file, options.maxNestingDepth)));
    return parsed;
  };

  /**
   * Schemas whose directives are still to be followed, each with the index of its next child.
   * A stack rather than recursion: a chain of includes as long as the file cap allows must not
   * exhaust the call stack. The order is the recursion's: depth-first, in document order.
   */
  const pending: { readonly root: XmlNode; readonly absolute: string; readonly file: string; readonly chameleonNamespace: string | undefined; next: number }[] = [];

  const visit = (absolute: string, chameleonNamespace: string | undefined, from?: { node: XmlNode; location: string }) => {
    const key = `${absolute}\0${chameleonNamespace ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const file = display(absolute);
    const root = tree(absolute, from);
    documents.push({ file, root, chameleonNamespace, builtin: false });
    pending.push({ root, absolute, file, chameleonNamespace, next: 0 });
  };

  const followPending = () => {
    while (pending.length > 0) {
      const top = pending[pending.length - 1]!;
      const child = top.root.children[top.next++];
      if (child === undefined) pending.pop();
      else followDirective(child, top.root, top.absolute, top.file, top.chameleonNamespace);
    }
  };

  const visitBuiltin = (namespace: string) => {
    const builtin = BUILTIN_SCHEMA_FILES[namespace];
    if (!builtin || seen.has(builtin.file)) return;
    seen.add(builtin.file);
    documents.push({
      file: builtin.file,
      root: parseXmlTree(builtin.text, builtin.file),
      chameleonNamespace: undefined,
      builtin: true,
    });
  };

  /** `chameleonNamespace`: the namespace a chameleon document takes, which documents it includes take in turn. */
  const followDirective = (child: XmlNode, root: XmlNode, absolute: string, file: string, chameleonNamespace: string | undefined) => {
    if (child.namespace !== XSD_NAMESPACE) return;
    if (child.name === 'redefine') {
      throw new GeneratorError('xsd.construct.unsupported', '<xs:redefine> is not supported', child.source, 'copy the redefined components into the schema and edit them there');
    }
    if (child.name !== 'import' && child.name !== 'include') return;
    const namespace = attribute(child, 'namespace');
    const location = attribute(child, 'schemaLocation');
    if (child.name === 'import' && namespace !== undefined && BUILTIN_SCHEMA_FILES[namespace]) {
      visitBuiltin(namespace);
      return;
    }
    if (location === undefined) {
      if (child.name === 'include') {
        throw new GeneratorError('xsd.attribute.missing', '<xs:include> needs a schemaLocation', child.source);
      }
      return; // the namespace must come from another entry file; unresolved references say so
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^file:/i.test(location)) {
      throw new GeneratorError(
        'xsd.location.remote',
        `schemaLocation "${location}" is not a local file; schemas are read from local files only, never from the network`,
        child.source,
        'save the schema beside this one and give its relative path',
      );
    }
    const target = path.resolve(path.dirname(absolute), location.replace(/^file:(\/\/)?/i, ''));
    const from = { node: child, location };
    if (child.name === 'include') {
      const targetNamespace = attribute(root, 'targetNamespace') ?? chameleonNamespace;
      const included = attribute(tree(target, from), 'targetNamespace');
      if (included !== undefined && included !== (targetNamespace ?? '')) {
        throw new GeneratorError(
          'xsd.namespace.mismatch',
          `included schema ${display(target)} has targetNamespace "${included}", but ${file} has "${targetNamespace ?? ''}"`,
          child.source,
          'use <xs:import> for a schema of another namespace',
        );
      }
      visit(target, included === undefined ? targetNamespace : undefined, from);
    } else {
      visit(target, undefined, from);
    }
  };

  for (const entry of entryFiles) {
    visit(path.resolve(entry), undefined);
    followPending();
  }
  return documents;
}

function attribute(node: XmlNode, name: string): string | undefined {
  return node.attributes.find((a) => a.namespace === '' && a.name === name)?.value.trim();
}
