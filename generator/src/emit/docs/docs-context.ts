/**
 * What every part of the docs emitter needs to know beyond the node at hand: the lookup tables
 * of the IR, the module and prefix of each namespace (to name and link types of other
 * namespaces), and the anchors given so far, which must be unique within a page.
 */
import { XSD_NAMESPACE, type QName, type Schema, type NamedSchemaSet, type TypeDef, type TypeRef } from '../../ir/ir.js';
import { indexSchemas, type SchemaIndex } from '../../ir/schema-index.js';
import { code, link, type Fragment } from './docs-model.js';

export class DocsContext {
  readonly index: SchemaIndex<'named'>;
  private readonly prefixes = new Map<string, string>();

  constructor(
    readonly ir: NamedSchemaSet,
    readonly modules: ReadonlyMap<string, string>,
  ) {
    this.index = indexSchemas(ir);
    for (const schema of ir.schemas) if (schema.prefix) this.prefixes.set(schema.namespace, schema.prefix);
  }

  /** `evfw:imap-flag`, `xs:string`, or the bare name for a namespace without a prefix. */
  qualified(name: QName): string {
    if (name.namespace === XSD_NAMESPACE) return `xs:${name.name}`;
    const prefix = this.prefixes.get(name.namespace);
    return prefix ? `${prefix}:${name.name}` : name.name;
  }

  /** The definition a reference names, following a named reference into the IR. */
  resolve(ref: TypeRef | undefined): TypeDef | undefined {
    if (!ref) return undefined;
    return ref.kind === 'type-ref' ? this.index.type(ref.ref) : ref;
  }

  /** A named type of the schemas, linked to its entry; built-in and unknown types as literals. */
  typeLink(name: QName, from: Schema): Fragment {
    const def = this.index.type(name);
    const module = this.modules.get(name.namespace);
    if (!def || def.anonymous || module === undefined) return code(this.qualified(name));
    return link(this.qualified(name), { kind: 'anchor', anchor: typeAnchor(name), ...(name.namespace === from.namespace ? {} : { module }) });
  }

  /** A global element, linked to its section. */
  elementLink(name: QName, from: Schema): Fragment {
    const module = this.modules.get(name.namespace);
    if (module === undefined || !this.index.element(name)) return code(`<${name.name}>`);
    return link(`<${name.name}>`, { kind: 'anchor', anchor: globalElementAnchor(name), ...(name.namespace === from.namespace ? {} : { module }) });
  }
}

export function typeAnchor(name: QName): string {
  return `type.${name.name}`;
}

export function globalElementAnchor(name: QName): string {
  return `element.${name.name}`;
}

export function localElementAnchor(typeName: string, element: string): string {
  return `element.${typeName}.${element}`;
}

/** Unique anchors within one page: a second `x` becomes `x-2`. */
export class Anchors {
  private readonly taken = new Set<string>();
  claim(wanted: string): string {
    let anchor = wanted;
    for (let n = 2; this.taken.has(anchor); n++) anchor = `${wanted}-${n}`;
    this.taken.add(anchor);
    return anchor;
  }
}
