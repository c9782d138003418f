/** Complex and simple type definitions, with their content, derivation and facets. */
import { XSD_NAMESPACE, type AttributeUse, type ComplexType, type Content, type DeclaredType, type Facet, type FacetKind, type Particle, type SimpleType, type TypeRef, type Wildcard } from '../ir/ir.js';
import { checkPatternFacet } from './check-pattern.js';
import { annotationsOnly, splitAnnotations } from './read-annotations.js';
import { type Context, xsdChildren, unexpected, checkAttributes, attr, requireAttr, booleanAttr, requireQName, optionalQName, expandQName, fail, derivationSet } from './read-context.js';
import { readAttributeUse } from './read-declarations.js';
import { readParticle, readWildcard } from './read-particles.js';
import type { XmlNode } from './xml-tree.js';
import { FACETS } from './xsd-vocabulary.js';

const COMPLEX_METHODS = ['extension', 'restriction'] as const;
const SIMPLE_METHODS = ['restriction', 'list', 'union'] as const;

/** A top-level `<xs:complexType>` or `<xs:simpleType>`, which the schema must name. */
export function readGlobalType(node: XmlNode, ctx: Context): DeclaredType {
  const name = { namespace: ctx.targetNamespace, name: requireAttr(node, 'name') };
  return { ...(node.name === 'complexType' ? readComplexType(node, ctx, true) : readSimpleType(node, ctx, true)), name };
}

export function readComplexType(node: XmlNode, ctx: Context, global: boolean): ComplexType {
  checkAttributes(node);
  const name = global ? requireAttr(node, 'name') : undefined;
  if (!global && attr(node, 'name') !== undefined) {
    fail('xsd.attribute.invalid', 'an anonymous (inline) <xs:complexType> cannot have a name', node);
  }
  let mixed = booleanAttr(node, 'mixed');
  let derivation: ComplexType['derivation'];
  let content: Content | undefined;
  let attributes: AttributeUse[] = [];
  let anyAttribute: Wildcard | undefined;

  const { documentation, rest: body } = splitAnnotations(node);
  const first = body[0];
  if (first && (first.name === 'simpleContent' || first.name === 'complexContent')) {
    checkAttributes(first);
    if (body.length > 1) unexpected(body[1]!, `xs:complexType with <xs:${first.name}>`);
    if (first.name === 'complexContent' && attr(first, 'mixed') !== undefined) mixed = booleanAttr(first, 'mixed');
    const derivationNode = xsdChildren(first).filter((c) => c.name !== 'annotation');
    const step = derivationNode[0];
    if (!step || derivationNode.length > 1 || (step.name !== 'extension' && step.name !== 'restriction')) {
      fail('xsd.construct.unknown', `<xs:${first.name}> must hold exactly one <xs:extension> or <xs:restriction>`, first);
    }
    checkAttributes(step);
    const base = requireQName(step, 'base');
    const method = step.name as 'extension' | 'restriction';
    const parts = readTypeBody(xsdChildren(step), ctx, `xs:${first.name}/xs:${method}`, first.name === 'simpleContent');
    attributes = parts.attributes;
    anyAttribute = parts.anyAttribute;
    if (first.name === 'simpleContent') {
      const facets = parts.facets;
      if (method === 'extension' && (facets.length > 0 || parts.simpleType)) {
        fail('xsd.derivation.invalid', 'a simpleContent extension cannot have facets', step);
      }
      // A restriction with facets is a new anonymous simple type restricting the base's value.
      const valueType: TypeRef =
        method === 'restriction' && (facets.length > 0 || parts.simpleType)
          ? {
              kind: 'simple',
              name: undefined,
              anonymous: false,
              final: [],
              variety: 'atomic',
              base: parts.simpleType ?? { kind: 'type-ref', ref: base },
              itemType: undefined,
              memberTypes: [],
              facets,
              documentation: undefined,
              source: step.source,
            }
          : { kind: 'type-ref', ref: base };
      content = { kind: 'simple', type: valueType };
      derivation = { method, base };
    } else {
      const anyType = base.namespace === XSD_NAMESPACE && base.name === 'anyType';
      derivation = anyType && method === 'restriction' ? undefined : { method, base };
      content = elementContent(parts.particle, mixed, step.source);
    }
  } else {
    const parts = readTypeBody(body, ctx, 'xs:complexType', false);
    attributes = parts.attributes;
    anyAttribute = parts.anyAttribute;
    content = elementContent(parts.particle, mixed, node.source);
  }
  return {
    kind: 'complex',
    name: name === undefined ? undefined : { namespace: ctx.targetNamespace, name },
    anonymous: false,
    abstract: booleanAttr(node, 'abstract'),
    final: derivationSet(node, 'final', COMPLEX_METHODS, ctx.finalDefault),
    block: derivationSet(node, 'block', COMPLEX_METHODS, ctx.blockDefault),
    derivation,
    content,
    attributes,
    anyAttribute,
    documentation,
    source: node.source,
  };
}

/**
 * Complex content as read: a particle, or none. Mixed with no particle is text only, kept as
 * mixed content with an empty sequence (XSD 1.0 part 1, 3.4.2: its {content type} is mixed with
 * an empty particle), so every stage sees one shape for mixed content.
 */
function elementContent(particle: Particle | undefined, mixed: boolean, source: XmlNode['source']): Content {
  if (particle) return { kind: 'elements', mixed, particle };
  if (!mixed) return { kind: 'empty' };
  return { kind: 'elements', mixed, particle: { kind: 'sequence', min: 1, max: 1, particles: [], documentation: undefined, source } };
}

