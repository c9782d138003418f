/**
 * The types emitter: one module of TypeScript declarations per namespace.
 *
 * complexType -> interface (extends its base for an extension); simpleType -> type alias, a
 * union of string literals for an enumeration; choices and substitution groups -> unions
 * discriminated by `$case`, so TypeScript narrows them; wildcard content -> XmlElement nodes
 * from the runtime, which keep namespace, name, attributes, children and text.
 */
import {
  isUnbounded,
  qnameKey,
  type DeclaredComplexType,
  type DeclaredSimpleType,
  type DeclaredType,
  type ComplexType,
  type ElementDecl,
  type LocalAttributeUse,
  type ModelGroup,
  type Particle,
  type Schema,
  type NamedSchemaSet,
  type SimpleType,
} from '../../ir/ir.js';
import { indexSchemas, type SchemaIndex } from '../../ir/schema-index.js';
import { groupProperty, unionName } from '../../naming/group-names.js';
import { pascalCase, uniqueName } from '../../naming/names.js';
import { jsdocText, literal } from '../escape/index.js';
import { GeneratedFile, type PropertySignature } from '../generated-file.js';
import { arrayOf, TypeExpressions } from '../type-expressions.js';
import { wrapWords } from '../wrap-words.js';
import { substitutableTypes } from '../../ir/substitutable-types.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';

export const typesEmitter: Emitter = {
  name: 'types',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    const index = indexSchemas(ir);
    for (const { schema, module } of context.emitted) {
      const file = new GeneratedFile(`src/${module}.ts`, schema.files);
      new TypesModule(schema, index, context, file).emit();
      out.set(file.path, file.toString());
    }
  },
};

interface Property {
  name: string;
  type: string;
  optional: boolean;
  docs: string[];
}

class TypesModule {
  private readonly types: TypeExpressions;

  constructor(
    private readonly schema: Schema<'named'>,
    private readonly index: SchemaIndex<'named'>,
    private readonly context: EmitContext,
    private readonly file: GeneratedFile,
  ) {
    this.types = new TypeExpressions(schema, index, context, file);
  }

  emit(): void {
    this.file.exportConst({
      name: 'NAMESPACE',
      value: literal(this.schema.namespace),
      docs: joinDoc(schemaText(this.schema.documentation), `The target namespace of ${jsdocText(this.schema.files.join(', '))}.`),
    });
    for (const def of this.schema.types) {
      if (def.kind === 'complex') this.complexType(def);
      else this.simpleType(def);
    }
    this.entryPoints();
  }

  // ---- Entry points: parse, validate and serialize each global element ------------------------

  private entryPoints(): void {
    const taken = new Set<string>();
    const entries = this.schema.elements.filter((decl) => !decl.abstract).map((decl) => ({ decl, name: uniqueName(pascalCase(decl.name.name), taken) }));
    // An element called `document` exports parseDocument, validateDocument and serializeDocument,
    // the names of the runtime functions they call: those are then imported as runtimeParseDocument
    // and so on, which no export can be called (each starts with parse, validate or serialize).
    const exported = new Set(entries.flatMap(({ name }) => [`parse${name}`, `validate${name}`, `serialize${name}`]));
    const rt = (n: string) => this.file.importValue(n, this.context.codegenEntry, exported.has(n) ? `runtime${n.charAt(0).toUpperCase()}${n.slice(1)}` : undefined);
    for (const { decl, name } of entries) {
      const type = this.types.elementType(decl);
      const key = literal(qnameKey(decl.name));
      const element = `<${jsdocText(decl.name.name)}>`;
      const rtType = (n: string) => this.types.runtime(n);
      const registry = this.file.importValue('registry', './registry.js');
      this.file.exportFunction({
        name: `parse${name}`,
        parameters: [{ name: 'input', type: 'string | Uint8Array' }, { name: 'options', type: rtType('ParseOptions'), optional: true }],
        returnType: `${rtType('ParseResult')}<${type}>`,
        body: [`return ${rt('parseDocument')}<${type}>(${registry}, ${key}, input, options);`],
        docs: joinDoc(`Reads a document whose root is ${element}: its typed value, or every diagnostic (up to the error cap). Never throws on bad input.`, `@generated from element \`${jsdocText(decl.name.name)}\``),
      });
      this.file.exportFunction({
        name: `validate${name}`,
        parameters: [{ name: 'input', type: 'string | Uint8Array' }, { name: 'options', type: rtType('ParseOptions'), optional: true }],
        returnType: `readonly ${rtType('Diagnostic')}[]`,
        body: [`return ${rt('validateDocument')}(${registry}, ${key}, input, options);`],
        docs: joinDoc(`Validates a document whose root is ${element}: every error and warning; empty when it is valid.`),
      });
      this.file.exportFunction({
        name: `serialize${name}`,
        parameters: [{ name: 'value', type }, { name: 'options', type: rtType('SerializeOptions'), optional: true }],
        returnType: 'string',
        body: [`return ${rt('serializeDocument')}(${registry}, ${key}, value, options);`],
        docs: joinDoc(`Writes ${element} as XML, namespaces declared on the root. Throws ModelError when the value does not fit the schema.`),
      });
    }
  }

