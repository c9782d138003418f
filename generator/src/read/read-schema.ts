/**
 * Reads one parsed XSD document into IR components.
 *
 * QNames are expanded here, with the prefixes in scope where they are written; references stay
 * references (transform/ resolves them). Every construct is either read, refused with an error
 * naming it, or (for annotations and appinfo) deliberately skipped: nothing is dropped silently.
 */
import { GeneratorError, type GeneratorErrorCode } from '../errors.js';
import {
  XSD_NAMESPACE,
  type AnyParticle,
  type AttributeDecl,
  type AttributeGroupDef,
  type AttributeUse,
  type ComplexType,
  type Content,
  type ElementDecl,
  type Facet,
  type FacetKind,
  type GroupDef,
  type IdentityConstraint,
  type ModelGroup,
  type Occurs,
  type Particle,
  type QName,
  type SimpleType,
  type TypeDef,
  type TypeRef,
  type Wildcard,
  type WildcardNamespaces,
} from '../ir/ir.js';
import { checkPatternFacet } from './check-pattern.js';
import type { XmlNode } from './xml-tree.js';
import { ALLOWED_ATTRIBUTES, FACETS, UNSUPPORTED } from './xsd-vocabulary.js';

/** The components one schema document contributes to its target namespace. */
export interface SchemaPart {
  readonly namespace: string;
  readonly file: string;
  readonly documentation: string | undefined;
  readonly elements: ElementDecl[];
  readonly attributes: AttributeDecl[];
  readonly types: TypeDef[];
  readonly groups: GroupDef[];
  readonly attributeGroups: AttributeGroupDef[];
  /** The prefix the document binds its target namespace to, if any. */
  readonly prefix: string | undefined;
}

interface Context {
  readonly targetNamespace: string;
  readonly elementFormQualified: boolean;
  readonly attributeFormQualified: boolean;
}

/**
 * @param targetNamespace overrides the document's own for a chameleon include (a schema
 * without targetNamespace included into one with it).
 */
