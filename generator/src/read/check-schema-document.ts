/**
 * A schema document checked against the schema for schemas (XSD 1.0 part 1, appendix A) before
 * it is read: every element in the XSD namespace has its children in the order and number its
 * kind allows, its attributes allowed, present when required and valid for their types, and
 * meets the prose constraints tied to one element (src-element, src-attribute, src-import,
 * p-props-correct, the identity constraints' XPath, src-resolve's rule that a QName names the
 * document's own namespace, the XSD namespace or one the document imports).
 *
 * One pass over the tree with an explicit stack: a document is untrusted, and its nesting only
 * bounded by the parser's depth cap. The content models are matched in one linear scan of each
 * element's children: the schema for schemas is deterministic, so the first run or alternative
 * a child fits is the only one it can fit.
 */
import { GeneratorError, type GeneratorErrorCode } from '../errors.js';
import { XSD_NAMESPACE } from '../ir/ir.js';
import { unexpected } from './read-context.js';
import { type AttributeRule, type ElementRule, type Term, describeContent, kindOf, SCHEMA_FOR_SCHEMAS, XSD_ELEMENT_NAMES } from './schema-for-schemas.js';
import { checkXPath, collapse, integerDigits, notGreater, splitQName, valueProblem } from './schema-for-schemas-values.js';
import type { XmlNode } from './xml-tree.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** What the checks of one element need from the document around it. */
interface DocumentFacts {
  /** The document's own targetNamespace ('' when absent). */
  readonly targetNamespace: string;
  /** The namespace a chameleon include takes from the schema including it, if this is one. */
  readonly chameleonNamespace: string | undefined;
  /** The namespaces its <xs:import>s name ('' for an import without namespace). */
  readonly imported: ReadonlySet<string>;
  /** The values of id attributes seen so far: xs:ID, unique in the document. */
  readonly ids: Set<string>;
}

/**
 * @param chameleonNamespace for a document without targetNamespace included into a schema with
 * one: that namespace, which its QNames may name too (its components are as if declared in it).
 */
export function checkSchemaDocument(root: XmlNode, chameleonNamespace?: string): void {
  const facts: DocumentFacts = {
    targetNamespace: collapse(attr(root, 'targetNamespace') ?? ''),
    chameleonNamespace,
    imported: new Set(root.children.filter((c) => c.namespace === XSD_NAMESPACE && c.name === 'import').map((c) => collapse(attr(c, 'namespace') ?? ''))),
    ids: new Set(),
  };
  const stack: { node: XmlNode; kind: string }[] = [{ node: root, kind: 'schema' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, kind } = item;
    const rule = SCHEMA_FOR_SCHEMAS[kind];
    if (!rule) return fail('xsd.s4s-elt-invalid-content', `<xs:${node.name}> is not allowed here`, node);
    checkAttributes(node, kind, rule, facts);
    // appinfo and documentation hold anything, text and other vocabularies included.
    if (rule.content === 'any') continue;
    if (/[^ \t\r\n]/.test(node.text)) {
      fail('xsd.s4s-elt-invalid-content', `<xs:${node.name}> holds text; only <xs:appinfo> and <xs:documentation> may`, node, 'move the text into <xs:annotation><xs:documentation>');
    }
    checkContent(node, rule.content);
    checkElementRules(node, kind, facts);
    // Pushed last to first, so that the children are checked in document order.
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child) stack.push({ node: child, kind: kindOf(child.name, kind) });
    }
  }
}

/** The children of `node` against its content model, in one scan. */
function checkContent(node: XmlNode, content: readonly Term[]): void {
  for (const child of node.children) {
    if (child.namespace !== XSD_NAMESPACE) {
      fail('xsd.s4s-elt-invalid-content', `<${child.name}> in namespace "${child.namespace}" is not allowed inside <xs:${node.name}>`, child, 'foreign content belongs in <xs:appinfo> or <xs:documentation>');
    }
    // Not an XSD 1.0 element at all (a typo, an XSD 1.1 construct): said so, with what to do.
    if (!XSD_ELEMENT_NAMES.has(child.name)) unexpected(child, `xs:${node.name}`);
  }
  const names = node.children.map((c) => c.name);
  const end = matchTerms(content, names, 0);
  if (!end.missing && end.at === names.length) return;
  const model = describeContent(content);
  if (end.missing) {
    const at = node.children[end.at] ?? node;
    fail('xsd.s4s-elt-must-match', `the children of <xs:${node.name}> must match ${model}; ${end.missing} is missing${at === node ? ' at the end' : ` before <xs:${at.name}>`}`, at);
  }
  const extra = node.children[end.at];
  if (extra) {
    fail('xsd.s4s-elt-invalid-content', `<xs:${extra.name}> is not allowed here: the children of <xs:${node.name}> must match ${model}`, extra, 'check the order of the children and that each appears no more often than allowed');
  }
}