  // ---- Declarations -------------------------------------------------------------------------

  private simpleType(def: DeclaredSimpleType<'named'>): void {
    this.file.exportType({
      name: def.tsName,
      type: this.types.simpleBody(def),
      docs: joinDoc(schemaText(def.documentation), ...facetDocs(def), origin('simpleType', def)),
    });
  }

  private complexType(def: DeclaredComplexType<'named'>): void {
    const base = def.derivation ? this.index.type(def.derivation.base) : undefined;
    const extendsBase = def.derivation?.method === 'extension' && base?.kind === 'complex';
    const properties: Property[] = [];
    const extras: (() => void)[] = [];

    if (def.content.kind === 'simple' && !extendsBase) {
      properties.push({ name: '$value', type: this.types.typeExpr(def.content.type), optional: false, docs: ['The character data of the element.'] });
    }
    const attributes = def.derivation?.method === 'restriction' && base?.kind === 'complex'
      ? this.restrictedAttributes(def, base)
      : def.attributes;
    for (const use of attributes) {
      if (use.use === 'prohibited') continue;
      properties.push(this.attributeProperty(use));
    }
    if (def.anyAttribute) {
      properties.push({
        name: '$attributes',
        type: `${this.types.runtime('XmlAttribute')}[]`,
        optional: true,
        docs: [joinDoc(schemaText(def.anyAttribute.documentation), `Attributes allowed by the attribute wildcard (${wildcardText(def.anyAttribute)}).`)],
      });
    }
    const mixed = def.content.kind === 'elements' && def.content.mixed;
    if (mixed) properties.push(this.mixedContent(def));
    else if (def.content.kind === 'elements') properties.push(...this.fields(def.content.particle, false, extras));

    // A mixed extension's `$content` holds its base's children and its own: wider than the
    // base's, so it replaces the base's property rather than narrowing it.
    const baseName = extendsBase ? this.types.typeName(base) : undefined;
    this.file.exportInterface({
      name: def.tsName,
      extends: baseName === undefined ? [] : mixed ? [`Omit<${baseName}, '$content'>`] : [baseName],
      properties: properties.map(propertySignature),
      docs: joinDoc(schemaText(def.documentation), origin('complexType', def)),
    });
    for (const extra of extras) extra();
  }

  /**
   * Mixed content: one `$content` array of text runs and `$case` objects, one object type per
   * element (or substitution member, or wildcard) its content model has, named by the property
   * the element has in element-only content. The runtime reads and writes it the same way
   * (runtime/src/model/mixed-content.ts).
   */
  private mixedContent(def: DeclaredComplexType<'named'>): Property {
    const items = ['string'];
    const seen = new Set<string>();
    const add = (property: string, type: string) => {
      if (seen.has(property)) return;
      seen.add(property);
      items.push(objectType([`$case: ${literal(property)}`, `${property}: ${type}`]));
    };
    for (const leaf of mixedLeaves(this.mixedParticles(def))) {
      if (leaf.kind === 'any') add(leaf.property, this.types.runtime('XmlElement'));
      else if (leaf.kind === 'element-ref' && leaf.cases) for (const c of leaf.cases) add(c.property, this.types.elementType(this.index.element(c.element)!));
      else add(leaf.property, this.types.elementType(this.declOf(leaf)));
    }
    return {
      name: '$content',
      type: arrayOf(items.length === 1 ? 'string' : `(${items.join(' | ')})`),
      optional: false,
      docs: ['Mixed content: the text (strings, whitespace kept) and the child elements (objects, narrow on `$case`), in document order.'],
    };
  }