interface TypeBody {
  particle: Particle | undefined;
  attributes: AttributeUse[];
  anyAttribute: Wildcard | undefined;
  facets: Facet[];
  simpleType: SimpleType | undefined;
}

/** The shared tail of complexType, extension and restriction: a particle, then attributes. */
function readTypeBody(nodes: readonly XmlNode[], ctx: Context, where: string, simple: boolean): TypeBody {
  const body: TypeBody = { particle: undefined, attributes: [], anyAttribute: undefined, facets: [], simpleType: undefined };
  for (const child of nodes) {
    switch (child.name) {
      case 'annotation':
        break;
      case 'sequence':
      case 'choice':
      case 'all':
      case 'group':
        if (simple) unexpected(child, where);
        if (body.particle) fail('xsd.construct.unknown', `${where} can have only one content model particle`, child);
        body.particle = readParticle(child, ctx);
        break;
      case 'attribute':
        body.attributes.push(readAttributeUse(child, ctx));
        break;
      case 'attributeGroup':
        checkAttributes(child);
        body.attributes.push({ kind: 'attribute-group-ref', ref: requireQName(child, 'ref'), source: child.source });
        break;
      case 'anyAttribute':
        body.anyAttribute = readWildcard(child, ctx);
        break;
      case 'simpleType':
        if (!simple) unexpected(child, where);
        body.simpleType = readSimpleType(child, ctx, false);
        break;
      default:
        if (simple && FACETS.has(child.name)) body.facets.push(readFacet(child));
        else unexpected(child, where);
    }
  }
  return body;
}

/**
 * A simple type's {final} (XSD 1.0 part 1, 3.14.2): final, else finalDefault, keeping restriction,
 * list and union; #all stands for {extension, list, restriction, union}. Only #all brings
 * extension: a final on a simple type cannot list it, and finalDefault's is ignored here.
 */
function simpleFinal(node: XmlNode, ctx: Context): SimpleType['final'] {
  const methods: SimpleType['final'][number][] = derivationSet(node, 'final', SIMPLE_METHODS, ctx.finalDefault);
  const written = (attr(node, 'final') ?? ctx.finalDefault).trim();
  return written === '#all' ? [...methods, 'extension'] : methods;
}

export function readSimpleType(node: XmlNode, ctx: Context, global: boolean): SimpleType {
  checkAttributes(node);
  const name = global ? requireAttr(node, 'name') : undefined;
  const { documentation, rest: steps } = splitAnnotations(node);
  const step = steps[0];
  if (!step || steps.length > 1) {
    fail('xsd.construct.unknown', '<xs:simpleType> must hold exactly one <xs:restriction>, <xs:list> or <xs:union>', node);
  }
  checkAttributes(step);
  const common = {
    kind: 'simple' as const,
    name: name === undefined ? undefined : { namespace: ctx.targetNamespace, name },
    anonymous: false,
    final: simpleFinal(node, ctx),
    documentation,
    source: node.source,
  };
  const inline = xsdChildren(step).filter((c) => c.name === 'simpleType').map((c) => readSimpleType(c, ctx, false));
  switch (step.name) {
    case 'restriction': {
      const baseRef = optionalQName(step, 'base', (ref): TypeRef => ({ kind: 'type-ref', ref }));
      const facets: Facet[] = [];
      for (const child of xsdChildren(step)) {
        if (FACETS.has(child.name)) facets.push(readFacet(child));
        else if (child.name !== 'annotation' && child.name !== 'simpleType') unexpected(child, 'xs:restriction');
      }
      const base = baseRef ?? inline[0];
      if (!base) fail('xsd.attribute.missing', '<xs:restriction> needs a base attribute or an inline <xs:simpleType>', step);
      return { ...common, variety: 'atomic', base, itemType: undefined, memberTypes: [], facets };
    }
    case 'list': {
      const itemType = optionalQName(step, 'itemType', (ref): TypeRef => ({ kind: 'type-ref', ref })) ?? inline[0];
      if (!itemType) fail('xsd.attribute.missing', '<xs:list> needs an itemType attribute or an inline <xs:simpleType>', step);
      return { ...common, variety: 'list', base: undefined, itemType, memberTypes: [], facets: [] };
    }
    case 'union': {
      const named = (attr(step, 'memberTypes') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((lexical): TypeRef => ({ kind: 'type-ref', ref: expandQName(step, lexical, 'memberTypes') }));
      const memberTypes = [...named, ...inline];
      if (memberTypes.length === 0) fail('xsd.attribute.missing', '<xs:union> needs memberTypes or inline <xs:simpleType> members', step);
      return { ...common, variety: 'union', base: undefined, itemType: undefined, memberTypes, facets: [] };
    }
    default:
      return unexpected(step, 'xs:simpleType');
  }
}

export function readFacet(node: XmlNode): Facet {
  checkAttributes(node);
  const documentation = annotationsOnly(node);
  // A pattern's value is an xs:string, kept as written: its spaces are characters to match. An
  // enumeration's is a value of the type, normalized by its whiteSpace once that is known
  // (ir/enumeration-values.ts): " a " is a value of xs:string. Other facets' values collapse.
  const asWritten = node.name === 'pattern' || node.name === 'enumeration';
  const value = asWritten ? (attr(node, 'value') ?? requireAttr(node, 'value')) : requireAttr(node, 'value');
  if (node.name === 'pattern') checkPatternFacet(value, node.source);
  return {
    kind: node.name as FacetKind,
    value,
    fixed: booleanAttr(node, 'fixed'),
    documentation,
    source: node.source,
  };
}
