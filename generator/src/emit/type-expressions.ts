/**
 * TypeScript type expressions for schema types, shared by the emitters that write model types
 * (the types emitter's modules, and the builders' and arbitraries' files that name element
 * values): built-in types by their value kind, inline simple types by their bodies, named types
 * by name, imported from their namespace's module when the file is not that module.
 */
import { builtinKind, type ValueKind } from '../ir/builtins.js';
import { qnameKey, type DeclaredType, type ElementDecl, type Schema, type SimpleType, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { literal } from './escape/index.js';
import type { EmitContext } from './emitter.js';
import type { GeneratedFile } from './generated-file.js';
import { substitutableTypes } from '../ir/substitutable-types.js';

export class TypeExpressions {
  constructor(
    private readonly schema: Schema<'named'>,
    private readonly index: SchemaIndex<'named'>,
    private readonly context: EmitContext,
    private readonly file: GeneratedFile,
    /** Whether the file is not the namespace's own module, so its types must be imported. */
    private readonly importOwnTypes = false,
  ) {}

  /** An element's value: its type, its substitution head's type, or any XML at all. */
  elementType(decl: ElementDecl): string {
    if (decl.type) return this.withDerivedTypes(decl, this.typeExpr(decl.type));
    if (decl.substitutionGroup) return this.elementType(this.index.element(decl.substitutionGroup)!);
    return this.runtime('XmlElement');
  }

  /**
   * An element whose declared complex type has derived types that xsi:type may name in its
   * place (ir/substitutable-types.ts) holds any of them, told apart by `$type`, the type's key; a value
   * of the declared type may leave `$type` out. Any other element: its declared type alone.
   */
  private withDerivedTypes(decl: ElementDecl, declaredType: string): string {
    if (decl.type?.kind !== 'type-ref') return declaredType;
    const declared = this.index.type(decl.type.ref);
    if (declared?.kind !== 'complex') return declaredType;
    const derived = substitutableTypes(this.index, decl, declared);
    if (derived.length === 0) return declaredType;
    const branch = (def: DeclaredType<'named'>, optional: boolean) => `(${this.typeName(def)} & { $type${optional ? '?' : ''}: ${literal(qnameKey(def.name))} })`;
    const branches = derived.map((def) => branch(def, false));
    if (!declared.abstract) branches.unshift(branch(declared, true));
    return branches.join(' | ');
  }

  /** A type reference as a TypeScript type: a built-in's kind, an inline simple type's body, or a named type. */
  typeExpr(ref: TypeRef | undefined): string {
    if (!ref) return 'string'; // an attribute with no type is xs:anySimpleType
    if (ref.kind === 'simple') return this.simpleBody(ref);
    if (ref.kind === 'complex') return this.runtime('XmlElement');
    const kind = builtinKind(ref.ref);
    if (kind) return kindType(kind, () => this.runtime('XmlElement'));
    const found = this.index.types.get(qnameKey(ref.ref))!;
    if (found.schema.builtin && found.def.kind === 'simple') return this.simpleBody(found.def);
    return this.typeName(found.def);
  }

  /** The name of a generated type, imported when it lives in another namespace's module. */
  typeName(def: DeclaredType<'named'>): string {
    const owner = this.index.types.get(qnameKey(def.name))!.schema;
    if (owner.namespace === this.schema.namespace && !this.importOwnTypes) return def.tsName;
    const module = this.context.modules.get(owner.namespace)!;
    return this.file.importType(def.tsName, `./${module}.js`);
  }

  /** A simple type's body: a list's array, a union of its members, an enumeration's literals, or its base. */
  simpleBody(def: SimpleType): string {
    if (def.variety === 'list') return arrayOf(this.typeExpr(def.itemType));
    if (def.variety === 'union') return [...new Set(def.memberTypes.map((m) => this.typeExpr(m)))].join(' | ');
    const enumerations = def.facets.filter((f) => f.kind === 'enumeration');
    if (enumerations.length === 0) return this.typeExpr(def.base);
    const kind = this.valueKind(def.base);
    return [...new Set(enumerations.map((f) => enumerationLiteral(f.value, kind)))].join(' | ');
  }

  private valueKind(ref: TypeRef | undefined): ValueKind {
    if (!ref) return 'string';
    if (ref.kind === 'complex') return 'any';
    if (ref.kind === 'simple') return ref.variety === 'atomic' ? this.valueKind(ref.base) : 'string';
    const kind = builtinKind(ref.ref);
    if (kind) return kind;
    return this.valueKind(this.index.type(ref.ref));
  }

  /** A type the runtime exports, imported into the file. */
  runtime(name: string): string {
    return this.file.importType(name, this.context.codegenEntry);
  }
}

function kindType(kind: ValueKind, any: () => string): string {
  switch (kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string-list':
      return 'string[]';
    case 'any':
      return any();
  }
}

/** An enumeration value as the literal type of its value kind: `1.5`, `true`, `'red'`. */
function enumerationLiteral(value: string, kind: ValueKind): string {
  if (kind === 'number' && Number.isFinite(Number(value))) return literal(Number(value));
  if (kind === 'boolean') return literal(value === 'true' || value === '1');
  return literal(value);
}

export function arrayOf(type: string): string {
  return /^[A-Za-z0-9_$.]+$/.test(type) ? `${type}[]` : `Array<${type}>`;
}