export function readSchema(root: XmlNode, file: string, targetNamespace?: string): SchemaPart {
  if (root.namespace !== XSD_NAMESPACE || root.name !== 'schema') {
    throw new GeneratorError(
      'xsd.not-a-schema',
      `the root element is <${root.name}> in namespace "${root.namespace}", not <xs:schema>`,
      root.source,
    );
  }
  checkAttributes(root);
  const ctx: Context = {
    targetNamespace: targetNamespace ?? attr(root, 'targetNamespace') ?? '',
    elementFormQualified: attr(root, 'elementFormDefault') === 'qualified',
    attributeFormQualified: attr(root, 'attributeFormDefault') === 'qualified',
  };
  const part: SchemaPart = {
    namespace: ctx.targetNamespace,
    file,
    documentation: undefined,
    elements: [],
    attributes: [],
    types: [],
    groups: [],
    attributeGroups: [],
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
      case 'element':
        part.elements.push(readElementDecl(child, ctx, true));
        break;
      case 'attribute':
        part.attributes.push(readAttributeDecl(child, ctx, true));
        break;
      case 'complexType':
        part.types.push(readComplexType(child, ctx, true));
        break;
      case 'simpleType':
        part.types.push(readSimpleType(child, ctx, true));
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

// ---- Declarations ---------------------------------------------------------------------------

function readElementDecl(node: XmlNode, ctx: Context, global: boolean): ElementDecl {
  checkAttributes(node);
  const name = requireAttr(node, 'name');
  const form = attr(node, 'form');
  const qualified = global || (form ? form === 'qualified' : ctx.elementFormQualified);
  let type: TypeRef | undefined = optionalQName(node, 'type', (ref) => ({ kind: 'type-ref', ref }));
  let documentation: string | undefined;
  const identityConstraints: IdentityConstraint[] = [];
  for (const child of xsdChildren(node)) {
    switch (child.name) {
      case 'annotation':
        documentation = joinDocs(documentation, readAnnotation(child));
        break;
      case 'complexType':
      case 'simpleType':
        if (type) fail('xsd.attribute.invalid', `<xs:element name="${name}"> has both a type attribute and an inline <xs:${child.name}>`, child);
        type = child.name === 'complexType' ? readComplexType(child, ctx, false) : readSimpleType(child, ctx, false);
        break;
      case 'unique':
      case 'key':
      case 'keyref':
        identityConstraints.push(readIdentityConstraint(child, ctx));
        break;
      default:
        unexpected(child, 'xs:element');
    }
  }
  if (global && (attr(node, 'minOccurs') !== undefined || attr(node, 'maxOccurs') !== undefined)) {
    fail('xsd.attribute.invalid', `global <xs:element name="${name}"> cannot have minOccurs or maxOccurs`, node, 'put the occurrence on the reference to it');
  }
  const defaultValue = attr(node, 'default');
  const fixed = attr(node, 'fixed');
  if (defaultValue !== undefined && fixed !== undefined) {
    fail('xsd.attribute.invalid', `<xs:element name="${name}"> has both default and fixed`, node);
  }
  return {
    name: { namespace: qualified ? ctx.targetNamespace : '', name },
    type,
    abstract: booleanAttr(node, 'abstract'),
    nillable: booleanAttr(node, 'nillable'),
    default: defaultValue,
    fixed,
    substitutionGroup: optionalQName(node, 'substitutionGroup', (q) => q),
    identityConstraints,
    documentation,
    source: node.source,
  };
}

function readAttributeDecl(node: XmlNode, ctx: Context, global: boolean): AttributeDecl {
  checkAttributes(node);
  const name = requireAttr(node, 'name');
  const form = attr(node, 'form');
  const qualified = global || (form ? form === 'qualified' : ctx.attributeFormQualified);
  let type: TypeRef | undefined = optionalQName(node, 'type', (ref) => ({ kind: 'type-ref', ref }));
  let documentation: string | undefined;
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else if (child.name === 'simpleType' && !type) type = readSimpleType(child, ctx, false);
    else unexpected(child, 'xs:attribute');
  }
  const defaultValue = attr(node, 'default');
  const fixed = attr(node, 'fixed');
  if (defaultValue !== undefined && fixed !== undefined) {
    fail('xsd.attribute.invalid', `<xs:attribute name="${name}"> has both default and fixed`, node);
  }
  return {
    name: { namespace: qualified ? ctx.targetNamespace : '', name },
    type,
    default: defaultValue,
    fixed,
    documentation,
    source: node.source,
  };
}

function readAttributeUse(node: XmlNode, ctx: Context): AttributeUse {
  const use = enumAttr(node, 'use', ['optional', 'required', 'prohibited'] as const) ?? 'optional';
  const ref = optionalQName(node, 'ref', (q) => q);
  if (ref) {
    checkAttributes(node);
    for (const child of xsdChildren(node)) {
      if (child.name !== 'annotation') unexpected(child, 'xs:attribute ref');
    }
    return {
      kind: 'attribute-ref',
      ref,
      use,
      default: attr(node, 'default'),
      fixed: attr(node, 'fixed'),
      source: node.source,
    };
  }
  if (use === 'required' && attr(node, 'default') !== undefined) {
    fail('xsd.attribute.invalid', `required attribute "${attr(node, 'name')}" cannot have a default`, node);
  }
  return { kind: 'attribute', use, attribute: readAttributeDecl(node, ctx, false), global: false };
}

function readIdentityConstraint(node: XmlNode, ctx: Context): IdentityConstraint {
  checkAttributes(node);
  let selector: string | undefined;
  const fields: string[] = [];
  let documentation: string | undefined;
  for (const child of xsdChildren(node)) {
    checkAttributes(child);
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else if (child.name === 'selector') selector = requireAttr(child, 'xpath');
    else if (child.name === 'field') fields.push(requireAttr(child, 'xpath'));
    else unexpected(child, `xs:${node.name}`);
  }
  if (selector === undefined || fields.length === 0) {
    fail('xsd.attribute.missing', `<xs:${node.name}> needs one <xs:selector> and at least one <xs:field>`, node);
  }
  return {
    kind: node.name as IdentityConstraint['kind'],
    name: { namespace: ctx.targetNamespace, name: requireAttr(node, 'name') },
    refer: node.name === 'keyref' ? requireQName(node, 'refer') : undefined,
    selector,
    fields,
    namespaces: Object.fromEntries([...node.namespaces].sort(([a], [b]) => a.localeCompare(b))),
    documentation,
    source: node.source,
  };
}

// ---- Types ------------------------------------------------------------------------------------

function readComplexType(node: XmlNode, ctx: Context, global: boolean): ComplexType {
  checkAttributes(node);
  const name = global ? requireAttr(node, 'name') : undefined;
  if (!global && attr(node, 'name') !== undefined) {
    fail('xsd.attribute.invalid', 'an anonymous (inline) <xs:complexType> cannot have a name', node);
  }
  let mixed = booleanAttr(node, 'mixed');
  let documentation: string | undefined;
  let derivation: ComplexType['derivation'];
  let content: Content | undefined;
  let attributes: AttributeUse[] = [];
  let anyAttribute: Wildcard | undefined;

  const body: XmlNode[] = [];
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else body.push(child);
  }
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
      content = parts.particle
        ? { kind: 'elements', mixed, particle: parts.particle }
        : { kind: 'empty' };
    }
  } else {
    const parts = readTypeBody(body, ctx, 'xs:complexType', false);
    attributes = parts.attributes;
    anyAttribute = parts.anyAttribute;
    content = parts.particle ? { kind: 'elements', mixed, particle: parts.particle } : { kind: 'empty' };
  }
  if (mixed) {
    fail(
      'xsd.construct.unsupported',
      'mixed content (mixed="true") is not supported: text interleaved with child elements has no typed model yet',
      node,
      'use element-only content, or simpleContent for text with attributes',
    );
  }
  return {
    kind: 'complex',
    name: name === undefined ? undefined : { namespace: ctx.targetNamespace, name },
    anonymous: false,
    abstract: booleanAttr(node, 'abstract'),
    derivation,
    content,
    attributes,
    anyAttribute,
    documentation,
    source: node.source,
  };
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

