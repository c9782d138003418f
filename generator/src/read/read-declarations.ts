/** Element and attribute declarations, attribute uses and identity constraints (xs:unique, xs:key, xs:keyref). */
import { type AttributeDecl, type AttributeUse, type ElementDecl, type IdentityConstraint, type TypeRef } from '../ir/ir.js';
import { readAnnotation, joinDocs } from './read-annotations.js';
import { type Context, xsdChildren, unexpected, checkAttributes, attr, requireAttr, booleanAttr, enumAttr, requireQName, optionalQName, fail, derivationSet } from './read-context.js';
import { readComplexType, readSimpleType } from './read-types.js';
import type { XmlNode } from './xml-tree.js';

export function readElementDecl(node: XmlNode, ctx: Context, global: boolean): ElementDecl {
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
  const { defaultValue, fixed } = valueConstraint(node, name);
  return {
    name: { namespace: qualified ? ctx.targetNamespace : '', name },
    type,
    abstract: booleanAttr(node, 'abstract'),
    nillable: booleanAttr(node, 'nillable'),
    block: derivationSet(node, 'block', ['extension', 'restriction', 'substitution'] as const, ctx.blockDefault),
    final: derivationSet(node, 'final', ['extension', 'restriction'] as const, ctx.finalDefault),
    default: defaultValue,
    fixed,
    substitutionGroup: optionalQName(node, 'substitutionGroup', (q) => q),
    identityConstraints,
    documentation,
    source: node.source,
  };
}

export function readAttributeDecl(node: XmlNode, ctx: Context, global: boolean): AttributeDecl {
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
  const { defaultValue, fixed } = valueConstraint(node, name);
  return {
    name: { namespace: qualified ? ctx.targetNamespace : '', name },
    type,
    default: defaultValue,
    fixed,
    documentation,
    source: node.source,
  };
}

export function readAttributeUse(node: XmlNode, ctx: Context): AttributeUse {
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

export function readIdentityConstraint(node: XmlNode, ctx: Context): IdentityConstraint {
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

/** An element's or attribute's default or fixed value: one of them at most. */
function valueConstraint(node: XmlNode, name: string): { defaultValue: string | undefined; fixed: string | undefined } {
  const defaultValue = attr(node, 'default');
  const fixed = attr(node, 'fixed');
  if (defaultValue !== undefined && fixed !== undefined) {
    fail('xsd.attribute.invalid', `<xs:${node.name} name="${name}"> has both default and fixed`, node);
  }
  return { defaultValue, fixed };
}
