/**
 * Faults in element values (simple types and simple content): a value outside the enumeration,
 * outside the lexical space or against a facet, and a child element where only text may be.
 */
import type { Fault as ValueFault, SimpleTypeDescriptor } from '../../datatypes/index.js';
import type { DiagnosticCode } from '../../diagnostics.js';
import { faultyValue } from '../faulty-values.js';
import { replaceAt, type TypedNode } from '../typed-tree.js';
import { UNDECLARED_ELEMENT, textOf, withChildren, withText, type Fault, type Site } from './fault.js';

/** The simple type of an element's value, if its content is a simple value. */
export function valueType(node: TypedNode): SimpleTypeDescriptor | undefined {
  if (node.decl.type.kind === 'simple') return node.decl.type.type;
  return node.type?.content.kind === 'simple' ? node.type.content.type : undefined;
}

function valueFault<K extends string>(kind: K, code: DiagnosticCode, fault: ValueFault, summary: string, what: string): Fault<K> {
  return {
    kind,
    code,
    summary,
    sites: (c) =>
      c.nodes.flatMap((node): Site[] => {
        const type = valueType(node);
        const value = type && faultyValue(type, fault, textOf(node.element));
        // An empty element takes its declaration's default, which is valid.
        if (value === undefined || (value === '' && node.decl.default !== undefined)) return [];
        return [{
          path: node.path,
          description: `<${node.decl.name}> is given the value ${JSON.stringify(value)}, ${what}`,
          apply: () => replaceAt(c.root, node.location, (e) => withText(e, value)),
        }];
      }),
  };
}

export const valueOutsideEnumeration = valueFault(
  'value-outside-enumeration', 'evfw.value.enum', 'enum',
  'an enumerated element value is replaced by one the enumeration does not list', 'which its enumeration does not list',
);

export const valueBadLexicalForm = valueFault(
  'value-bad-lexical-form', 'evfw.value.datatype', 'datatype',
  'an element value is replaced by text outside its datatype\'s lexical space', 'which is not a lexical form of its datatype',
);

export const valueFacetViolated = valueFault(
  'value-facet-violated', 'evfw.value.facet', 'facet',
  'an element value is replaced by one that breaks a facet (range, length, digits, pattern)', 'which breaks a facet of its type',
);

export const elementInSimpleContent: Fault<'element-in-simple-content'> = {
  kind: 'element-in-simple-content',
  code: 'evfw.content.element-in-simple',
  summary: 'a child element is put into an element whose content is a simple value',
  sites: (c) =>
    c.nodes
      .filter((node) => valueType(node) !== undefined)
      .map((node): Site => ({
        path: `${node.path}/${UNDECLARED_ELEMENT}[1]`,
        description: `<${node.decl.name}>, which holds a simple value, is given a child element`,
        apply: () =>
          replaceAt(c.root, node.location, (e) =>
            withChildren(e, [...e.children, { kind: 'element', namespace: node.decl.namespace, name: UNDECLARED_ELEMENT, attributes: [], children: [] }]),
          ),
      })),
};
