/**
 * From the IR to the docs model: per namespace, every element (global ones first, each followed
 * by the local elements of its content, depth first, as a data-semantics table reads), every
 * global attribute and named type, the namespace's prose rules and its example document.
 */
import { DIAGNOSTIC_CODES } from '@evfw/runtime/diagnostics';
import { SchemaRegistry } from '@evfw/runtime';
import type { SchemaDescriptor } from '@evfw/runtime/schema';
import { qnameKey, type AttributeDecl, type ComplexType, type ElementDecl, type LocalAttributeUse, type Schema, type NamedSchemaSet, type DeclaredType, type TypeDef } from '../../ir/ir.js';
import { schemaDescriptors } from '../../lower/schema-descriptors.js';
import { childUses, contentInWords, extensionPoints, cardinality, processInWords, wildcardNamespacesInWords, type ChildUse, type NameOf } from './content-words.js';
import { Anchors, DocsContext, globalElementAnchor, localElementAnchor, typeAnchor } from './docs-context.js';
import { code, joinPhrases, link, normalizeSpace, text, type DocsElement, type DocsModule, type DocsRow, type DocsSet, type DocsType, type Phrase } from './docs-model.js';
import { docsRule, elementDiagnostics, elementRules } from './element-diagnostics.js';
import { exampleDocuments } from './example-documents.js';
import { sectionNumbers } from './section-numbers.js';
import { allowedValues, simpleFacts, typeLabel } from './type-words.js';

/** `descriptors`: the lower stage's, of every namespace of `ir`; worked out here when not given. */
export function buildDocs(ir: NamedSchemaSet, modules: ReadonlyMap<string, string>, descriptors: readonly SchemaDescriptor[] = schemaDescriptors(ir)): DocsSet {
  const ctx = new DocsContext(ir, modules);
  const registry = new SchemaRegistry(descriptors);
  const emitted = ir.schemas.filter((s) => modules.has(s.namespace));
  const rules = emitted.flatMap((s) => s.rules ?? []);
  return {
    sources: emitted.flatMap((s) => s.files),
    modules: emitted.map((schema) => moduleDocs(ctx, schema, registry)),
    codes: [
      ...Object.entries(DIAGNOSTIC_CODES).map(([c, meaning]) => ({ code: c, meaning })),
      ...rules.map((r) => ({ code: `evfw.rule.${r.id}`, meaning: `Section ${r.section}; ${r.severity} in the ${r.profile} profile. ${r.description}` })),
    ],
  };
}

/** An element to document: a global one, or a local one with the complex type it sits in. */
interface Found {
  readonly decl: ElementDecl;
  readonly anchor: string;
  /** The named (or generator-named) complex type the local element is declared in. */
  readonly owner?: string;
  readonly use?: ChildUse;
}

function moduleDocs(ctx: DocsContext, schema: Schema<'named'>, registry: SchemaRegistry): DocsModule {
  const anchors = new Anchors();
  const found = collectElements(ctx, schema, anchors);
  const users = typeUsers(ctx, found);
  const attributes = attributeUsers(ctx, found);
  const localAnchors = new Map(found.filter((f) => f.owner).map((f) => [`${f.owner}/${f.decl.name.name}`, f.anchor]));
  const nameIn = (owner: string | undefined): NameOf => (p) => {
    if (p.kind === 'element-ref') return ctx.elementLink(p.ref, schema);
    const anchor = owner ? localAnchors.get(`${owner}/${p.element.name.name}`) : undefined;
    return anchor ? link(`<${p.element.name.name}>`, { kind: 'anchor', anchor }) : code(`<${p.element.name.name}>`);
  };
  return {
    module: ctx.modules.get(schema.namespace)!,
    namespace: schema.namespace,
    prefix: schema.prefix,
    files: schema.files,
    documentation: normalizeSpace(schema.documentation),
    sections: sectionNumbers(schema.documentation),
    elements: labelled(found.map((f) => elementDocs(ctx, schema, f, users, nameIn))),
    attributes: schema.attributes.map((a) => attributeRow(ctx, schema, a, undefined)),
    types: schema.types.filter((t) => t.name && !t.anonymous).map((t) => typeDocs(ctx, schema, t, users, attributes, anchors, nameIn)),
    notations: (schema.notations ?? []).map((n) => ({ name: n.name.name, public: n.public, system: n.system, documentation: normalizeSpace(n.documentation) })),
    rules: (schema.rules ?? []).map(docsRule),
    examples: exampleDocuments(registry, schema),
  };
}

