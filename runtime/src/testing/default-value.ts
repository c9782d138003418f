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
import { resolveSizes, type Draw } from './draw.js';
import { GenerationError, ModelGenerator, newState, type GeneratorState } from './model-generator.js';
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
  lexical = defaultLexical;
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
  const generator = new ModelGenerator(registry, new DefaultDraw(), resolveSizes(), options.state ?? newState());
  return generator.complex(registry.complexType(typeKey), localName(typeKey)) as T;
}

/** The minimal valid value of the global element `elementKey`: what a minimal document holds. */
export function defaultDocument<T>(registry: SchemaRegistry, elementKey: string, options: DefaultOptions = {}): T {
  const decl = registry.element(elementKey);
  if (!decl || decl.abstract) throw new GenerationError(`evfw: ${elementKey} is not a global element that can be a document's root`);
  return new ModelGenerator(registry, new DefaultDraw(), resolveSizes(), options.state ?? newState()).element(decl) as T;
}

/**
 * The fullest small document of the global element `elementKey`: every optional attribute and
 * child once, with default values. What a reader of a reference wants to see: every part of the
 * namespace, each filled in. Wildcards get no content (`extensions: false` is implied).
 */
export function fullDocument<T>(registry: SchemaRegistry, elementKey: string, options: DefaultOptions = {}): T {
  const decl = registry.element(elementKey);
  if (!decl || decl.abstract) throw new GenerationError(`evfw: ${elementKey} is not a global element that can be a document's root`);
  return new ModelGenerator(registry, new FullDraw(), resolveSizes({ extensions: false }), options.state ?? newState()).element(decl) as T;
}

/** One state per registry for all builders: two events built one after the other get different indexes. */
const builderStates = new WeakMap<SchemaRegistry, GeneratorState>();

/**
 * A builder of the complex type `typeKey`: its defaults with `overrides` spread on top. Values of
 * unique fields are numbered across every call for the same registry.
 */
export function builder<T extends object>(registry: SchemaRegistry, typeKey: string): (overrides?: Partial<T>) => T {
  return (overrides) => {
    let state = builderStates.get(registry);
    if (!state) {
      state = newState();
      builderStates.set(registry, state);
    }
    return { ...defaultValue<T>(registry, typeKey, { state }), ...overrides };
  };
}

function localName(key: string): string {
  return keyLocalName(key);
}