  /** The particles of a type's content, its extension bases' first (an extension appends to its base's content). */
  private mixedParticles(def: ComplexType<'named'>): Particle<'named'>[] {
    const chain: Particle<'named'>[] = [];
    const seen = new Set<ComplexType<'named'>>();
    for (let current: ComplexType<'named'> | undefined = def; current && !seen.has(current); ) {
      seen.add(current);
      if (current.content.kind === 'elements') chain.unshift(current.content.particle);
      if (current.derivation?.method !== 'extension') break;
      const base = this.index.type(current.derivation.base);
      current = base?.kind === 'complex' ? base : undefined;
    }
    return chain;
  }

  /** A restriction keeps its base's attributes unless it redeclares or prohibits them. */
  private restrictedAttributes(def: ComplexType<'named'>, base: ComplexType<'named'>): LocalAttributeUse<'named'>[] {
    const own = def.attributes;
    const ownKeys = new Set(own.map((u) => qnameKey(u.attribute.name)));
    const inherited = base.attributes.filter((u) => !ownKeys.has(qnameKey(u.attribute.name)));
    return [...inherited, ...own];
  }

  private attributeProperty(use: LocalAttributeUse<'named'>): Property {
    const a = use.attribute;
    const facts = [`@generated from attribute \`${jsdocText(a.name.name)}\``, use.use];
    if (a.default !== undefined) facts.push(`default ${valueText(a.default)}`);
    if (a.fixed !== undefined) facts.push(`fixed ${valueText(a.fixed)}`);
    return {
      name: use.property,
      type: this.types.typeExpr(a.type),
      optional: use.use !== 'required',
      docs: [joinDoc(schemaText(a.documentation), facts.join(', '))],
    };
  }

  // ---- Content models -----------------------------------------------------------------------

  /** The properties a particle contributes to the object that holds it. */
  private fields(p: Particle<'named'>, optional: boolean, extras: (() => void)[]): Property[] {
    const many = isUnbounded(p);
    const isOptional = !many && (optional || p.min === 0);
    switch (p.kind) {
      case 'element':
      case 'element-ref': {
        const decl = this.declOf(p);
        const type = p.kind === 'element-ref' && p.cases ? this.substitutionUnion(unionName(p), p.cases, extras) : this.types.elementType(decl);
        return [{ name: p.property, type: many ? arrayOf(type) : type, optional: isOptional, docs: [joinDoc(schemaText(decl.documentation), elementFacts(decl, p), this.derivedTypesDoc(decl))] }];
      }
      case 'any': {
        const type = this.types.runtime('XmlElement');
        return [{ name: p.property, type: many ? arrayOf(type) : type, optional: isOptional, docs: [joinDoc(schemaText(p.wildcard.documentation), `Elements matched by the wildcard ${wildcardText(p.wildcard)}, ${occurs(p)}.`)] }];
      }
      case 'group-ref':
        return [];
      case 'choice': {
        extras.push(() => this.choiceUnion(p));
        const union = unionName(p);
        return [{ name: groupProperty(p), type: many ? arrayOf(union) : union, optional: isOptional, docs: [joinDoc(schemaText(p.documentation), choiceDoc(this.branchNames(p), occurs(p)))] }];
      }
      case 'sequence':
      case 'all': {
        if (!p.property) return p.particles.flatMap((c) => this.fields(c, optional || p.min === 0, extras));
        const only = p.particles[0];
        if (p.particles.length === 1 && only?.kind === 'choice' && only.property === p.property) {
          extras.push(() => this.choiceUnion(only));
          return [{ name: p.property, type: arrayOf(unionName(only)), optional: false, docs: [joinDoc(schemaText(p.documentation ?? only.documentation), repeatedChoiceDoc(this.branchNames(only), occurs(p)))] }];
        }
        extras.push(() => this.itemInterface(p));
        return [{ name: p.property, type: arrayOf(unionName(p)), optional: false, docs: [joinDoc(schemaText(p.documentation), `A repeated group, ${occurs(p)}.`)] }];
      }
    }
  }

