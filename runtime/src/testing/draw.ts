/**
 * The decisions the model generator asks for. The generator (model-generator.ts) walks the
 * descriptors once; what it builds depends only on the answers it gets here: the smallest valid
 * value from default-value.ts, or random ones from fast-check in arbitrary.ts. So defaults and
 * arbitraries cannot drift apart in what they consider valid.
 */
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import type { Profile } from '../rules/rule-descriptor.js';
import type { ValueRequirement } from './rule-requirements.js';

export interface Draw {
  /** A whole number from min to max, both included. */
  count(min: number, max: number): number;
  /** An index below `n` (n >= 1). */
  pick(n: number): number;
  /** Whether to add something the schema leaves optional. */
  chance(): boolean;
  /**
   * A valid lexical form of `type`, or undefined when none can be written (an xs:IDREF has to
   * name an ID, an xs:ENTITY a DTD entity). `name` is the attribute's or element's own name,
   * which makes readable defaults ("message-id" for a string called message-id). `requirement`:
   * what the profile's prose rules ask of the value; the value must meet it too.
   */
  lexical(type: SimpleTypeDescriptor, name: string, requirement?: ValueRequirement): string | undefined;
  /** Character data for foreign (wildcard) content. */
  text(): string;
  /** A name for a foreign element or attribute: an NCName that does not start with "xml". */
  name(): string;
}

/** Size controls, shared by defaults, arbitraries and the fixture writer. */
export interface GenerateOptions {
  /**
   * At most this many occurrences above a particle's minOccurs, for maxOccurs="unbounded" and
   * large bounds alike. Default 3.
   */
  readonly maxOccurs?: number;
  /** Elements deeper than this get their minimal content, so recursive schemas end. Default 5. */
  readonly maxDepth?: number;
  /** Whether wildcards (xs:any, xs:anyAttribute) get content when the schema leaves them optional. Default true. */
  readonly extensions?: boolean;
  /**
   * The profile the documents must be valid in, with no error and no warning: `xsd` the schemas
   * alone, `spec` and `invite` their prose rules too (the generators read the rules from the
   * registry and make values that meet them). Default `xsd`, as parseDocument's.
   */
  readonly profile?: Profile;
}

export interface Sizes {
  readonly maxOccurs: number;
  readonly maxDepth: number;
  readonly extensions: boolean;
  readonly profile: Profile;
}

export function resolveSizes(options: GenerateOptions = {}): Sizes {
  return { maxOccurs: options.maxOccurs ?? 3, maxDepth: options.maxDepth ?? 5, extensions: options.extensions ?? true, profile: options.profile ?? 'xsd' };
}

/** Namespaces no schema here declares: lax wildcards hold elements of these, unvalidated. */
export const FIXTURE_NAMESPACE = 'urn:example:fixture';
export const FIXTURE_ATTRIBUTE_NAMESPACE = 'urn:example:fixture:attributes';
