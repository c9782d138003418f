/**
 * Finds and parses every schema document a set of entry files needs, following xs:import and
 * xs:include through local files only.
 *
 * A schemaLocation is resolved against the file that names it. Remote locations are refused,
 * except for the xml: namespace, which is built in (see builtin-schemas.ts) wherever it is
 * imported from. Nothing is ever fetched over the network.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError } from '../errors.js';
import { XSD_NAMESPACE } from '../ir/ir.js';
import { parseXmlTree, type XmlNode } from '../read/xml-tree.js';
import { BUILTIN_SCHEMA_FILES } from './builtin-schemas.js';

export interface SchemaDocument {
  /** The path shown in positions and headers: relative to rootDir, with forward slashes. */
  readonly file: string;
  readonly root: XmlNode;
  /** Set for a chameleon include: the namespace the including schema gives it. */
  readonly chameleonNamespace: string | undefined;
  readonly builtin: boolean;
}

export interface LoadOptions {
  /** Paths in positions and headers are relative to this folder. Default: the working directory. */
  readonly rootDir?: string;
}

export function loadSchemas(entryFiles: readonly string[], options: LoadOptions = {}): SchemaDocument[] {
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  const documents: SchemaDocument[] = [];
  const seen = new Set<string>();

  const display = (absolute: string) => path.relative(rootDir, absolute).split(path.sep).join('/');

  const visit = (absolute: string, chameleonNamespace: string | undefined, from?: XmlNode) => {
    const key = `${absolute}\0${chameleonNamespace ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const file = display(absolute);
    const root = parseXmlTree(readSchemaText(absolute, file, from), file);
    documents.push({ file, root, chameleonNamespace, builtin: false });
    followDirectives(root, absolute, file);
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

  const followDirectives = (root: XmlNode, absolute: string, file: string) => {
    const targetNamespace = attribute(root, 'targetNamespace');
    for (const child of root.children) {
      if (child.namespace !== XSD_NAMESPACE) continue;
      if (child.name === 'redefine') {
        throw new GeneratorError('xsd.construct.unsupported', '<xs:redefine> is not supported', child.source, 'copy the redefined components into the schema and edit them there');
      }
      if (child.name !== 'import' && child.name !== 'include') continue;
      const namespace = attribute(child, 'namespace');
      const location = attribute(child, 'schemaLocation');
      if (child.name === 'import' && namespace !== undefined && BUILTIN_SCHEMA_FILES[namespace]) {
        visitBuiltin(namespace);
        continue;
      }
      if (location === undefined) {
        if (child.name === 'include') {
          throw new GeneratorError('xsd.attribute.missing', '<xs:include> needs a schemaLocation', child.source);
        }
        continue; // the namespace must come from another entry file; unresolved references say so
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
      if (child.name === 'include') {
        const included = peekTargetNamespace(target, child);
        if (included !== undefined && included !== (targetNamespace ?? '')) {
          throw new GeneratorError(
            'xsd.namespace.mismatch',
            `included schema ${display(target)} has targetNamespace "${included}", but ${file} has "${targetNamespace ?? ''}"`,
            child.source,
            'use <xs:import> for a schema of another namespace',
          );
        }
        visit(target, included === undefined ? targetNamespace : undefined, child);
      } else {
        visit(target, undefined, child);
      }
    }
  };

  const peekTargetNamespace = (absolute: string, from: XmlNode): string | undefined => {
    const file = display(absolute);
    return attribute(parseXmlTree(readSchemaText(absolute, file, from), file), 'targetNamespace');
  };

  for (const entry of entryFiles) visit(path.resolve(entry), undefined);
  return documents;
}

function readSchemaText(absolute: string, file: string, from: XmlNode | undefined): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new GeneratorError('xsd.file.unreadable', `cannot read schema file ${file} (${reason})`, from?.source);
  }
}

function attribute(node: XmlNode, name: string): string | undefined {
  return node.attributes.find((a) => a.namespace === '' && a.name === name)?.value.trim();
}