/** Where the matched children end, or where a required one is missing and what it is. */
interface MatchEnd {
  readonly at: number;
  readonly missing?: string;
}

/** Matches `terms` from `names[at]`, taking as many as each run allows (no backtracking needed). */
function matchTerms(terms: readonly Term[], names: readonly string[], at: number): MatchEnd {
  let pos = at;
  for (const term of terms) {
    if ('alternatives' in term) {
      const next = names[pos];
      const alternative =
        term.alternatives.find((alt) => next !== undefined && firstNames(alt).has(next)) ?? term.alternatives.find((alt) => alt.every(nullable));
      if (!alternative) return { at: pos, missing: describeContent([term]) };
      const end = matchTerms(alternative, names, pos);
      if (end.missing) return end;
      pos = end.at;
      continue;
    }
    let count = 0;
    while (count < term.max && pos < names.length && term.names.includes(names[pos] ?? '')) {
      pos++;
      count++;
    }
    if (count < term.min) return { at: pos, missing: term.names.map((n) => `<xs:${n}>`).join(' or ') };
  }
  return { at: pos };
}

function nullable(term: Term): boolean {
  return 'alternatives' in term ? term.alternatives.some((alt) => alt.every(nullable)) : term.min === 0;
}

/** The names a sequence of terms can start with. */
function firstNames(terms: readonly Term[]): Set<string> {
  const names = new Set<string>();
  for (const term of terms) {
    if ('alternatives' in term) term.alternatives.forEach((alt) => firstNames(alt).forEach((n) => names.add(n)));
    else term.names.forEach((n) => names.add(n));
    if (!nullable(term)) break;
  }
  return names;
}

/** Each attribute allowed and valid for its type, each required one present. */
function checkAttributes(node: XmlNode, kind: string, rule: ElementRule, facts: DocumentFacts): void {
  for (const a of node.attributes) {
    if (a.namespace === XML_NAMESPACE && a.name === 'lang') {
      // Foreign attributes are validated laxly: xml:lang is declared, as an xs:language.
      if (valueProblem('language', a.value)) {
        fail('xsd.s4s-att-invalid-value', `xml:lang="${a.value}" on <xs:${node.name}> is not a language tag`, node, 'use a tag such as "en" or "en-GB"');
      }
      continue;
    }
    // Attributes of other namespaces are allowed everywhere; unqualified ones and the XSD
    // namespace's own only as the schema for schemas lists them.
    if (a.namespace !== '' && a.namespace !== XSD_NAMESPACE) continue;
    const allowed = a.namespace === '' ? rule.attributes[a.name] : undefined;
    if (!allowed) {
      // Allowed on the same element elsewhere (name on a global type, use on a local attribute):
      // the place is what is wrong, and the message says which place this is.
      const elsewhere = a.namespace === '' && Object.entries(SCHEMA_FOR_SCHEMAS).some(([other, r]) => other.split('.')[0] === node.name && a.name in r.attributes);
      const hint = kind.endsWith('.def') && (a.name === 'minOccurs' || a.name === 'maxOccurs') ? 'the model group of a named group occurs once; set minOccurs and maxOccurs on each <xs:group ref> instead' : elsewhere ? undefined : suggest(a.name, Object.keys(rule.attributes));
      const shown = a.namespace === '' ? a.name : `xs:${a.name}`;
      fail('xsd.s4s-att-not-allowed', `attribute "${shown}" is not allowed on <xs:${node.name}>${elsewhere ? placeOf(kind) : ''}`, node, hint);
    }
    checkValue(node, a.name, a.value, allowed, facts);
  }
  for (const [name, spec] of Object.entries(rule.attributes)) {
    if (spec.required && attr(node, name) === undefined) {
      fail('xsd.s4s-att-must-appear', `<xs:${node.name}>${placeOf(kind)} needs a "${name}" attribute`, node);
    }
  }
}

/** Where an element of this kind stands, for the messages of elements whose rules differ by place. */
function placeOf(kind: string): string {
  if (kind.endsWith('.top') || kind === 'group.def' || kind === 'attributeGroup.def') return ' at the top level of a schema';
  if (kind.endsWith('.def')) return ' directly in a named <xs:group>';
  if (kind.endsWith('.local') || kind.endsWith('.ref')) return ' inside another component';
  if (kind === 'element.all') return ' in <xs:all>';
  if (kind.includes('.')) return ` in <xs:${kind.split('.')[1] ?? ''}>`;
  return '';
}

