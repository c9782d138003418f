/**
 * Records on each substitution group head the global elements that may stand in its place,
 * transitively and in declaration order, so that emitters can turn a reference to the head
 * into a union of its members.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type ElementDecl, type QName, type SchemaSet } from '../ir/ir.js';

export function collectSubstitutionGroups(set: SchemaSet): SchemaSet {
  const direct = new Map<string, QName[]>();
  for (const schema of set.schemas) {
    for (const decl of schema.elements) {
      if (!decl.substitutionGroup) continue;
      const key = qnameKey(decl.substitutionGroup);
      direct.set(key, [...(direct.get(key) ?? []), decl.name]);
    }
  }
  const transitive = (head: ElementDecl): QName[] => {
    const out: QName[] = [];
    const walk = (name: QName, path: readonly string[]) => {
      for (const member of direct.get(qnameKey(name)) ?? []) {
        const key = qnameKey(member);
        if (path.includes(key)) {
          throw new GeneratorError('xsd.derivation.invalid', `substitution group of "${head.name.name}" is circular`, head.source);
        }
        out.push(member);
        walk(member, [...path, key]);
      }
    };
    walk(head.name, [qnameKey(head.name)]);
    return out;
  };
  return {
    schemas: set.schemas.map((schema) => ({
      ...schema,
      elements: schema.elements.map((decl) => {
        const substitutes = transitive(decl);
        return substitutes.length ? { ...decl, substitutes } : decl;
      }),
    })),
  };
}