/** Global elements in schema order, each followed depth first by the local elements under it; then those of types no element uses. */
function collectElements(ctx: DocsContext, schema: Schema, anchors: Anchors): Found[] {
  const found: Found[] = [];
  const walked = new Set<string>();
  const walkType = (def: TypeDef | undefined) => {
    if (!def || def.kind !== 'complex' || !def.name || def.content.kind !== 'elements') return;
    const key = qnameKey(def.name);
    if (walked.has(key)) return;
    walked.add(key);
    for (const use of childUses(def.content.particle)) {
      if (use.particle.kind !== 'element') continue;
      const decl = use.particle.element;
      found.push({ decl, anchor: anchors.claim(localElementAnchor(def.name.name, decl.name.name)), owner: key, use });
      walkType(ctx.resolve(decl.type));
    }
  };
  for (const decl of schema.elements) {
    found.push({ decl, anchor: anchors.claim(globalElementAnchor(decl.name)) });
    walkType(ctx.resolve(decl.type));
  }
  for (const def of schema.types) walkType(def);
  return found;
}

/** For each complex or simple type: the elements declared with it, for "child of" and "used by". */
function typeUsers(ctx: DocsContext, found: readonly Found[]): Map<string, Found[]> {
  const users = new Map<string, Found[]>();
  for (const f of found) {
    const def = ctx.resolve(f.decl.type);
    if (!def?.name) continue;
    const key = qnameKey(def.name);
    users.set(key, [...(users.get(key) ?? []), f]);
  }
  return users;
}

/** For each simple type: the attributes declared with it, as `<line>/@product` linked to the element. */
function attributeUsers(ctx: DocsContext, found: readonly Found[]): Map<string, Phrase[]> {
  const users = new Map<string, Phrase[]>();
  for (const f of found) {
    const def = ctx.resolve(f.decl.type);
    if (def?.kind !== 'complex') continue;
    for (const use of def.attributes) {
      if (use.kind !== 'attribute' || use.attribute.type?.kind !== 'type-ref') continue;
      const key = qnameKey(use.attribute.type.ref);
      const phrase: Phrase = [link(`<${f.decl.name.name}>`, { kind: 'anchor', anchor: f.anchor }), code(`@${use.attribute.name.name}`)];
      users.set(key, [...(users.get(key) ?? []), phrase]);
    }
  }
  return users;
}