function checkValue(node: XmlNode, name: string, value: string, spec: AttributeRule, facts: DocumentFacts): void {
  const problem = valueProblem(spec.type, value);
  if (problem) fail('xsd.s4s-att-invalid-value', `${name}="${value}" on <xs:${node.name}> is ${problem}`, node);
  switch (spec.type) {
    case 'ID': {
      const id = collapse(value);
      if (facts.ids.has(id)) fail('xsd.cvc-id', `id="${id}" on <xs:${node.name}> is already the id of another element of this document`, node, 'give each id a different value');
      facts.ids.add(id);
      break;
    }
    case 'QName':
      checkReference(node, name, collapse(value), facts);
      break;
    case 'QNames':
      for (const token of collapse(value).split(' ')) if (token !== '') checkReference(node, name, token, facts);
      break;
    case 'selectorXPath':
    case 'fieldXPath': {
      const field = spec.type === 'fieldXPath';
      const xpathProblem = checkXPath(value, field, (prefix) => prefix === 'xml' || node.namespaces.has(prefix));
      if (xpathProblem) {
        fail(field ? 'xsd.c-fields-xpaths' : 'xsd.c-selector-xpath', `xpath="${value}" of <xs:${node.name}> ${xpathProblem}`, node, field ? 'a field is a path of child element names, optionally ending in @attribute, such as "a/b/@c"' : 'a selector is a path of child element names, such as ".//a/b" or "a | b"');
      }
      break;
    }
    default:
      break;
  }
}

/**
 * src-resolve, clause 4: a QName in a schema document names a component of the document's own
 * target namespace, of the XSD namespace, or of a namespace the document imports (no namespace
 * only with an <xs:import> without one, or in a document without targetNamespace).
 */
function checkReference(node: XmlNode, name: string, lexical: string, facts: DocumentFacts): void {
  const parts = splitQName(lexical);
  if (!parts) return; // refused as not a QName already
  const namespace = parts.prefix === 'xml' ? XML_NAMESPACE : node.namespaces.get(parts.prefix) ?? (parts.prefix === '' ? '' : undefined);
  if (namespace === undefined) {
    fail('xsd.qname.prefix', `prefix "${parts.prefix}" in ${name}="${lexical}" is not declared`, node, `declare xmlns:${parts.prefix}="..." on the schema`);
  }
  if (namespace === facts.targetNamespace || namespace === facts.chameleonNamespace || namespace === XSD_NAMESPACE || facts.imported.has(namespace)) return;
  const which = namespace === '' ? 'no namespace' : `namespace "${namespace}"`;
  fail('xsd.src-resolve', `${name}="${lexical}" on <xs:${node.name}> names a component in ${which}, which this document does not import`, node, namespace === '' ? 'add <xs:import/> (without namespace) to the schema, or qualify the name' : `add <xs:import namespace="${namespace}"/> to the schema`);
}

