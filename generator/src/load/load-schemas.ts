/**
 * Finds and parses every schema document a set of entry files needs, following xs:import,
 * xs:include and xs:redefine through local files only.
 *
 * A schemaLocation is resolved against the file that names it. Remote locations are refused,
 * except for the xml: namespace, which is built in (see builtin-schemas.ts) wherever it is
 * imported from. Nothing is ever fetched over the network, and only files under the schema
 * set's roots are read (schema-access.ts).
 */
import path from 'node:path';
import { GeneratorError } from '../errors.js';
import { XSD_NAMESPACE } from '../ir/ir.js';
import { collapse } from '../read/schema-for-schemas-values.js';
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
  /** The documents this one includes or redefines (they share its namespace), in document order; absent, none. */
  readonly includes?: readonly DocumentRef[];
  /**
   * The document each of its <xs:redefine> elements redefines, in document order; undefined for
   * a redefine of nothing whose document could not be read. Absent, none.
   */
  readonly redefines?: readonly (DocumentRef | undefined)[];
}

/**
 * A loaded document as the later stages tell it apart: its path and the namespace it is read
 * into (a chameleon document included into two namespaces is two documents).
 */
export interface DocumentRef {
  readonly file: string;
  readonly namespace: string;
}

/** The key of a DocumentRef in maps: what assembly uses to find a redefined document's components. */
export function documentKey(ref: DocumentRef): string {
  return `${ref.namespace}\0${ref.file}`;
}

export interface LoadOptions extends SchemaAccessOptions {
  /** Paths in positions and headers are relative to this folder. Default: the working directory. */
  readonly rootDir?: string;
  /** The reader to share with later stages (the rules files); by default one of these options. */
  readonly access?: SchemaAccess;
  /** How deeply a schema document's elements may nest (D-92's maxNestingDepth); the default cap by default. */
  readonly maxNestingDepth?: number;
  /** Told of a directive not followed: a schemaLocation that is remote, or names no file (XSD allows both). */
  readonly onWarning?: (warning: GeneratorError) => void;
}

