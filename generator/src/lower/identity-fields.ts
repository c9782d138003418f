/**
 * What the streaming validator needs to check an xs:unique or xs:key as children arrive
 * (runtime fast-identity.ts, IdentityDescriptor.attributeFields): when the selector names child
 * elements (`a`, `./p:a | b`) and each field is one named attribute (`@id`, `@p:id`), the type
 * and default of that attribute, the same on every child the selector can name. Anything the
 * schema leaves open (a wildcard, a substitution group, an undeclared attribute, two types, a
 * QName value whose prefixes the fast path does not resolve) gives undefined: the full path
 * checks the constraint then.
 */
import type { SimpleTypeDescriptor } from '@evfw/runtime';
import type { ElementDecl, IdentityConstraint, QName, WildcardNamespaces } from '../ir/ir.js';
import { wildcardAllows } from '../ir/wildcards.js';

export interface AttributeField {
  readonly type: SimpleTypeDescriptor;
  readonly default?: string;
}

export interface IdentityFieldLookup {
  /**
   * Every element declaration the content of `decl`'s type can hold, and the namespaces its
   * element wildcards admit; undefined when other elements can come (a substitution group).
   */
  children(decl: ElementDecl): { readonly elements: readonly ElementDecl[]; readonly wildcards: readonly WildcardNamespaces[] } | undefined;
  /** The attribute `name` that `decl`'s type declares, lowered; undefined when it declares none. */
  attribute(decl: ElementDecl, name: QName): AttributeField | undefined;
}

const NCNAME = '[A-Za-z_][\\w.\\-]*';
const QNAME = new RegExp(`^(?:(${NCNAME}):)?(${NCNAME})$`);

export function attributeFields(c: IdentityConstraint, decl: ElementDecl, lookup: IdentityFieldLookup): AttributeField[] | undefined {
  if (c.kind === 'keyref') return undefined;
  const selected: QName[] = [];
  for (const branch of c.selector.split('|')) {
    const name = qname(branch.trim().replace(/^\.\//, '').replace(/^child::/, ''), c);
    if (!name) return undefined;
    selected.push(name);
  }
  const fieldNames: QName[] = [];
  for (const field of c.fields) {
    const text = field.trim().replace(/^\.\//, '');
    const attribute = text.startsWith('@') ? text.slice(1) : text.startsWith('attribute::') ? text.slice('attribute::'.length) : undefined;
    const name = attribute === undefined ? undefined : qname(attribute, c);
    if (!name) return undefined;
    fieldNames.push(name);
  }
  const children = lookup.children(decl);
  // A child a wildcard admits has a type the schema does not tell here.
  if (!children || children.wildcards.some((w) => selected.some((n) => wildcardAllows(w, n.namespace)))) return undefined;
  const matching = children.elements.filter((child) => selected.some((n) => n.namespace === child.name.namespace && n.name === child.name.name));
  if (matching.length === 0) return undefined;
  const out: AttributeField[] = [];
  for (const name of fieldNames) {
    let found: AttributeField | undefined;
    for (const child of matching) {
      const field = lookup.attribute(child, name);
      if (!field || namesQNames(field.type)) return undefined;
      if (found && (JSON.stringify(found.type) !== JSON.stringify(field.type) || found.default !== field.default)) return undefined;
      found = field;
    }
    if (!found) return undefined;
    out.push(found);
  }
  return out;
}

/** A name test of the XPath subset: unprefixed names are in no namespace (3.11.6). */
function qname(text: string, c: IdentityConstraint): QName | undefined {
  const match = QNAME.exec(text);
  if (!match) return undefined;
  const [, prefix, local = ''] = match;
  if (prefix === undefined) return { namespace: '', name: local };
  const namespace = c.namespaces[prefix];
  return namespace === undefined ? undefined : { namespace, name: local };
}

/** Whether a value of the type can be a QName or NOTATION (its value depends on prefixes in scope). */
function namesQNames(type: SimpleTypeDescriptor): boolean {
  const stack: SimpleTypeDescriptor[] = [type];
  for (let t = stack.pop(); t !== undefined; t = stack.pop()) {
    if (t.kind === 'builtin' && (t.name === 'QName' || t.name === 'NOTATION')) return true;
    if (t.kind === 'atomic') stack.push(t.base);
    else if (t.kind === 'list') stack.push(t.item);
    else if (t.kind === 'union') stack.push(...t.members);
  }
  return false;
}