function readSimpleType(node: XmlNode, ctx: Context, global: boolean): SimpleType {
  checkAttributes(node);
  const name = global ? requireAttr(node, 'name') : undefined;
  let documentation: string | undefined;
  const steps: XmlNode[] = [];
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else steps.push(child);
  }
  const step = steps[0];
  if (!step || steps.length > 1) {
    fail('xsd.construct.unknown', '<xs:simpleType> must hold exactly one <xs:restriction>, <xs:list> or <xs:union>', node);
  }
  checkAttributes(step);
  const common = {
    kind: 'simple' as const,
    name: name === undefined ? undefined : { namespace: ctx.targetNamespace, name },
    anonymous: false,
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

function readFacet(node: XmlNode): Facet {
  checkAttributes(node);
  let documentation: string | undefined;
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else unexpected(child, `xs:${node.name}`);
  }
  const value = requireAttr(node, 'value');
  if (node.name === 'pattern') checkPatternFacet(value, node.source);
  return {
    kind: node.name as FacetKind,
    value,
    fixed: booleanAttr(node, 'fixed'),
    documentation,
    source: node.source,
  };
}

// ---- Particles ----------------------------------------------------------------------------

function readParticle(node: XmlNode, ctx: Context): Particle {
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

function readModelGroup(node: XmlNode, ctx: Context, occurs: Occurs): ModelGroup {
  let documentation: string | undefined;
  const particles: Particle[] = [];
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else particles.push(readParticle(child, ctx));
  }
  return { kind: node.name as ModelGroup['kind'], particles, ...occurs, documentation, source: node.source };
}