function elementDocs(ctx: DocsContext, schema: Schema, f: Found, users: Map<string, Found[]>, nameIn: (owner: string | undefined) => NameOf): DocsElement {
  const { decl } = f;
  const def = ctx.resolve(decl.type);
  const type = def?.kind === 'complex' ? def : undefined;
  const valueRef = def?.kind === 'simple' ? decl.type : type?.content.kind === 'simple' ? type.content.type : undefined;
  const facts = def?.kind === 'simple' || !def ? simpleFacts(ctx, decl.type) : valueRef ? simpleFacts(ctx, valueRef) : undefined;
  const ownKey = def?.name ? qnameKey(def.name) : undefined;
  // An element without documentation of its own is described by its named type's, as a reader expects.
  const documentation = decl.documentation ?? (def && !def.anonymous ? def.documentation : undefined);
  const parents = f.owner ? (users.get(f.owner) ?? []) : [];
  const scope: Phrase = f.owner
    ? parents.length > 0
      ? [text('Local element, child of '), ...joinPhrases(parents.map((p) => [link(`<${p.decl.name.name}>`, { kind: 'anchor', anchor: p.anchor })]), 'and')]
      : [text('Local element of the type '), ctx.typeLink(ctx.index.types.get(f.owner)!.def.name, schema)]
    : [text(decl.abstract ? 'Global element, abstract (only its substitutes appear)' : 'Global element: it can be the root of a document')];
  const self: DocsRow = {
    name: [code(`<${decl.name.name}>`)],
    kind: 'element',
    type: typeLabel(ctx, decl.type, schema),
    cardinality: f.use ? cardinality(f.use.min, f.use.max) : '1',
    allowed: allowedValues(facts, decl.fixed, decl.default),
    description: firstSentence(normalizeSpace(documentation)),
    sections: sectionNumbers(documentation),
  };
  const attributeRows = (type?.attributes ?? [])
    .filter((a): a is LocalAttributeUse => a.kind === 'attribute' && a.use !== 'prohibited')
    .map((a) => attributeRow(ctx, schema, a.attribute, a.use));
  if (type?.anyAttribute) {
    const w = type.anyAttribute;
    attributeRows.push({ name: [text('(any attribute)')], kind: 'any attribute', type: [], cardinality: '0..n', allowed: [text(`attributes ${wildcardNamespacesInWords(w, schema.namespace)}, ${processInWords(w.processContents)}`)], description: normalizeSpace(w.documentation), sections: sectionNumbers(w.documentation) });
  }
  const childRows = type?.content.kind === 'elements' ? childUses(type.content.particle).map((use) => childRow(ctx, schema, use, nameIn(ownKey))) : [];
  return {
    anchor: f.anchor,
    title: `<${decl.name.name}>`,
    label: parents.length > 0 ? `<${decl.name.name}> in <${parents[0]!.decl.name.name}>` : `<${decl.name.name}>`,
    scope,
    documentation: normalizeSpace(documentation),
    sections: self.sections,
    rows: [self, ...attributeRows, ...childRows],
    content: facts && !type ? [text('a simple value (text only, no child elements)')] : contentInWords(type, schema.namespace, nameIn(ownKey)),
    extensions: extensionPoints(type, schema.namespace, nameIn(ownKey)),
    identity: decl.identityConstraints.map((c) => [
      code(c.name.name),
      text(` (xs:${c.kind}): among the elements selected by `),
      code(c.selector),
      text(c.kind === 'keyref' ? ', the values of ' : c.fields.length === 1 ? ', the value of ' : ', the combination of '),
      ...joinPhrases(c.fields.map((field) => [code(field)]), 'and'),
      text(c.kind === 'keyref' ? ` must match a value of ${c.refer ? ctx.qualified(c.refer) : 'the key'}.` : c.kind === 'key' ? ' is present and unique.' : ' is unique where present.'),
      ...(c.documentation ? [text(` ${normalizeSpace(c.documentation)}`)] : []),
    ]),
    diagnostics: elementDiagnostics(ctx, decl, type, facts),
    rules: elementRules(schema.rules, decl.name.name),
  };
}

/** A title that several elements share (three <status>) is told apart by its parent in the contents. */
function labelled(elements: DocsElement[]): DocsElement[] {
  const counts = new Map<string, number>();
  for (const e of elements) counts.set(e.title, (counts.get(e.title) ?? 0) + 1);
  return elements.map((e) => (counts.get(e.title) === 1 ? { ...e, label: e.title } : e));
}

function attributeRow(ctx: DocsContext, schema: Schema, decl: AttributeDecl, use: LocalAttributeUse['use'] | undefined): DocsRow {
  return {
    name: [code(decl.name.namespace && decl.name.namespace !== schema.namespace ? ctx.qualified(decl.name) : decl.name.name)],
    kind: 'attribute',
    type: typeLabel(ctx, decl.type, schema),
    cardinality: use === 'required' ? '1' : '0..1',
    allowed: allowedValues(simpleFacts(ctx, decl.type), decl.fixed, decl.default),
    description: normalizeSpace(decl.documentation),
    sections: sectionNumbers(decl.documentation),
  };
}

