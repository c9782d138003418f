/**
 * What an implementer writes against the generated package, imported only through its
 * exports map. It must compile; each @ts-expect-error line must fail to compile, which proves
 * the types reject what the schema rejects (tsc reports an unused @ts-expect-error).
 */
import type { Diagnostic, ParseResult, XmlElement } from '@evfw/model';
import { cpmEvfw, imdn, registry } from '@evfw/model';
import type { CpmEvfw, ObjectType, Operation } from '@evfw/model/cpm-evfw';
import { NAMESPACE, parseCpmEvfw, serializeCpmEvfw } from '@evfw/model/cpm-evfw';
import type { LocationShared } from '@evfw/model/example-app-event';
import { documents } from '@evfw/model/cpm-evfw/arbitraries';
import { build } from '@evfw/model/cpm-evfw/build';
import { build as imdnBuild } from '@evfw/model/imdn/build';
import { validateObjectCpmEvfw } from '@evfw/model/cpm-evfw/object';
import { mutate, type Mutant } from '@evfw/runtime/testing';
import type { Arbitrary } from 'fast-check';

const appEvent: XmlElement = {
  kind: 'element',
  namespace: 'urn:example:evfw:app:location-shared',
  name: 'location-shared',
  attributes: [{ namespace: '', name: 'index', value: 'loc-1' }],
  children: [{ kind: 'text', text: 'kept as-is' }],
};

export const report: CpmEvfw = {
  events: [
    {
      $case: 'eventCpmImap',
      eventCpmImap: {
        type: 'flags',
        index: 'gt4fd890bu8',
        operations: [
          {
            name: 'add',
            flags: '\\Seen',
            objects: [
              { uid: '58175', folderPath: 'Default/', messageIdOrOtherParty: { $case: 'messageId', messageId: '7Qsg' }, extensions: [] },
              {
                conversationId: 'ruhf',
                contributionId: 'uhfd',
                messageIdOrOtherParty: { $case: 'otherParty', otherParty: 'tel:+15145554321', messageId: '7Qsh' },
                extensions: [],
              },
            ],
          },
        ],
        extensions: [],
      },
    },
    { $case: 'extension', extension: appEvent },
  ],
};

/** Narrowing on `$case` gives the typed event; extension events stay XML nodes. */
export function flagsOf(doc: CpmEvfw): string[] {
  return doc.events.flatMap((event) => (event.$case === 'eventCpmImap' ? event.eventCpmImap.operations.map((o) => o.flags) : []));
}

export function messageIdOf(object: ObjectType): string | undefined {
  const ids = object.messageIdOrOtherParty;
  if (!ids) return undefined;
  return ids.$case === 'messageId' ? ids.messageId : ids.messageId;
}

export const namespaces = [NAMESPACE, cpmEvfw.NAMESPACE, imdn.NAMESPACE];

export const location: LocationShared = { index: 'loc-1', at: '2026-11-25T12:00:00Z', position: { latitude: '45.5', longitude: '-73.6' } };

export const delivered: imdn.Imdn = {
  messageId: '7Qsg',
  datetime: '2026-11-25T12:00:00Z',
  notification: { $case: 'deliveryNotification', deliveryNotification: { status: { deliveryDisposition: { $case: 'delivered', delivered: {} }, extensions: [] } } },
  extensions: [],
};

// @ts-expect-error: flags are exact and case-sensitive (D-2)
export const lowercaseFlag: Operation = { name: 'add', flags: '\\seen', objects: [] };

// @ts-expect-error: the attribute is `flags`, not Appendix M's `flag` (D-1)
export const misspelledFlag: Operation = { name: 'add', flag: '\\Seen', objects: [] };

// @ts-expect-error: `remove` is not an operation name
export const removeOperation: Operation = { name: 'remove', flags: '\\Seen', objects: [] };

// @ts-expect-error: the message-id-first branch must carry message-id
export const missingMessageId: ObjectType['messageIdOrOtherParty'] = { $case: 'messageId', otherParty: 'tel:+1' };

// @ts-expect-error: an event must be narrowed before its IMAP fields are read
export const unnarrowed = report.events[0]!.eventCpmImap;

// Reading and writing: the result narrows on `ok`; diagnostics are typed.

export const written: string = serializeCpmEvfw(report, { indent: 2 });
const parsed: ParseResult<CpmEvfw> = parseCpmEvfw(written, { compat: ['flag-attribute'], limits: { maxDepth: 64 } });
export const firstIndex: string | undefined = parsed.ok && parsed.value.events[0]?.$case === 'eventCpmImap' ? parsed.value.events[0].eventCpmImap.index : undefined;
export const problems: readonly Diagnostic[] = parsed.diagnostics;
// @ts-expect-error: the value exists only on success
export const unchecked = parsed.value;
// @ts-expect-error: compat options are a closed list
parseCpmEvfw(written, { compat: ['anything-goes'] });

// Test helpers, as runtime/README.md's "Test helpers" uses them.

export const built: CpmEvfw = build.cpmEvfw({
  events: [{ $case: 'eventCpmImap', eventCpmImap: build.eventCpmImap({ operations: [build.operation({ objects: [build.objectType({ uid: '58175' })] })] }) }],
});
export const builtImdn = imdnBuild.imdn({ messageId: '34jk324j' });
export const reports: Arbitrary<CpmEvfw> = documents.cpmEvfw({ maxOccurs: 2 });
export const mutant: Mutant | undefined = mutate(registry, '{urn:oma:xml:cpm:evfw}cpm-evfw', built, 'duplicate-unique-value');
// @ts-expect-error: overrides are type-checked like the value itself
build.operation({ flags: '\\Flagged' });
// @ts-expect-error: fault kinds are a closed list
mutate(registry, '{urn:oma:xml:cpm:evfw}cpm-evfw', built, 'anything-wrong');

// The JSON form, checked without ajv: the same diagnostics as the XML validator, JSON-pointer paths.
export const objectDiagnostics: readonly Diagnostic[] = validateObjectCpmEvfw(JSON.parse(JSON.stringify(report)) as unknown);
