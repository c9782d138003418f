/**
 * Defaults: the smallest valid value of a complex type or a global element. Required attributes
 * and minOccurs children only, the first branch of every choice, and for each simple value the
 * first valid candidate (the enumeration's first value, the field's own name for strings, a
 * plain sample otherwise). The fields of xs:unique and xs:key and xs:ID values are numbered
 * (`index-1`, `index-2`, ...), so defaults never collide.
 *
 * `builder` is what generated `<module>.build.ts` files call: the defaults, then the caller's
 * overrides on top.
 */
import { keyLocalName } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import type { Profile } from '../rules/rule-descriptor.js';
import { resolveSizes, type Draw } from './draw.js';
import { GenerationError, ModelGenerator, newState, type GeneratorState } from './model-generator.js';
import { meets, ruleSamples, type ValueRequirement } from './rule-requirements.js';
import { defaultLexical } from './simple-samples.js';

/** Always the least: minimum counts, nothing optional, the first branch, the first valid value. */
class DefaultDraw implements Draw {
  count(min: number, _max: number): number {
    return min;
  }
  pick(): number {
    return 0;
  }
  chance(): boolean {
    return false;
  }
  /** The first valid candidate; where the rules refuse it, the first value they accept. */
  lexical(type: SimpleTypeDescriptor, name: string, requirement?: ValueRequirement): string | undefined {
    const plain = defaultLexical(type, name);
    if (!requirement || (plain !== undefined && meets(plain, requirement))) return plain;
    return ruleSamples(type, requirement)[0];
  }
  text(): string {
    return 'text';
  }
  name(): string {
    return 'extension';
  }
}

export interface DefaultOptions {
  /**
   * Values already used by unique fields and IDs. Pass the same state to several calls to keep
   * their values distinct across them; by default each call starts afresh.
   */
  readonly state?: GeneratorState;
  /** The profile whose prose rules the value must also meet (see GenerateOptions); default `xsd`. */
  readonly profile?: Profile;
}

/** Everything once: each optional attribute and child present, one of each repetition, the first branch. */
class FullDraw extends DefaultDraw {
  override count(min: number, max: number): number {
    return Math.max(min, Math.min(1, max));
  }
  override chance(): boolean {
    return true;
  }
}

/** The minimal valid value of the complex type `typeKey` (`{namespace}name`). */
export function defaultValue<T>(registry: SchemaRegistry, typeKey: string, options: DefaultOptions = {}): T {
  const generator = new ModelGenerator(registry, new DefaultDraw(), resolveSizes(profileOf(options)), options.state ?? newState());
  return generator.complex(registry.complexType(typeKey), localName(typeKey)) as T;
}

/** The minimal valid value of the global element `elementKey`: what a minimal document holds. */
export function defaultDocument<T>(registry: SchemaRegistry, elementKey: string, options: DefaultOptions = {}): T {
  const decl = registry.element(elementKey);
  if (!decl || decl.abstract) throw new GenerationError(`evfw: ${elementKey} is not a global element that can be a document's root`);
  return new ModelGenerator(registry, new DefaultDraw(), resolveSizes(profileOf(options)), options.state ?? newState()).element(decl) as T;
}

/**
 * The fullest small document of the global element `elementKey`: every optional attribute and
 * child once, with default values. What a reader of a reference wants to see: every part of the
 * namespace, each filled in. Wildcards get no content (`extensions: false` is implied).
 */
export function fullDocument<T>(registry: SchemaRegistry, elementKey: string, options: DefaultOptions = {}): T {
  const decl = registry.element(elementKey);
  if (!decl || decl.abstract) throw new GenerationError(`evfw: ${elementKey} is not a global element that can be a document's root`);
  return new ModelGenerator(registry, new FullDraw(), resolveSizes({ extensions: false, ...profileOf(options) }), options.state ?? newState()).element(decl) as T;
}

function profileOf(options: DefaultOptions): { profile?: Profile } {
  return options.profile === undefined ? {} : { profile: options.profile };
}

/** One state per registry for all builders: two events built one after the other get different indexes. */
const builderStates = new WeakMap<SchemaRegistry, GeneratorState>();

/**
 * A builder of the complex type `typeKey`: its defaults with `overrides` spread on top. Values of
 * unique fields are numbered across every call for the same registry. `profile`: the defaults
 * also meet that profile's prose rules (the overrides are the caller's to keep valid).
 */
export function builder<T extends object>(registry: SchemaRegistry, typeKey: string, options: { readonly profile?: Profile } = {}): (overrides?: Partial<T>) => T {
  return (overrides) => {
    let state = builderStates.get(registry);
    if (!state) {
      state = newState();
      builderStates.set(registry, state);
    }
    return { ...defaultValue<T>(registry, typeKey, { state, ...profileOf(options) }), ...overrides };
  };
}

function localName(key: string): string {
  return keyLocalName(key);
}