function childRow(ctx: DocsContext, schema: Schema, use: ChildUse, nameOf: NameOf): DocsRow {
  const p = use.particle;
  const count = cardinality(use.min, use.max);
  if (p.kind === 'any') {
    const w = p.wildcard;
    return { name: [text('(any element)')], kind: 'any element', type: [], cardinality: count, allowed: [text(`elements ${wildcardNamespacesInWords(w, schema.namespace)}, ${processInWords(w.processContents)}`)], description: normalizeSpace(w.documentation), sections: sectionNumbers(w.documentation) };
  }
  const decl = p.kind === 'element' ? p.element : ctx.index.element(p.ref);
  const def = ctx.resolve(decl?.type);
  const valueRef = def?.kind === 'complex' && def.content.kind === 'simple' ? def.content.type : decl?.type;
  const documentation = decl?.documentation ?? (def && !def.anonymous ? def.documentation : undefined);
  return {
    name: [nameOf(p)],
    kind: 'element',
    type: decl ? typeLabel(ctx, decl.type, schema) : [text('unknown (not declared in these schemas)')],
    cardinality: count,
    allowed: decl ? allowedValues(simpleFacts(ctx, valueRef), decl.fixed, decl.default) : [],
    description: firstSentence(normalizeSpace(documentation)),
    sections: sectionNumbers(documentation),
  };
}

function typeDocs(ctx: DocsContext, schema: Schema, def: DeclaredType<'named'>, users: Map<string, Found[]>, attributes: Map<string, Phrase[]>, anchors: Anchors, nameIn: (owner: string | undefined) => NameOf): DocsType {
  const { name } = def;
  const usedBy: Phrase[] = [...(users.get(qnameKey(name)) ?? []).map((u): Phrase => [link(`<${u.decl.name.name}>`, { kind: 'anchor', anchor: u.anchor })]), ...(attributes.get(qnameKey(name)) ?? [])];
  let summary: Phrase;
  let values: DocsType['values'] = [];
  if (def.kind === 'complex') {
    const derivation: Phrase = def.derivation ? [text(`${def.derivation.method} of `), ctx.typeLink(def.derivation.base, schema), text('; ')] : [];
    summary = [...derivation, text('content: '), ...contentInWords(def as ComplexType, schema.namespace, nameIn(qnameKey(name)))];
  } else {
    const facts = simpleFacts(ctx, { kind: 'type-ref', ref: name });
    const allowed = allowedValues(facts);
    summary = [...typeLabel(ctx, { ...def, anonymous: true }, schema), ...(allowed.length > 0 ? [text('; '), ...allowed] : [])];
    values = def.facets.filter((f) => f.kind === 'enumeration').map((f) => ({ value: f.value, documentation: normalizeSpace(f.documentation) }));
  }
  return {
    anchor: anchors.claim(typeAnchor(name)),
    title: ctx.qualified(name),
    kind: def.kind,
    documentation: normalizeSpace(def.documentation),
    sections: sectionNumbers(def.documentation),
    summary,
    values,
    usedBy: usedBy.length > 0 ? joinPhrases(usedBy, 'and') : [text('no element or attribute of this namespace (derived types or other schemas may use it)')],
  };
}

/**
 * The rows say each thing briefly, its first sentence, since the full text is in the section of
 * each element; a sentence ends at a full stop before a capital or a quote, outside brackets.
 */
export function firstSentence(value: string): string {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === '.' && depth === 0 && /^\s+["A-Z]/.test(value.slice(i + 1, i + 3))) return value.slice(0, i + 1);
  }
  return value;
}
