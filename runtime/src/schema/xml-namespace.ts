/**
 * The attributes of the xml: namespace (http://www.w3.org/XML/1998/namespace), as the W3C's
 * xml.xsd declares them. Built in, like the generator's copy of that schema: never fetched.
 */
import type { SchemaDescriptor } from './descriptor.js';

const XML = 'http://www.w3.org/XML/1998/namespace';

export const XML_NAMESPACE_SCHEMA: SchemaDescriptor = {
  namespace: XML,
  prefix: 'xml',
  elements: [],
  complexTypes: [],
  attributes: [
    {
      namespace: XML,
      name: 'lang',
      type: { kind: 'union', members: [{ kind: 'builtin', name: 'language' }, { kind: 'atomic', base: { kind: 'builtin', name: 'string' }, facets: { enumeration: [''] } }], facets: {} },
    },
    { namespace: XML, name: 'space', type: { kind: 'atomic', base: { kind: 'builtin', name: 'NCName' }, facets: { enumeration: ['default', 'preserve'] } } },
    { namespace: XML, name: 'base', type: { kind: 'builtin', name: 'anyURI' } },
    { namespace: XML, name: 'id', type: { kind: 'builtin', name: 'ID' } },
  ],
};
