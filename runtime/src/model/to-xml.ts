/**
 * The way back: a typed model value to an XmlElement tree, by the same descriptors and the same
 * mapping rules bind-content.ts reads with. A value that does not fit its schema (a missing
 * required property, an unknown `$case`, a value of the wrong kind) is collected as an
 * evfw.model.invalid diagnostic with the model path, never written half-right.
 */
import { lexicalOf, type SimpleTypeDescriptor } from '../datatypes/index.js';
import type { Diagnostic } from '../diagnostics.js';
import {
  type ComplexTypeDescriptor,
  type ElementDescriptor,
  type GroupParticleDescriptor,
  type ParticleDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlAttribute, XmlElement, XmlNode } from '../xml-node.js';
import { findBranch, isMany } from './bind-content.js';

type Model = Record<string, unknown>;

export class ModelWriter {
  readonly problems: Diagnostic[] = [];
  /** Extension content, written back exactly as it was read. */
  readonly verbatim = new WeakSet<XmlElement>();

  constructor(private readonly registry: SchemaRegistry) {}

  element(decl: ElementDescriptor, value: unknown, path: string): XmlElement {
    const base = { kind: 'element' as const, namespace: decl.namespace, name: decl.name };
    const type = decl.type;
    if (type.kind === 'any') {
      if (!isXmlElement(value)) return this.invalid(base, `${path}: expected an XmlElement`);
      const element = { ...base, attributes: value.attributes, children: value.children };
      this.verbatim.add(element);
      return element;
    }
    if (type.kind === 'simple') return { ...base, attributes: [], children: this.text(type.type, value, path) };
    if (!isObject(value)) return this.invalid(base, `${path}: expected an object for <${decl.name}>`);
    const complex = this.registry.complexType(type.ref);
    return { ...base, attributes: this.attributes(complex, value, path), children: this.content(complex, value, path) };
  }

  private attributes(type: ComplexTypeDescriptor, value: Model, path: string): XmlAttribute[] {
    const out: XmlAttribute[] = [];
    for (const use of type.attributes) {
      const v = value[use.property];
      if (v === undefined) {
        if (use.required) this.problem(`${path}.${use.property}: the required attribute "${use.name}" has no value`);
        continue;
      }
      const lexical = lexicalOf(use.type, v);
      if (lexical === undefined) this.problem(`${path}.${use.property}: ${describe(v)} is not a value of attribute "${use.name}"`);
      else out.push({ namespace: use.namespace, name: use.name, value: lexical });
    }
    const extra = value.$attributes;
    if (Array.isArray(extra)) out.push(...(extra as XmlAttribute[]));
    return out;
  }

  private content(type: ComplexTypeDescriptor, value: Model, path: string): XmlNode[] {
    const content = type.content;
    if (content.kind === 'empty') return [];
    if (content.kind === 'simple') return this.text(content.type, value.$value, `${path}.$value`);
    const out: XmlNode[] = [];
    this.particle(content.particle, value, path, out);
    return out;
  }

  /** `optional`: inside a flattened sequence that may be absent as a whole. */
  private particle(p: ParticleDescriptor, holder: Model, path: string, out: XmlNode[], optional = false): void {
    if (p.property === undefined) {
      if (p.kind !== 'sequence' && p.kind !== 'all') return;
      // An optional group is written when any of its members has a value; then it is whole.
      const absent = (optional || p.min === 0) && !p.particles.some((c) => hasValue(c, holder));
      if (!absent) for (const c of p.particles) this.particle(c, holder, path, out);
      return;
    }
    const at = `${path}.${p.property}`;
    const raw = holder[p.property];
    if (raw === undefined && p.min > 0 && !isMany(p) && !optional) this.problem(`${at}: required, but missing`);
    const values: unknown[] = isMany(p) ? (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) : raw === undefined ? [] : [raw];
    if (isMany(p) && raw !== undefined && !Array.isArray(raw)) this.problem(`${at}: expected an array`);
    values.forEach((v, i) => {
      const itemPath = isMany(p) ? `${at}[${i}]` : at;
      switch (p.kind) {
        case 'element':
          out.push(this.leaf(p, v, itemPath));
          break;
        case 'any':
          if (isXmlElement(v)) {
            this.verbatim.add(v);
            out.push(v);
          }
          else this.problem(`${itemPath}: expected an XmlElement`);
          break;
        case 'choice':
          this.branch(p, v, itemPath, out);
          break;
        case 'sequence':
        case 'all': {
          const only = p.particles.length === 1 ? p.particles[0] : undefined;
          if (only?.kind === 'choice' && only.property === p.property) this.branch(only, v, itemPath, out);
          else if (isObject(v)) for (const c of p.particles) this.particle(c, v, itemPath, out);
          else this.problem(`${itemPath}: expected an object`);
          break;
        }
      }
    });
  }

  private leaf(p: Extract<ParticleDescriptor, { kind: 'element' }>, value: unknown, path: string): XmlElement {
    if (p.element) return this.element(p.element, value, path);
    if (p.cases) {
      const chosen = isObject(value) ? p.cases.find((c) => c.property === value.$case) : undefined;
      if (!chosen || !isObject(value)) return this.invalid({ kind: 'element', namespace: '', name: 'invalid' }, `${path}.$case: expected one of ${p.cases.map((c) => c.property).join(', ')}`);
      return this.element(this.registry.element(chosen.ref)!, value[chosen.property], `${path}.${chosen.property}`);
    }
    return this.element(this.registry.element(p.ref!)!, value, path);
  }

  /** Writes the branch of a choice that a `$case` object names. */
  private branch(choice: GroupParticleDescriptor, value: unknown, path: string, out: XmlNode[]): void {
    const item = isObject(value) ? value : undefined;
    const found = item && findBranch(choice, item.$case);
    if (!item || !found) {
      this.problem(`${path}.$case: ${describe(item?.$case)} is not a branch of this choice`);
      return;
    }
    if ((found.kind === 'sequence' || found.kind === 'all') && !isMany(found)) {
      for (const c of found.particles) this.particle(c, item, path, out);
    } else if (found.kind === 'element' && found.cases && !isMany(found)) {
      out.push(this.leaf(found, item, path));
    } else {
      this.particle(found, item, path, out);
    }
  }

  private text(type: SimpleTypeDescriptor, value: unknown, path: string): XmlNode[] {
    const lexical = lexicalOf(type, value);
    if (lexical === undefined) {
      this.problem(`${path}: ${describe(value)} is not a value of this element`);
      return [];
    }
    return lexical === '' ? [] : [{ kind: 'text', text: lexical }];
  }

  private invalid(base: Pick<XmlElement, 'kind' | 'namespace' | 'name'>, message: string): XmlElement {
    this.problem(message);
    return { ...base, attributes: [], children: [] };
  }

  private problem(message: string): void {
    this.problems.push({ code: 'evfw.model.invalid', severity: 'error', message, line: 0, column: 0, path: '' });
  }
}

/** Whether the model holds anything for this particle (a flattened group: for any member). */
function hasValue(p: ParticleDescriptor, holder: Model): boolean {
  if (p.property === undefined) return p.kind !== 'element' && p.kind !== 'any' && p.particles.some((c) => hasValue(c, holder));
  const v = holder[p.property];
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

function isObject(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isXmlElement(value: unknown): value is XmlElement {
  return isObject(value) && value.kind === 'element' && typeof value.name === 'string' && Array.isArray(value.children);
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