/** The prose constraints on one element: src-element, src-attribute, src-import, src-simple-type, the union's members, p-props-correct. */
function checkElementRules(node: XmlNode, kind: string, facts: DocumentFacts): void {
  const has = (name: string) => attr(node, name) !== undefined;
  const hasChild = (...names: string[]) => node.children.some((c) => names.includes(c.name));
  switch (kind) {
    case 'element.top':
    case 'element.local':
    case 'element.all': {
      const local = kind !== 'element.top';
      const label = `<xs:element${attr(node, 'name') ? ` name="${attr(node, 'name')}"` : attr(node, 'ref') ? ` ref="${attr(node, 'ref')}"` : ''}>`;
      if (has('default') && has('fixed')) fail('xsd.src-element', `${label} has both default and fixed`, node, 'keep one of them');
      if (local && has('ref') === has('name')) fail('xsd.src-element', `${label} needs either a ref or a name, not ${has('ref') ? 'both' : 'neither'}`, node);
      if (local && has('ref')) {
        const attribute = ['type', 'nillable', 'default', 'fixed', 'form', 'block'].find(has);
        const child = node.children.find((c) => c.name !== 'annotation');
        const what = attribute ? `a ${attribute} attribute` : child ? `<xs:${child.name}>` : undefined;
        if (what) fail('xsd.src-element', `${label} refers to a global element and so cannot have ${what}`, node, 'set it on the global declaration, or declare the element here by name');
      }
      if (has('type') && hasChild('simpleType', 'complexType')) fail('xsd.src-element', `${label} has both a type attribute and an anonymous type`, node, 'keep one of them');
      if (local) checkOccurs(node);
      break;
    }
    case 'attribute.top':
    case 'attribute.local': {
      const label = `<xs:attribute${attr(node, 'name') ? ` name="${attr(node, 'name')}"` : attr(node, 'ref') ? ` ref="${attr(node, 'ref')}"` : ''}>`;
      if (has('default') && has('fixed')) fail('xsd.src-attribute', `${label} has both default and fixed`, node, 'keep one of them');
      const use = collapse(attr(node, 'use') ?? 'optional');
      if (has('default') && use !== 'optional') fail('xsd.src-attribute', `${label} has a default, so its use must be optional, not ${use}`, node, 'remove the default or the use');
      if (kind === 'attribute.local') {
        if (has('ref') === has('name')) fail('xsd.src-attribute', `${label} needs either a ref or a name, not ${has('ref') ? 'both' : 'neither'}`, node);
        if (has('ref') && (has('type') || has('form') || hasChild('simpleType'))) {
          fail('xsd.src-attribute', `${label} refers to a global attribute and so cannot have ${has('type') ? 'a type' : has('form') ? 'a form' : 'an anonymous type'}`, node, 'set it on the global declaration, or declare the attribute here by name');
        }
      }
      if (has('type') && hasChild('simpleType')) fail('xsd.src-attribute', `${label} has both a type attribute and an anonymous type`, node, 'keep one of them');
      break;
    }
    case 'schema':
      // The empty string is no namespace name: a schema for no namespace leaves the attribute out.
      if (has('targetNamespace') && facts.targetNamespace === '') {
        fail('xsd.s4s-att-invalid-value', 'targetNamespace="" names no namespace', node, 'remove the targetNamespace attribute for a schema of no namespace');
      }
      break;
    case 'import': {
      const namespace = attr(node, 'namespace');
      if (namespace === undefined && facts.targetNamespace === '') {
        fail('xsd.src-import', '<xs:import> without namespace in a schema without targetNamespace imports its own namespace', node, 'give the import the namespace of the schema it imports');
      }
      if (namespace !== undefined && collapse(namespace) === facts.targetNamespace) {
        fail('xsd.src-import', `<xs:import> names the schema's own target namespace "${facts.targetNamespace}"`, node, 'use <xs:include> for a schema of the same namespace');
      }
      break;
    }
    case 'restriction.simpleType':
    case 'list': {
      // src-simple-type, clauses 2 and 3: the base or item type named, or given inline, not both.
      const named = kind === 'list' ? 'itemType' : 'base';
      if (has(named) === hasChild('simpleType')) {
        fail('xsd.src-simple-type', `<xs:${node.name}> needs either ${named === 'itemType' ? 'an' : 'a'} ${named} attribute or an inline <xs:simpleType>, not ${has(named) ? 'both' : 'neither'}`, node, has(named) ? `remove the ${named} attribute or the inline type` : `name the ${kind === 'list' ? 'item' : 'base'} type with ${named}="..."`);
      }
      break;
    }
    case 'union':
      if (collapse(attr(node, 'memberTypes') ?? '') === '' && !hasChild('simpleType')) {
        fail('xsd.src-union-memberTypes-or-simpleTypes', '<xs:union> has no member types: neither memberTypes nor an inline <xs:simpleType>', node, 'list the member types in memberTypes="..."');
      }
      break;
    case 'group.ref':
    case 'sequence':
    case 'choice':
    case 'all':
    case 'any':
      checkOccurs(node);
      break;
    default:
      break;
  }
}

/** p-props-correct: minOccurs is not greater than maxOccurs (both 1 when absent). */
function checkOccurs(node: XmlNode): void {
  const max = attr(node, 'maxOccurs');
  if (max !== undefined && collapse(max) === 'unbounded') return;
  const min = integerDigits(attr(node, 'minOccurs') ?? '1');
  if (!notGreater(min, integerDigits(max ?? '1'))) {
    fail('xsd.p-props-correct', `<xs:${node.name}> has minOccurs ${min} greater than maxOccurs ${integerDigits(max ?? '1')}`, node, 'raise maxOccurs or lower minOccurs');
  }
}

function attr(node: XmlNode, name: string): string | undefined {
  return node.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
}

function suggest(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const close = allowed.find((candidate) => {
    const c = candidate.toLowerCase();
    return c === lower || c.startsWith(lower.slice(0, 4)) || lower.startsWith(c.slice(0, 4));
  });
  return close ? `did you mean "${close}"?` : allowed.length ? `allowed here: ${allowed.join(', ')}` : undefined;
}

function fail(code: GeneratorErrorCode, message: string, node: XmlNode, hint?: string): never {
  throw new GeneratorError(code, message, node.source, hint);
}