export function loadSchemas(entryFiles: readonly string[], options: LoadOptions = {}): SchemaDocument[] {
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  const access = options.access ?? new SchemaAccess(entryFiles, options);
  const documents: SchemaDocument[] = [];
  const seen = new Set<string>();

  const warn = options.onWarning ?? (() => {});
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
  const pending: {
    readonly root: XmlNode;
    readonly absolute: string;
    readonly file: string;
    readonly chameleonNamespace: string | undefined;
    /** Where the links this document's directives make are recorded. */
    readonly links: { readonly includes: DocumentRef[]; readonly redefines: (DocumentRef | undefined)[] };
    next: number;
  }[] = [];

  const visit = (absolute: string, chameleonNamespace: string | undefined, from?: { node: XmlNode; location: string }) => {
    const key = `${absolute}\0${chameleonNamespace ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const file = display(absolute);
    const root = tree(absolute, from);
    const links = { includes: [] as DocumentRef[], redefines: [] as (DocumentRef | undefined)[] };
    documents.push({ file, root, chameleonNamespace, builtin: false, ...links });
    pending.push({ root, absolute, file, chameleonNamespace, links, next: 0 });
  };

  const followPending = () => {
    while (pending.length > 0) {
      const top = pending[pending.length - 1]!;
      const child = top.root.children[top.next++];
      if (child === undefined) pending.pop();
      else followDirective(child, top.root, top.absolute, top.file, top.chameleonNamespace, top.links);
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
      includes: [],
      redefines: [],
    });
  };

  /** `chameleonNamespace`: the namespace a chameleon document takes, which documents it includes take in turn. */
  const followDirective = (
    child: XmlNode,
    root: XmlNode,
    absolute: string,
    file: string,
    chameleonNamespace: string | undefined,
    links: { readonly includes: DocumentRef[]; readonly redefines: (DocumentRef | undefined)[] },
  ) => {
    if (child.namespace !== XSD_NAMESPACE) return;
    if (child.name !== 'import' && child.name !== 'include' && child.name !== 'redefine') return;
    const namespace = attribute(child, 'namespace');
    const location = attribute(child, 'schemaLocation');
    if (child.name === 'import' && namespace !== undefined && BUILTIN_SCHEMA_FILES[namespace]) {
      visitBuiltin(namespace);
      return;
    }
    if (location === undefined) {
      if (child.name !== 'import') {
        throw new GeneratorError('xsd.attribute.missing', `<xs:${child.name}> needs a schemaLocation`, child.source);
      }
      return; // the namespace must come from another entry file; unresolved references say so
    }
    // A schemaLocation that does not resolve is not an error in XSD 1.0 (4.2.1-4.2.3): a URL,
    // which evfw never fetches (D-18), and a path with no file there are warnings (D-119); a
    // reference to a component the document would have declared then fails, after the warning.
    // A redefine that redefines something needs its document: that stays an error.
    const mayMiss = child.name !== 'redefine' || redefinesNothing(child);
    if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^file:/i.test(location)) {
      const remote = new GeneratorError(
        'xsd.location.remote',
        `schemaLocation "${location}" is not a local file and is not followed: schemas are read from local files only, never from the network`,
        child.source,
        'save the schema beside this one and give its relative path',
      );
      if (!mayMiss) throw remote;
      warn(remote);
      if (child.name === 'redefine') links.redefines.push(undefined);
      return;
    }
    const target = path.resolve(path.dirname(absolute), location.replace(/^file:(\/\/)?/i, ''));
    const from = { node: child, location };
    if (child.name === 'include' || child.name === 'redefine') {
      // A redefined document is included as an include's would be (XSD 1.0 part 1, 4.2.2): of
      // the same namespace, or of none and then chameleon; assembly applies the redefinitions.
      const targetNamespace = attribute(root, 'targetNamespace') ?? chameleonNamespace;
      const targetRoot = missable(() => tree(target, from), mayMiss);
      if (targetRoot === undefined) {
        if (child.name === 'redefine') links.redefines.push(undefined);
        return;
      }
      const included = attribute(targetRoot, 'targetNamespace');
      if (included !== undefined && included !== (targetNamespace ?? '')) {
        throw new GeneratorError(
          'xsd.namespace.mismatch',
          `${child.name}d schema ${display(target)} has targetNamespace "${included}", but ${file} has "${targetNamespace ?? ''}"`,
          child.source,
          'use <xs:import> for a schema of another namespace',
        );
      }
      visit(target, included === undefined ? targetNamespace : undefined, from);
      const ref: DocumentRef = { file: display(target), namespace: included ?? targetNamespace ?? '' };
      links.includes.push(ref);
      if (child.name === 'redefine') links.redefines.push(ref);
    } else {
      const targetRoot = missable(() => tree(target, from), mayMiss);
      if (targetRoot === undefined) return;
      // src-import clause 3: the document imported for a namespace declares that namespace.
      const imported = attribute(targetRoot, 'targetNamespace');
      if (imported !== namespace) {
        const has = imported === undefined ? 'has no targetNamespace' : `has targetNamespace "${imported}"`;
        throw new GeneratorError(
          'xsd.src-import',
          `imported schema ${display(target)} ${has}, but the <xs:import> ${namespace === undefined ? 'has no namespace' : `names namespace "${namespace}"`}`,
          child.source,
          imported === undefined ? 'remove the namespace attribute, or give the imported schema that targetNamespace' : `write namespace="${imported}" on the <xs:import>, or import the schema of "${namespace ?? ''}"`,
        );
      }
      visit(target, undefined, from);
    }
  };

  /** What `read` returns, or undefined after a warning when the file is missing and may be. */
  const missable = <T>(read: () => T, mayMiss: boolean): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(mayMiss && error instanceof GeneratorError && error.code === 'xsd.file.missing')) throw error;
      warn(new GeneratorError('xsd.file.missing', `${error.detail}: the directive is not followed`, error.source, 'XSD allows a schemaLocation that does not resolve; a reference to what that file would declare fails below'));
      return undefined;
    }
  };

  for (const entry of entryFiles) {
    visit(path.resolve(entry), undefined);
    followPending();
  }
  return documents;
}

/** The attributes read here (namespace, schemaLocation, targetNamespace) are xs:anyURI: whitespace collapsed. */
function attribute(node: XmlNode, name: string): string | undefined {
  const value = node.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
  return value === undefined ? undefined : collapse(value);
}

/** A redefine of nothing (annotations at most) need not resolve (src-redefine clause 1). */
function redefinesNothing(redefine: XmlNode): boolean {
  return redefine.children.every((c) => c.namespace === XSD_NAMESPACE && c.name === 'annotation');
}
