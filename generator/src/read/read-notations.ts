/** `<xs:notation>` (XSD 1.0 part 1, 3.12): a global declaration naming a format by public and/or system identifier. */
import { XSD_NAMESPACE, type NotationDecl, type Source } from '../ir/ir.js';
import { annotationsOnly } from './read-annotations.js';
import { type Context, attr, checkAttributes, fail, requireAttr } from './read-context.js';
import type { XmlNode } from './xml-tree.js';

export function readNotation(node: XmlNode, ctx: Context): NotationDecl {
  checkAttributes(node);
  const name = requireAttr(node, 'name');
  const publicId = attr(node, 'public');
  const systemId = attr(node, 'system');
  // The schema for schemas requires public; the errata (and every processor) accept system alone.
  if (publicId === undefined && systemId === undefined) {
    fail('xsd.attribute.missing', `<xs:notation name="${name}"> needs a public or a system attribute`, node, 'give the format\'s public identifier (a MIME type, for example) or a system identifier');
  }
  return {
    name: { namespace: ctx.targetNamespace, name },
    public: publicId,
    system: systemId,
    documentation: annotationsOnly(node),
    source: node.source,
  };
}

/**
 * The prefixes in scope at each `<xs:enumeration>` of a document, by its position
 * (`file:line:column`, as its Facet's source): the values of a type derived from QName or
 * NOTATION are QNames, resolved with them at assembly (ir/qname-enumerations.ts), when it is
 * known which types those are. An explicit stack: documents nest as deep as the parser allows.
 */
export function enumerationScopes(root: XmlNode): Map<string, ReadonlyMap<string, string>> {
  const scopes = new Map<string, ReadonlyMap<string, string>>();
  const stack: XmlNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.name === 'enumeration' && node.namespace === XSD_NAMESPACE) scopes.set(sourceKey(node.source), node.namespaces);
    else stack.push(...node.children);
  }
  return scopes;
}

export function sourceKey(source: Source): string {
  return `${source.file}:${source.line}:${source.column}`;
}