  private itemInterface(p: ModelGroup<'named'>): void {
    const extras: (() => void)[] = [];
    const properties = p.particles.flatMap((c) => this.fields(c, false, extras));
    this.file.exportInterface({
      name: unionName(p),
      properties: properties.map(propertySignature),
      docs: joinDoc(schemaText(p.documentation), 'One occurrence of a repeated group.'),
    });
    for (const extra of extras) extra();
  }

  /** A choice becomes a union of branch objects discriminated by `$case`. */
  private choiceUnion(p: ModelGroup<'named'>): void {
    const extras: (() => void)[] = [];
    const branches = this.branches(p.particles, extras);
    this.file.exportType({
      name: unionName(p),
      union: branches,
      docs: joinDoc(schemaText(p.documentation), `@generated from a choice${p.groupName ? ` (group \`${jsdocText(p.groupName.name)}\`)` : ''}: narrow on \`$case\`.`),
    });
    for (const extra of extras) extra();
  }

  private branches(particles: readonly Particle<'named'>[], extras: (() => void)[]): string[] {
    return particles.flatMap((b) => {
      if (b.kind === 'choice' && !isUnbounded(b)) return this.branches(b.particles, extras);
      if ((b.kind === 'sequence' || b.kind === 'all') && !isUnbounded(b)) {
        const props = b.particles.flatMap((c) => this.fields(c, false, extras));
        return [objectType([`$case: ${literal(groupProperty(b))}`, ...props.map(inlineProperty)])];
      }
      if (b.kind === 'element-ref' && b.cases && !isUnbounded(b)) {
        return b.cases.map((c) => objectType([`$case: ${literal(c.property)}`, `${c.property}: ${this.types.elementType(this.index.element(c.element)!)}`]));
      }
      const [field] = this.fields(b, false, extras);
      if (!field) return [];
      return [objectType([`$case: ${literal(field.name)}`, inlineProperty({ ...field, optional: false })])];
    });
  }

  private substitutionUnion(name: string, cases: NonNullable<Extract<Particle, { kind: 'element-ref' }>['cases']>, extras: (() => void)[]): string {
    extras.push(() => {
      this.file.exportType({
        name,
        union: cases.map((c) => objectType([`$case: ${literal(c.property)}`, `${c.property}: ${this.types.elementType(this.index.element(c.element)!)}`])),
        docs: '@generated from a substitution group: any of these elements may appear; narrow on `$case`.',
      });
    });
    return name;
  }

  private branchNames(p: ModelGroup<'named'>): string[] {
    return p.particles.flatMap((b) => {
      if (b.kind === 'choice' && !isUnbounded(b)) return this.branchNames(b);
      return [`\`${(b as { property?: string }).property ?? b.kind}\``];
    });
  }

  /** A sentence for an element that may hold a derived type (ir/substitutable-types.ts), else nothing. */
  private derivedTypesDoc(decl: ElementDecl): string | undefined {
    const declared = decl.type?.kind === 'type-ref' ? this.index.type(decl.type.ref) : undefined;
    if (declared?.kind !== 'complex' || substitutableTypes(this.index, decl, declared).length === 0) return undefined;
    return 'It may hold a type derived from its declared one (xsi:type in XML): `$type` names the type, so narrow on it.';
  }

  private declOf(p: Extract<Particle, { kind: 'element' | 'element-ref' }>): ElementDecl {
    return p.kind === 'element' ? p.element : this.index.element(p.ref)!;
  }
}

