/**
 * Reads one parsed XSD document into IR components: the top-level components here, each kind by
 * its reader (read-declarations.ts, read-types.ts, read-particles.ts, read-annotations.ts), with
 * the checks they share in read-context.ts.
 *
 * QNames are expanded here, with the prefixes in scope where they are written; references stay
 * references (transform/ resolves them). Every construct is either read, refused with an error
 * naming it, or (for annotations and appinfo) deliberately skipped: nothing is dropped silently.
 */
import { GeneratorError } from '../errors.js';
import type { DocumentRef, SchemaDocument } from '../load/load-schemas.js';
import { XSD_NAMESPACE, type AttributeDecl, type AttributeGroupDef, type ElementDecl, type DeclaredType, type GroupDef, type NotationDecl } from '../ir/ir.js';
import { readAnnotation, joinDocs } from './read-annotations.js';
import { type Context, xsdChildren, unexpected, checkAttributes, attr } from './read-context.js';
import { readElementDecl, readAttributeDecl } from './read-declarations.js';
import { readGroupDef, readAttributeGroupDef } from './read-particles.js';
import { readGlobalType } from './read-types.js';
import { enumerationScopes, readNotation } from './read-notations.js';
import { readRedefine, type Redefinition } from './read-redefine.js';
import { chameleonTree } from './chameleon.js';
import { checkSchemaDocument } from './check-schema-document.js';
import { collapse } from './schema-for-schemas-values.js';
import type { XmlNode } from './xml-tree.js';

/** The components one schema document contributes to its target namespace. */
export interface SchemaPart {
  readonly namespace: string;
  readonly file: string;
  /** One of the schemas evfw itself supplies (xml.xsd), read like any other but never emitted. */
  readonly builtin: boolean;
  readonly documentation: string | undefined;
  readonly elements: ElementDecl[];
  readonly attributes: AttributeDecl[];
  readonly types: DeclaredType[];
  readonly groups: GroupDef[];
  readonly attributeGroups: AttributeGroupDef[];
  readonly notations: NotationDecl[];
  /** The prefix the document binds its target namespace to, if any. */
  readonly prefix: string | undefined;
  /** The documents this one includes or redefines (load-schemas.ts): what a redefinition of it reaches. */
  readonly includes: readonly DocumentRef[];
  /** Its <xs:redefine> elements, applied at assembly (ir/apply-redefinitions.ts). */
  readonly redefinitions: Redefinition[];
  /** The prefixes in scope at each <xs:enumeration>, by position (read-notations.ts): for QName and NOTATION values. */
  readonly enumerationScopes: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** What the loader found a document's directives to name; nothing for a document read on its own. */
export interface DocumentLinks {
  readonly includes: readonly DocumentRef[];
  /** The document each <xs:redefine> names, in document order (undefined: it could not be read, and redefines nothing). */
  readonly redefines: readonly (DocumentRef | undefined)[];
}

/** The read stage of the pipeline: one loaded schema document, read into its part of its namespace. */
export function readDocument(document: SchemaDocument): SchemaPart {
  const { chameleonNamespace } = document;
  const root = chameleonNamespace === undefined ? document.root : chameleonTree(document.root, chameleonNamespace);
  const links = { includes: document.includes ?? [], redefines: document.redefines ?? [] };
  return readSchema(root, document.file, chameleonNamespace, document.builtin, links);
}

/**
 * @param targetNamespace overrides the document's own for a chameleon include (a schema
 * without targetNamespace included into one with it).
 */
export function readSchema(root: XmlNode, file: string, targetNamespace?: string, builtin = false, links: DocumentLinks = { includes: [], redefines: [] }): SchemaPart {
  if (root.namespace !== XSD_NAMESPACE || root.name !== 'schema') {
    throw new GeneratorError(
      'xsd.not-a-schema',
      `the root element is <${root.name}> in namespace "${root.namespace}", not <xs:schema>`,
      root.source,
    );
  }
  checkSchemaDocument(root, targetNamespace);
  checkAttributes(root);
  const ctx: Context = {
    // An xs:anyURI, whose whitespace is collapsed: targetNamespace="foo  " is the namespace "foo".
    targetNamespace: targetNamespace ?? collapse(attr(root, 'targetNamespace') ?? ''),
    elementFormQualified: attr(root, 'elementFormDefault') === 'qualified',
    attributeFormQualified: attr(root, 'attributeFormDefault') === 'qualified',
    blockDefault: attr(root, 'blockDefault') ?? '',
    finalDefault: attr(root, 'finalDefault') ?? '',
  };
  const part: SchemaPart = {
    namespace: ctx.targetNamespace,
    file,
    builtin,
    documentation: undefined,
    elements: [],
    attributes: [],
    types: [],
    groups: [],
    attributeGroups: [],
    notations: [],
    includes: links.includes,
    redefinitions: [],
    enumerationScopes: enumerationScopes(root),
    prefix: [...root.namespaces].find(([prefix, uri]) => prefix !== '' && uri === ctx.targetNamespace)?.[0],
  };
  let documentation: string | undefined;
  for (const child of xsdChildren(root)) {
    switch (child.name) {
      case 'annotation':
        documentation = joinDocs(documentation, readAnnotation(child));
        break;
      case 'import':
      case 'include':
        checkAttributes(child);
        break; // followed by the loader
      case 'redefine':
        // followed by the loader like an include; the n-th redefine names the n-th document it recorded
        part.redefinitions.push(readRedefine(child, ctx, links.redefines[part.redefinitions.length]));
        break;
      case 'notation':
        part.notations.push(readNotation(child, ctx));
        break;
      case 'element':
        part.elements.push(readElementDecl(child, ctx, true));
        break;
      case 'attribute':
        part.attributes.push(readAttributeDecl(child, ctx, true));
        break;
      case 'complexType':
      case 'simpleType':
        part.types.push(readGlobalType(child, ctx));
        break;
      case 'group':
        part.groups.push(readGroupDef(child, ctx));
        break;
      case 'attributeGroup':
        part.attributeGroups.push(readAttributeGroupDef(child, ctx));
        break;
      default:
        unexpected(child, 'xs:schema');
    }
  }
  return { ...part, documentation };
}
