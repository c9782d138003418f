/**
 * Turns the schema documents, each read (read/read-schema.ts), into one SchemaSet: merges the
 * documents of a namespace, and checks that every component is declared once and every reference resolves.
 * After this stage a reference that names nothing cannot reach a transform or an emitter.
 */
import { GeneratorError } from '../errors.js';
import type { SchemaPart } from '../read/read-schema.js';
import { BUILTIN_TYPES, builtinKind } from './builtins.js';
import { XSD_NAMESPACE, qnameKey, type QName, type Schema, type SchemaSet, type Source } from './ir.js';
import { applyRedefinitions } from './apply-redefinitions.js';
import { checkComponentGraph } from './check-component-graph.js';
import { checkNotations } from './check-notations.js';
import { normalizeEnumerations } from './enumeration-values.js';
import { resolveQNameEnumerations } from './qname-enumerations.js';
import { checkRedefinedRestrictions } from '../check/redefine-restrictions.js';
import { indexSchemas } from './schema-index.js';
import { DEFAULT_SCHEMA_LIMITS, type SchemaLimits } from './schema-limits.js';
import { visitSchemas } from './visit.js';

export function assembleSchemas(documents: readonly SchemaPart[], limits: Partial<SchemaLimits> = {}): SchemaSet {
  const byNamespace = new Map<string, { parts: SchemaPart[]; builtin: boolean }>();
  // Redefinitions first: they rename components of the documents they redefine (apply-redefinitions.ts).
  const { parts: redefined, restrictions } = applyRedefinitions(documents);
  for (const part of redefined) {
    const entry = byNamespace.get(part.namespace) ?? { parts: [], builtin: part.builtin };
    entry.parts.push(part);
    byNamespace.set(part.namespace, entry);
  }
  const schemas: Schema[] = [...byNamespace.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([namespace, { parts, builtin }]) => ({
      namespace,
      files: parts.map((p) => p.file),
      builtin,
      prefix: parts.find((p) => p.prefix !== undefined)?.prefix,
      documentation: parts.map((p) => p.documentation).filter(Boolean).join('\n\n') || undefined,
      elements: parts.flatMap((p) => p.elements),
      attributes: parts.flatMap((p) => p.attributes),
      types: parts.flatMap((p) => p.types),
      groups: parts.flatMap((p) => p.groups),
      attributeGroups: parts.flatMap((p) => p.attributeGroups),
      ...notationsOf(parts),
    }));
  const set: SchemaSet = { schemas };
  checkDuplicates(set);
  checkReferences(set);
  const index = indexSchemas(set);
  checkComponentGraph(set, index, { ...DEFAULT_SCHEMA_LIMITS, ...limits });
  const resolved = resolveQNameEnumerations(normalizeEnumerations(set, index), redefined);
  const resolvedIndex = resolved === set ? index : indexSchemas(resolved);
  checkNotations(resolved, resolvedIndex);
  checkRedefinedRestrictions(restrictions, resolvedIndex);
  return resolved;
}

/** The namespace's notations, left out when it has none (as most schemas do). */
function notationsOf(parts: readonly SchemaPart[]): Pick<Schema, 'notations'> {
  const notations = parts.flatMap((p) => p.notations);
  return notations.length > 0 ? { notations } : {};
}

function checkDuplicates(set: SchemaSet): void {
  for (const schema of set.schemas) {
    const kinds: [string, readonly { name: QName | undefined; source: Source }[]][] = [
      ['element', schema.elements],
      ['attribute', schema.attributes],
      ['type', schema.types],
      ['group', schema.groups],
      ['attribute group', schema.attributeGroups],
      ['notation', schema.notations ?? []],
    ];
    for (const [kind, components] of kinds) {
      const first = new Map<string, Source>();
      for (const component of components) {
        if (!component.name) continue;
        const key = qnameKey(component.name);
        const earlier = first.get(key);
        if (earlier) {
          throw new GeneratorError(
            'xsd.component.duplicate',
            `${kind} "${component.name.name}" is declared twice in namespace "${schema.namespace}" (first at ${earlier.file}:${earlier.line}:${earlier.column})`,
            component.source,
          );
        }
        first.set(key, component.source);
      }
    }
  }
}

function checkReferences(set: SchemaSet): void {
  const index = indexSchemas(set);
  const unresolved = (kind: string, name: QName, source: Source): never => {
    throw new GeneratorError('xsd.reference.unresolved', `${kind} "${name.name}" in namespace "${name.namespace}" is not declared`, source, unresolvedHint(set, name));
  };
  visitSchemas(set, {
    element(decl) {
      if (decl.type?.kind === 'type-ref' && !builtinKind(decl.type.ref) && !index.types.has(qnameKey(decl.type.ref))) {
        unresolved('type', decl.type.ref, decl.source);
      }
      if (decl.substitutionGroup && !index.elements.has(qnameKey(decl.substitutionGroup))) {
        unresolved('substitution group head', decl.substitutionGroup, decl.source);
      }
    },
    type(def) {
      const check = (ref: QName | undefined) => {
        if (ref && !builtinKind(ref) && !index.types.has(qnameKey(ref))) unresolved('type', ref, def.source);
      };
      if (def.kind === 'complex') {
        check(def.derivation?.base);
        if (def.content.kind === 'simple' && def.content.type.kind === 'type-ref') check(def.content.type.ref);
      } else {
        for (const ref of [def.base, def.itemType, ...def.memberTypes]) if (ref?.kind === 'type-ref') check(ref.ref);
      }
    },
    particle(p) {
      if (p.kind === 'element-ref' && !index.elements.has(qnameKey(p.ref))) unresolved('element', p.ref, p.source);
      if (p.kind === 'group-ref' && !index.groups.has(qnameKey(p.ref))) unresolved('group', p.ref, p.source);
    },
    attributeUse(use) {
      if (use.kind === 'attribute-ref' && !index.attributes.has(qnameKey(use.ref))) unresolved('attribute', use.ref, use.source);
      if (use.kind === 'attribute-group-ref' && !index.attributeGroups.has(qnameKey(use.ref))) {
        unresolved('attribute group', use.ref, use.source);
      }
      if (use.kind === 'attribute' && use.attribute.type?.kind === 'type-ref') {
        const ref = use.attribute.type.ref;
        if (!builtinKind(ref) && !index.types.has(qnameKey(ref))) unresolved('type', ref, use.attribute.source);
      }
    },
  });
  for (const schema of set.schemas) {
    for (const decl of schema.attributes) {
      if (decl.type?.kind === 'type-ref' && !builtinKind(decl.type.ref) && !index.types.has(qnameKey(decl.type.ref))) {
        unresolved('type', decl.type.ref, decl.source);
      }
    }
  }
}

/** A misspelt built-in type is the common case in the XSD namespace: name the built-in it resembles. */
function unresolvedHint(set: SchemaSet, name: QName): string {
  if (name.namespace === XSD_NAMESPACE) {
    const near = Object.keys(BUILTIN_TYPES).find((builtin) => builtin.toLowerCase() === name.name.toLowerCase());
    return near ? `the built-in type is spelt "${near}": XSD names are case-sensitive` : `"${name.name}" is not an XSD 1.0 built-in type: check the spelling`;
  }
  const known = set.schemas.some((s) => s.namespace === name.namespace);
  return known ? 'check the spelling and the prefix' : `no schema for namespace "${name.namespace}" was loaded: add an <xs:import> with a local schemaLocation, or pass that schema too`;
}
