/**
 * Lookup tables over a SchemaSet: every global component by its expanded name.
 * Built once per stage; the IR itself stays plain data.
 */
import {
  qnameKey,
  type AttributeDecl,
  type AttributeGroupDef,
  type ElementDecl,
  type GroupDef,
  type NotationDecl,
  type QName,
  type Schema,
  type SchemaSet,
  type DeclaredType,
  type Stage,
} from './ir.js';

/** Over a named set (`S` = 'named'), the types it finds carry their TypeScript names. */
export interface SchemaIndex<out S extends Stage = Stage> {
  readonly elements: ReadonlyMap<string, { decl: ElementDecl; schema: Schema<S> }>;
  readonly types: ReadonlyMap<string, { def: DeclaredType<S>; schema: Schema<S> }>;
  readonly attributes: ReadonlyMap<string, AttributeDecl>;
  readonly groups: ReadonlyMap<string, GroupDef>;
  readonly attributeGroups: ReadonlyMap<string, AttributeGroupDef>;
  /** Notation declarations, their own symbol space. */
  readonly notations: ReadonlyMap<string, NotationDecl>;
  element(name: QName): ElementDecl | undefined;
  type(name: QName): DeclaredType<S> | undefined;
}

export function indexSchemas<S extends Stage>(set: SchemaSet<S>): SchemaIndex<S> {
  const elements = new Map<string, { decl: ElementDecl; schema: Schema<S> }>();
  const types = new Map<string, { def: DeclaredType<S>; schema: Schema<S> }>();
  const attributes = new Map<string, AttributeDecl>();
  const groups = new Map<string, GroupDef>();
  const attributeGroups = new Map<string, AttributeGroupDef>();
  const notations = new Map<string, NotationDecl>();
  for (const schema of set.schemas) {
    for (const decl of schema.notations ?? []) notations.set(qnameKey(decl.name), decl);
    for (const decl of schema.elements) elements.set(qnameKey(decl.name), { decl, schema });
    for (const def of schema.types) types.set(qnameKey(def.name), { def, schema });
    for (const decl of schema.attributes) attributes.set(qnameKey(decl.name), decl);
    for (const def of schema.groups) groups.set(qnameKey(def.name), def);
    for (const def of schema.attributeGroups) attributeGroups.set(qnameKey(def.name), def);
  }
  return {
    elements,
    types,
    attributes,
    groups,
    attributeGroups,
    notations,
    element: (name) => elements.get(qnameKey(name))?.decl,
    type: (name) => types.get(qnameKey(name))?.def,
  };
}
