/**
 * The documents the bench measures, made the same way every run: realistic CPM IMAP events
 * (flags operations on stored messages, identified by uid and folder-path or by the SIP and CPIM
 * headers) drawn by fast-check from a fixed seed, assembled with the generated builders and
 * written by our serializer. One document of about 1 KB, one of about 100 KB and one of about
 * 10 MB (many events under one <cpm-evfw>), and a batch of 10,000 documents of about 1 KB each.
 *
 * Each input is written to a folder as `<id>.xml` (its documents one after the other),
 * `<id>.offsets.json` (where each starts and ends, in bytes) and `<id>.jsonl` (the typed object
 * of each document as one line of JSON), which is what the child processes read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

import { build } from '@evfw/model/cpm-evfw/build';
import { serializeCpmEvfw, type CpmEvfw, type EventCpmImap, type ObjectType, type Operation } from '@evfw/model/cpm-evfw';

export interface InputSpec {
  readonly id: string;
  readonly label: string;
  readonly documents: number;
  /** The size each document is made close to, in bytes. */
  readonly bytesEach: number;
}

export interface Input extends InputSpec {
  /** The bytes of all its documents together. */
  readonly bytes: number;
  /** The bytes of the JSON form of all its documents together. */
  readonly jsonBytes: number;
  readonly events: number;
}

export const INPUT_SPECS: readonly InputSpec[] = [
  { id: '1k', label: '1 KB', documents: 1, bytesEach: 1_000 },
  { id: '100k', label: '100 KB', documents: 1, bytesEach: 100_000 },
  { id: '10m', label: '10 MB', documents: 1, bytesEach: 10_000_000 },
  { id: 'batch', label: '10,000 x 1 KB', documents: 10_000, bytesEach: 1_000 },
];

/** The same seed gives the same documents, byte for byte. */
const SEED = 20_081;
const INDENT = 2;

const token = fc.stringMatching(/^[A-Za-z0-9]{22,28}$/);
const phone = fc.integer({ min: 100_000_000, max: 999_999_999 });
const otherParty = fc.oneof(
  phone.map((n) => `tel:+33${n}`),
  phone.map((n) => `sip:+1${n}@ims.mnc001.mcc310.3gppnetwork.org`),
);
const messageIdOrOtherParty: fc.Arbitrary<ObjectType['messageIdOrOtherParty']> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ $case: fc.constant('messageId' as const), messageId: token }) },
  { weight: 2, arbitrary: fc.record({ $case: fc.constant('messageId' as const), messageId: token, otherParty }) },
  // Appendix M and the deployed Android stack write other-party first (D-5).
  { weight: 1, arbitrary: fc.record({ $case: fc.constant('otherParty' as const), otherParty, messageId: token }) },
);

// The builders' defaults, taken once: each value below is a default with overrides on top, as
// `build.x(overrides)` gives, without redrawing the defaults for each of the 100,000 objects.
const OBJECT = build.objectType();
const OPERATION = build.operation();
const EVENT = build.eventCpmImap();
const DOCUMENT = build.cpmEvfw();

/** A stored message, known to the Message Store (uid and folder-path) or by its SIP and CPIM headers. */
const storedObject: fc.Arbitrary<ObjectType> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ uid: fc.integer({ min: 1, max: 4_294_967_295 }), folder: fc.constantFrom('Default', 'Archive', 'RCS Chats'), conversation: fc.uuid(), id: messageIdOrOtherParty })
      .map(({ uid, folder, conversation, id }): ObjectType => ({ ...OBJECT, uid: String(uid), folderPath: `${folder}/${conversation}`, messageIdOrOtherParty: id })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ conversationId: fc.uuid(), contributionId: fc.uuid(), messageId: token })
      .map(({ conversationId, contributionId, messageId }): ObjectType => ({ ...OBJECT, conversationId, contributionId, messageIdOrOtherParty: { $case: 'messageId', messageId } })),
  },
);