/** The element and wildcard particles of some content models, in document order. */
function mixedLeaves(particles: readonly Particle<'named'>[]): Extract<Particle<'named'>, { kind: 'element' | 'element-ref' | 'any' }>[] {
  const out: Extract<Particle<'named'>, { kind: 'element' | 'element-ref' | 'any' }>[] = [];
  const stack = [...particles].reverse();
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    if (p.kind === 'element' || p.kind === 'element-ref' || p.kind === 'any') out.push(p);
    else if (p.kind !== 'group-ref') for (let i = p.particles.length - 1; i >= 0; i--) stack.push(p.particles[i]!);
  }
  return out;
}

// ---- Text helpers -----------------------------------------------------------------------------

function objectType(members: string[]): string {
  return `{ ${members.join('; ')} }`;
}

function propertySignature(p: Property): PropertySignature {
  return { name: p.name, type: p.type, optional: p.optional, docs: p.docs.length ? p.docs.join('\n\n') : undefined };
}

function inlineProperty(p: Property): string {
  return `${p.name}${p.optional ? '?' : ''}: ${p.type}`;
}

function occurs(p: { min: number; max: number | 'unbounded' }): string {
  return `${p.min}..${p.max === 'unbounded' ? '*' : p.max}`;
}

/** The doc sentence of a choice property; a choice with no branches allows nothing. */
function choiceDoc(branches: readonly string[], occursText: string): string {
  if (branches.length === 0) return `Nothing can appear here (an empty choice), ${occursText}.`;
  return `One of ${branches.join(', ')}, ${occursText}.`;
}

/** The doc sentence of a repeated sequence of one choice. */
function repeatedChoiceDoc(branches: readonly string[], occursText: string): string {
  if (branches.length === 0) return `Nothing can appear here (an empty choice), ${occursText}.`;
  return `Any number of ${branches.join(', ')} in any order, ${occursText}.`;
}

function elementFacts(decl: ElementDecl, p: Particle & { min: number; max: number | 'unbounded' }): string {
  const type = decl.type?.kind === 'type-ref' ? ` (${jsdocText(decl.type.ref.name)})` : '';
  const facts = [`@generated from element \`${jsdocText(decl.name.name)}\`${type}, ${occurs(p)}`];
  if (decl.default !== undefined) facts.push(`default ${valueText(decl.default)}`);
  if (decl.fixed !== undefined) facts.push(`fixed ${valueText(decl.fixed)}`);
  return facts.join(', ');
}

function wildcardText(w: { namespaces: { kind: string; namespaces?: readonly string[] }; processContents: string }): string {
  const ns = w.namespaces.kind === 'list' ? (w.namespaces.namespaces ?? []).map((n) => (n ? jsdocText(n) : '##local')).join(' ') : `##${w.namespaces.kind}`;
  return `${ns}, processContents ${w.processContents}`;
}

function facetDocs(def: SimpleType): string[] {
  return def.facets
    .filter((f) => f.kind !== 'enumeration')
    .map((f) => `@${f.kind} ${jsdocText(f.value)}`);
}

function origin(kind: string, { name, anonymous }: DeclaredType): string {
  return anonymous
    ? `@generated from an anonymous ${kind} (named \`${jsdocText(name.name)}\` here)`
    : `@generated from ${kind} \`${jsdocText(name.name)}\``;
}

/** Documentation from the schema, escaped for JSDoc (its paragraph breaks kept for `joinDoc`). */
function schemaText(documentation: string | undefined): string | undefined {
  return documentation === undefined ? undefined : jsdocText(documentation);
}

/** A default or fixed value as the JSON string a reader knows, escaped for JSDoc. */
function valueText(value: string): string {
  return jsdocText(JSON.stringify(value));
}

/** Joins paragraphs and wraps them to 96 columns, so generated JSDoc reads like the rest. */
function joinDoc(...parts: (string | undefined)[]): string {
  return parts
    .filter(Boolean)
    .flatMap((part) => part!.split('\n\n'))
    .map((paragraph) => wrapWords(paragraph, 96).join('\n'))
    .join('\n\n');
}