function readGroupDef(node: XmlNode, ctx: Context): GroupDef {
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

function readAttributeGroupDef(node: XmlNode, ctx: Context): AttributeGroupDef {
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

function readWildcard(node: XmlNode, ctx: Context): Wildcard {
  checkAttributes(node);
  let documentation: string | undefined;
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else unexpected(child, `xs:${node.name}`);
  }
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

function readOccurs(node: XmlNode): Occurs {
  const minText = attr(node, 'minOccurs');
  const maxText = attr(node, 'maxOccurs');
  const min = minText === undefined ? 1 : nonNegative(node, 'minOccurs', minText);
  const max = maxText === undefined ? 1 : maxText === 'unbounded' ? 'unbounded' : nonNegative(node, 'maxOccurs', maxText);
  if (max !== 'unbounded' && max < min) {
    fail('xsd.attribute.invalid', `maxOccurs (${max}) is less than minOccurs (${min})`, node);
  }
  return { min, max };
}

// ---- Annotations --------------------------------------------------------------------------

function readAnnotation(node: XmlNode): string | undefined {
  checkAttributes(node);
  let text: string | undefined;
  for (const child of xsdChildren(node)) {
    checkAttributes(child);
    if (child.name === 'documentation') text = joinDocs(text, normalizeDoc(deepText(child)));
    else if (child.name !== 'appinfo') unexpected(child, 'xs:annotation');
  }
  return text;
}

function deepText(node: XmlNode): string {
  return node.text + node.children.map(deepText).join('');
}

/** Folds the indentation of XSD documentation while keeping blank-line paragraph breaks. */
export function normalizeDoc(text: string): string | undefined {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return paragraphs.length ? paragraphs.join('\n\n') : undefined;
}

function joinDocs(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? `${a}\n\n${b}` : (a ?? b);
}

// ---- Helpers ----------------------------------------------------------------------------------

/** Children in the XSD namespace; foreign elements are allowed only inside appinfo/documentation. */
function xsdChildren(node: XmlNode): XmlNode[] {
  for (const child of node.children) {
    if (child.namespace !== XSD_NAMESPACE) {
      fail('xsd.construct.unknown', `<${child.name}> in namespace "${child.namespace}" is not allowed inside <xs:${node.name}>`, child, 'foreign content belongs in <xs:appinfo> or <xs:documentation>');
    }
  }
  return node.children as XmlNode[];
}

function unexpected(node: XmlNode, where: string): never {
  const hint = UNSUPPORTED[node.name];
  if (hint) {
    return fail('xsd.construct.unsupported', `<xs:${node.name}> is not supported`, node, hint);
  }
  if (!(node.name in ALLOWED_ATTRIBUTES)) {
    return fail('xsd.construct.unknown', `<xs:${node.name}> is not an XSD 1.0 construct`, node);
  }
  return fail('xsd.construct.unknown', `<xs:${node.name}> is not allowed in ${where}`, node);
}

function checkAttributes(node: XmlNode): void {
  const allowed = ALLOWED_ATTRIBUTES[node.name];
  if (!allowed) unexpected(node, 'this schema');
  for (const a of node.attributes) {
    if (a.namespace !== '') continue; // attributes of other namespaces are allowed everywhere
    if (a.name === 'id') continue;
    if (!allowed.includes(a.name)) {
      fail('xsd.attribute.unknown', `attribute "${a.name}" is not allowed on <xs:${node.name}>`, node, suggest(a.name, allowed));
    }
  }
}

function suggest(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const close = allowed.find((candidate) => {
    const c = candidate.toLowerCase();
    return c === lower || c.startsWith(lower.slice(0, 4)) || lower.startsWith(c.slice(0, 4));
  });
  return close ? `did you mean "${close}"?` : allowed.length ? `allowed: ${allowed.join(', ')}` : undefined;
}

function attr(node: XmlNode, name: string): string | undefined {
  return node.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
}

function requireAttr(node: XmlNode, name: string): string {
  const value = attr(node, name);
  if (value === undefined) fail('xsd.attribute.missing', `<xs:${node.name}> needs a "${name}" attribute`, node);
  return value.trim();
}

function booleanAttr(node: XmlNode, name: string): boolean {
  const value = attr(node, name)?.trim();
  if (value === undefined) return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fail('xsd.attribute.invalid', `${name}="${value}" is not a boolean`, node, 'use true or false');
}

function enumAttr<T extends string>(node: XmlNode, name: string, values: readonly T[]): T | undefined {
  const value = attr(node, name)?.trim();
  if (value === undefined) return undefined;
  if ((values as readonly string[]).includes(value)) return value as T;
  return fail('xsd.attribute.invalid', `${name}="${value}" is not one of ${values.join(', ')}`, node);
}

function nonNegative(node: XmlNode, name: string, text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) fail('xsd.attribute.invalid', `${name}="${text}" is not a non-negative integer`, node);
  return Number(text);
}

function requireQName(node: XmlNode, name: string): QName {
  return expandQName(node, requireAttr(node, name), name);
}

function optionalQName<T>(node: XmlNode, name: string, wrap: (q: QName) => T): T | undefined {
  const value = attr(node, name);
  return value === undefined ? undefined : wrap(expandQName(node, value.trim(), name));
}

/** Expands a lexical QName with the prefixes in scope; unprefixed names take the default namespace. */
function expandQName(node: XmlNode, lexical: string, attrName: string): QName {
  const colon = lexical.indexOf(':');
  const prefix = colon < 0 ? '' : lexical.slice(0, colon);
  const local = colon < 0 ? lexical : lexical.slice(colon + 1);
  if (prefix === 'xml') return { namespace: 'http://www.w3.org/XML/1998/namespace', name: local };
  const namespace = node.namespaces.get(prefix);
  if (namespace === undefined) {
    if (prefix === '') return { namespace: '', name: local };
    fail('xsd.qname.prefix', `prefix "${prefix}" in ${attrName}="${lexical}" is not declared`, node, `declare xmlns:${prefix}="..." on the schema`);
  }
  return { namespace, name: local };
}

function fail(code: GeneratorErrorCode, message: string, node: XmlNode, hint?: string): never {
  throw new GeneratorError(code, message, node.source, hint);
}
