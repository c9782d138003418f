/**
 * Mistakes that real documents are known to make, each recognised by name so that the
 * validator can say what happened and how to fix it, instead of a bare "not allowed".
 *
 * The flag attribute is also a compat option: the Appendix M example of the OMA CPM change
 * request and the deployed Android RCS stack write `flag="\Seen"`, where the prose (6.7.5.1)
 * names the attribute `flags`. With `compat: ['flag-attribute']` the parser accepts `flag`,
 * reports a warning, and reads it as `flags`.
 */

const EVFW = 'urn:oma:xml:cpm:evfw';

export type CompatOption = 'flag-attribute';

export interface AttributeDeviation {
  readonly compat: CompatOption;
  readonly namespace: string;
  readonly element: string;
  readonly written: string;
  readonly meant: string;
  readonly message: string;
}

export const ATTRIBUTE_DEVIATIONS: readonly AttributeDeviation[] = [
  {
    compat: 'flag-attribute',
    namespace: EVFW,
    element: 'operation',
    written: 'flag',
    meant: 'flags',
    message:
      'attribute "flag" on <operation> is the spelling of Appendix M and the deployed Android RCS stack; the prose of 6.7.5.1, which is normative, names it "flags"',
  },
];

/** Elements of Appendix M that are placeholders or defects, not elements of the schema. */
export const ELEMENT_HINTS: ReadonlyMap<string, string> = new Map([
  [
    `{${EVFW}}report-data`,
    'Appendix M wraps the operations in <report-data>, which the prose does not define: write <operation> elements directly inside <event-cpm-imap> (D-1)',
  ],
  [
    `{${EVFW}}extension-elements-here`,
    'Appendix M\'s "extension-elements-here" marks where extension elements may go; it is not an element: write elements of another namespace there, or nothing',
  ],
  [
    `{${EVFW}}extension-elements-per-object-here`,
    'Appendix M\'s "extension-elements-per-object-here" marks where extension elements may go; it is not an element: write elements of another namespace there, or nothing',
  ],
]);

export function attributeDeviation(namespace: string, element: string, attribute: string): AttributeDeviation | undefined {
  return ATTRIBUTE_DEVIATIONS.find((d) => d.namespace === namespace && d.element === element && d.written === attribute);
}
