/**
 * Faults in attributes: a required one removed, an undeclared one added, and a declared one
 * given a value outside its enumeration, outside its lexical space, or against a facet.
 */
import type { Fault as ValueFault } from '../../datatypes/index.js';
import type { DiagnosticCode } from '../../diagnostics.js';
import { wildcardAllows } from '../../schema/descriptor.js';
import { faultyValue } from '../faulty-values.js';
import { replaceAt } from '../typed-tree.js';
import { UNDECLARED_ATTRIBUTE, attributeOf, attributePath, removeAttribute, setAttribute, type Fault, type Site } from './fault.js';

export const missingRequiredAttribute: Fault<'missing-required-attribute'> = {
  kind: 'missing-required-attribute',
  code: 'evfw.attribute.required',
  summary: 'a required attribute is left out',
  sites: (c) =>
    c.nodes.flatMap((node) =>
      (node.type?.attributes ?? [])
        .filter((use) => use.required && attributeOf(node.element, use.namespace, use.name))
        .map((use): Site => ({
          path: attributePath(node, c.registry, use),
          description: `the required attribute "${use.name}" is left out of <${node.decl.name}>`,
          apply: () => replaceAt(c.root, node.location, (e) => removeAttribute(e, use.namespace, use.name)),
        })),
    ),
};

export const unknownAttribute: Fault<'unknown-attribute'> = {
  kind: 'unknown-attribute',
  code: 'evfw.attribute.unknown',
  summary: 'an attribute the schema does not declare is added',
  sites: (c) =>
    c.nodes
      .filter((node) => node.decl.type.kind !== 'any' && !attributeOf(node.element, '', UNDECLARED_ATTRIBUTE))
      .filter((node) => !node.type?.attributes.some((a) => a.namespace === '' && a.name === UNDECLARED_ATTRIBUTE))
      .filter((node) => !(node.type?.anyAttribute && wildcardAllows(node.type.anyAttribute, '')))
      .map((node): Site => ({
        path: `${node.path}/@${UNDECLARED_ATTRIBUTE}`,
        description: `<${node.decl.name}> is given the undeclared attribute "${UNDECLARED_ATTRIBUTE}"`,
        apply: () => replaceAt(c.root, node.location, (e) => setAttribute(e, '', UNDECLARED_ATTRIBUTE, 'x')),
      })),
};

function attributeValueFault<K extends string>(kind: K, code: DiagnosticCode, fault: ValueFault, summary: string, what: string): Fault<K> {
  return {
    kind,
    code,
    summary,
    sites: (c) =>
      c.nodes.flatMap((node) =>
        (node.type?.attributes ?? []).flatMap((use): Site[] => {
          const current = attributeOf(node.element, use.namespace, use.name);
          const value = current && faultyValue(use.type, fault, current.value);
          if (value === undefined) return [];
          return [{
            path: attributePath(node, c.registry, use),
            description: `attribute "${use.name}" of <${node.decl.name}> is given ${JSON.stringify(value)}, ${what}`,
            apply: () => replaceAt(c.root, node.location, (e) => setAttribute(e, use.namespace, use.name, value)),
          }];
        }),
      ),
  };
}

export const attributeOutsideEnumeration = attributeValueFault(
  'attribute-outside-enumeration', 'evfw.attribute.enum', 'enum',
  'an enumerated attribute is given a value the enumeration does not list', 'which its enumeration does not list',
);

export const attributeBadLexicalForm = attributeValueFault(
  'attribute-bad-lexical-form', 'evfw.attribute.datatype', 'datatype',
  'an attribute is given a value outside its datatype\'s lexical space', 'which is not a lexical form of its datatype',
);

export const attributeFacetViolated = attributeValueFault(
  'attribute-facet-violated', 'evfw.attribute.facet', 'facet',
  'an attribute is given a value that breaks a facet (range, length, digits, pattern)', 'which breaks a facet of its type',
);
