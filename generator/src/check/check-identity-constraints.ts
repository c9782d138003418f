/**
 * The schema component constraints on identity-constraint definitions (XSD 1.0 part 1, 3.11.6,
 * and the symbol spaces of 3.2 / sch-props-correct):
 *
 * - identity-constraint names are one symbol space per namespace, across every element that
 *   declares one, global or local: two xs:unique/xs:key/xs:keyref of one name are an error
 *   (sch-props-correct clause 2);
 * - a keyref's `refer` names an xs:key or xs:unique of the set (src-resolve), not a keyref, and
 *   the keyref has as many fields as the constraint it refers to (c-props-correct).
 *
 * The XPath syntax of selectors and fields is checked where the schema document is read.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type IdentityConstraint, type SchemaSet } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { visitSchemas } from '../ir/visit.js';

export function checkIdentityConstraints(set: SchemaSet, _index: SchemaIndex): void {
  const byName = new Map<string, IdentityConstraint>();
  const keyrefs: IdentityConstraint[] = [];
  visitSchemas(set, {
    element(decl) {
      for (const c of decl.identityConstraints) {
        const key = qnameKey(c.name);
        const first = byName.get(key);
        // The same declaration can be reached twice (an included document read once per
        // includer): the same source is the same constraint, not a second one.
        if (first && !sameSource(first, c)) {
          throw new GeneratorError(
            'xsd.sch-props-correct',
            `the identity constraint "${c.name.name}" (xs:${c.kind}) is declared twice in namespace "${c.name.namespace}": the first is an xs:${first.kind} at ${first.source.file}:${first.source.line}`,
            c.source,
            'identity-constraint names are shared by every xs:unique, xs:key and xs:keyref of a namespace, whichever element declares them: rename one',
          );
        }
        if (!first) byName.set(key, c);
        if (c.kind === 'keyref') keyrefs.push(c);
      }
    },
  });
  for (const keyref of keyrefs) {
    if (!keyref.refer) continue;
    const referred = byName.get(qnameKey(keyref.refer));
    if (!referred) {
      throw new GeneratorError(
        'xsd.reference.unresolved',
        `the xs:keyref "${keyref.name.name}" refers to "${keyref.refer.name}" in namespace "${keyref.refer.namespace}", but no xs:key or xs:unique of that name is declared`,
        keyref.source,
        'declare the xs:key or xs:unique on an element, or correct the prefix and name in refer',
      );
    }
    if (referred.kind === 'keyref') {
      throw new GeneratorError(
        'xsd.c-props-correct',
        `the xs:keyref "${keyref.name.name}" refers to "${referred.name.name}", which is itself an xs:keyref`,
        keyref.source,
        'refer must name an xs:key or an xs:unique',
      );
    }
    if (referred.fields.length !== keyref.fields.length) {
      throw new GeneratorError(
        'xsd.c-props-correct',
        `the xs:keyref "${keyref.name.name}" has ${keyref.fields.length} field(s), but the xs:${referred.kind} "${referred.name.name}" it refers to has ${referred.fields.length}`,
        keyref.source,
        'give the keyref one xs:field for each field of the key, in the same order',
      );
    }
  }
}

function sameSource(a: IdentityConstraint, b: IdentityConstraint): boolean {
  return a.source.file === b.source.file && a.source.line === b.source.line && a.source.column === b.source.column;
}