const operation = fc
  .record({ flags: fc.constantFrom('\\Seen' as const, '\\Deleted' as const), objects: fc.array(storedObject, { minLength: 1, maxLength: 2 }) })
  .map(({ flags, objects }): Operation => ({ ...OPERATION, name: 'add', flags, objects }));

/** Events without their index: each document numbers its own, so indexes are unique in it. */
// Mostly one operation, as a client reports a message read or deleted.
const event = fc.oneof({ weight: 3, arbitrary: fc.tuple(operation) }, { weight: 1, arbitrary: fc.tuple(operation, operation) }).map((operations): EventCpmImap => ({ ...EVENT, type: 'flags', operations }));

/** Draws events from one seeded stream, as many as asked for at a time. */
class EventStream {
  private buffered: EventCpmImap[] = [];
  private drawn = 0;

  take(): EventCpmImap {
    if (this.buffered.length === 0) {
      this.buffered = fc.sample(event, { seed: SEED + this.drawn, numRuns: 1_000 });
      this.drawn++;
    }
    return this.buffered.pop()!;
  }
}

function documentOf(events: readonly EventCpmImap[]): CpmEvfw {
  return { ...DOCUMENT, events: events.map((e, i) => ({ $case: 'eventCpmImap', eventCpmImap: { ...e, index: `evt-${i + 1}` } })) };
}

function textOf(model: CpmEvfw): string {
  return serializeCpmEvfw(model, { indent: INDENT });
}

/** How the text grows with events: measured once, on a sample of events from another seed. */
function sizeModel(): { overhead: number; perEvent: number } {
  const sample = fc.sample(event, { seed: SEED - 1, numRuns: 64 });
  const one = textOf(documentOf(sample.slice(0, 1))).length;
  const all = textOf(documentOf(sample)).length;
  const perEvent = (all - one) / (sample.length - 1);
  return { overhead: one - perEvent, perEvent };
}

/** A document of about `bytes` bytes: as many events as make that size on average. */
function documentNear(stream: EventStream, bytes: number, size: { overhead: number; perEvent: number }): CpmEvfw {
  const count = Math.max(1, Math.round((bytes - size.overhead) / size.perEvent));
  const events: EventCpmImap[] = [];
  while (events.length < count) events.push(stream.take());
  return documentOf(events);
}

export interface MadeInput {
  readonly input: Input;
  readonly texts: readonly string[];
  readonly models: readonly CpmEvfw[];
}

export function makeInput(spec: InputSpec): MadeInput {
  const stream = new EventStream();
  const size = sizeModel();
  const models: CpmEvfw[] = [];
  for (let i = 0; i < spec.documents; i++) models.push(documentNear(stream, spec.bytesEach, size));
  const texts = models.map(textOf);
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const jsonBytes = models.reduce((sum, model) => sum + Buffer.byteLength(JSON.stringify(model)), 0);
  const events = models.reduce((sum, model) => sum + model.events.length, 0);
  return { input: { ...spec, bytes, jsonBytes, events }, texts, models };
}

/** Writes the files the child processes read (see the header). */
export function writeInput(dir: string, made: MadeInput): void {
  mkdirSync(dir, { recursive: true });
  const buffers = made.texts.map((text) => Buffer.from(text));
  const offsets: number[] = [0];
  for (const buffer of buffers) offsets.push(offsets[offsets.length - 1]! + buffer.length);
  writeFileSync(path.join(dir, `${made.input.id}.xml`), Buffer.concat(buffers));
  writeFileSync(path.join(dir, `${made.input.id}.offsets.json`), JSON.stringify(offsets));
  writeFileSync(path.join(dir, `${made.input.id}.jsonl`), made.models.map((model) => JSON.stringify(model)).join('\n'));
}

/** Writes each document of an input as a file of its own, for the commands (xmllint, evfw). */
export function writeFiles(dir: string, made: MadeInput): readonly string[] {
  mkdirSync(dir, { recursive: true });
  const width = String(made.texts.length).length;
  return made.texts.map((text, i) => {
    const name = `${String(i + 1).padStart(width, '0')}.xml`;
    writeFileSync(path.join(dir, name), text);
    return name;
  });
}
