/** Content models: particles, model groups, named groups and attribute groups, wildcards, occurrences. */
import { type AnyParticle, type AttributeGroupDef, type AttributeUse, type GroupDef, type ModelGroup, type Occurs, type Particle, type Wildcard, type WildcardNamespaces } from '../ir/ir.js';
import { annotationsOnly, readAnnotation, joinDocs } from './read-annotations.js';
import { type Context, xsdChildren, unexpected, checkAttributes, attr, requireAttr, enumAttr, nonNegative, requireQName, optionalQName, fail } from './read-context.js';
import { readElementDecl, readAttributeUse } from './read-declarations.js';
import type { XmlNode } from './xml-tree.js';

export function readParticle(node: XmlNode, ctx: Context): Particle {
  checkAttributes(node);
  const occurs = readOccurs(node);
  switch (node.name) {
    case 'element': {
      const ref = optionalQName(node, 'ref', (q) => q);
      if (ref) {
        for (const attrName of ['name', 'type', 'nillable', 'default', 'fixed', 'form', 'block']) {
          if (attr(node, attrName) !== undefined) {
            fail('xsd.attribute.invalid', `<xs:element ref="${attr(node, 'ref')}"> cannot also have ${attrName}`, node);
          }
        }
        for (const child of xsdChildren(node)) {
          if (child.name !== 'annotation') unexpected(child, 'xs:element ref');
        }
        return { kind: 'element-ref', ref, ...occurs, source: node.source };
      }
      return { kind: 'element', element: readElementDecl(node, ctx, false), ...occurs };
    }
    case 'any':
      return { kind: 'any', wildcard: readWildcard(node, ctx), ...occurs } satisfies AnyParticle;
    case 'group':
      for (const child of xsdChildren(node)) {
        if (child.name !== 'annotation') unexpected(child, 'xs:group ref');
      }
      return { kind: 'group-ref', ref: requireQName(node, 'ref'), ...occurs, source: node.source };
    case 'sequence':
    case 'choice':
    case 'all':
      return readModelGroup(node, ctx, occurs);
    default:
      return unexpected(node, 'a content model');
  }
}

export function readModelGroup(node: XmlNode, ctx: Context, occurs: Occurs): ModelGroup {
  let documentation: string | undefined;
  const particles: Particle[] = [];
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else particles.push(readParticle(child, ctx));
  }
  return { kind: node.name as ModelGroup['kind'], particles, ...occurs, documentation, source: node.source };
}

export function readGroupDef(node: XmlNode, ctx: Context): GroupDef {
  checkAttributes(node);
  let documentation: string | undefined;
  let particle: ModelGroup | undefined;
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') {
      documentation = joinDocs(documentation, readAnnotation(child));
    } else if (['sequence', 'choice', 'all'].includes(child.name) && !particle) {
      if (attr(child, 'minOccurs') !== undefined || attr(child, 'maxOccurs') !== undefined) {
        fail('xsd.attribute.invalid', `the <xs:${child.name}> of a named group cannot have minOccurs or maxOccurs`, child, 'put them on the <xs:group ref> instead');
      }
      particle = readModelGroup(child, ctx, { min: 1, max: 1 });
    } else {
      unexpected(child, 'xs:group');
    }
  }
  if (!particle) fail('xsd.construct.unknown', '<xs:group> must hold one <xs:sequence>, <xs:choice> or <xs:all>', node);
  return {
    name: { namespace: ctx.targetNamespace, name: requireAttr(node, 'name') },
    particle,
    documentation,
    source: node.source,
  };
}

export function readAttributeGroupDef(node: XmlNode, ctx: Context): AttributeGroupDef {
  checkAttributes(node);
  let documentation: string | undefined;
  const attributes: AttributeUse[] = [];
  let anyAttribute: Wildcard | undefined;
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else if (child.name === 'attribute') attributes.push(readAttributeUse(child, ctx));
    else if (child.name === 'attributeGroup') {
      checkAttributes(child);
      attributes.push({ kind: 'attribute-group-ref', ref: requireQName(child, 'ref'), source: child.source });
    } else if (child.name === 'anyAttribute') anyAttribute = readWildcard(child, ctx);
    else unexpected(child, 'xs:attributeGroup');
  }
  return {
    name: { namespace: ctx.targetNamespace, name: requireAttr(node, 'name') },
    attributes,
    anyAttribute,
    documentation,
    source: node.source,
  };
}

export function readWildcard(node: XmlNode, ctx: Context): Wildcard {
  checkAttributes(node);
  const documentation = annotationsOnly(node);
  const spec = (attr(node, 'namespace') ?? '##any').trim();
  let namespaces: WildcardNamespaces;
  if (spec === '##any') namespaces = { kind: 'any' };
  else if (spec === '##other') namespaces = { kind: 'other', namespace: ctx.targetNamespace };
  else {
    const list = spec.split(/\s+/).map((token) => {
      if (token === '##targetNamespace') return ctx.targetNamespace;
      if (token === '##local') return '';
      if (token.startsWith('##')) fail('xsd.attribute.invalid', `"${token}" is not a namespace constraint token`, node, 'use ##any, ##other, ##local, ##targetNamespace or namespace URIs');
      return token;
    });
    namespaces = { kind: 'list', namespaces: [...new Set(list)] };
  }
  return {
    namespaces,
    processContents: enumAttr(node, 'processContents', ['strict', 'lax', 'skip'] as const) ?? 'strict',
    documentation,
    source: node.source,
  };
}

export function readOccurs(node: XmlNode): Occurs {
  const minText = attr(node, 'minOccurs');
  const maxText = attr(node, 'maxOccurs');
  const min = minText === undefined ? 1 : nonNegative(node, 'minOccurs', minText);
  const max = maxText === undefined ? 1 : maxText === 'unbounded' ? 'unbounded' : nonNegative(node, 'maxOccurs', maxText);
  if (max !== 'unbounded' && max < min) {
    fail('xsd.attribute.invalid', `maxOccurs (${max}) is less than minOccurs (${min})`, node);
  }
  return { min, max };
}
