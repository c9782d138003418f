/**
 * fast-check arbitraries of model values, for any complex type or global element of a
 * registry: random values that respect cardinalities, choices, enumerations, facets, patterns,
 * uniqueness and wildcards (see model-generator.ts for the rules), sized by GenerateOptions;
 * with `profile: 'spec'` or `'invite'`, values that meet that profile's prose rules too.
 *
 * They are built on fc.gen(): the generator walks the descriptors and asks fast-check for each
 * decision, so a failing case shrinks decision by decision and replays from its seed.
 */
import fc from 'fast-check';
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import { keyLocalName } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { resolveSizes, type Draw, type GenerateOptions } from './draw.js';
import { GenerationError, ModelGenerator } from './model-generator.js';
import { ruleArbitrary, type ValueRequirement } from './rule-requirements.js';
import { lexicalArbitrary, ncNameArbitrary, xmlChar } from './simple-arbitrary.js';

export type ArbitraryOptions = GenerateOptions;

// fc.gen() caches arbitraries by builder function and compares arguments deeply; an argument
// that is itself an arbitrary makes every draw walk its whole structure. So each arbitrary gets
// a builder of its own that takes no arguments.
const builders = new WeakMap<fc.Arbitrary<unknown>, () => fc.Arbitrary<unknown>>();

function builderOf<T>(arbitrary: fc.Arbitrary<T>): () => fc.Arbitrary<T> {
  let builder = builders.get(arbitrary);
  if (!builder) {
    builder = () => arbitrary;
    builders.set(arbitrary, builder);
  }
  return builder as () => fc.Arbitrary<T>;
}

const TEXT = fc.array(xmlChar, { maxLength: 10 }).map((chars) => chars.join(''));
const NAME = ncNameArbitrary();

class FastCheckDraw implements Draw {
  constructor(private readonly g: fc.GeneratorValue) {}

  count(min: number, max: number): number {
    return min >= max ? min : this.g(fc.integer, { min, max });
  }
  pick(n: number): number {
    return n <= 1 ? 0 : this.g(fc.integer, { min: 0, max: n - 1 });
  }
  chance(): boolean {
    return this.g(fc.boolean);
  }
  lexical(type: SimpleTypeDescriptor, _name: string, requirement?: ValueRequirement): string | undefined {
    const arbitrary = requirement ? ruleArbitrary(type, requirement) : lexicalArbitrary(type);
    return arbitrary && this.g(builderOf(arbitrary));
  }
  text(): string {
    return this.g(builderOf(TEXT));
  }
  name(): string {
    return this.g(builderOf(NAME));
  }
}

/** Random valid values of the complex type `typeKey` (`{namespace}name`). */
export function typeArbitrary<T>(registry: SchemaRegistry, typeKey: string, options: ArbitraryOptions = {}): fc.Arbitrary<T> {
  const sizes = resolveSizes(options);
  const type = registry.complexType(typeKey);
  const name = keyLocalName(typeKey);
  return fc.gen().map((g) => new ModelGenerator(registry, new FastCheckDraw(g), sizes).complex(type, name) as T);
}

/**
 * Random valid documents whose root is the global element `elementKey`: its model values,
 * with the element's identity constraints kept.
 */
export function documentArbitrary<T>(registry: SchemaRegistry, elementKey: string, options: ArbitraryOptions = {}): fc.Arbitrary<T> {
  const sizes = resolveSizes(options);
  const decl = registry.element(elementKey);
  if (!decl || decl.abstract) throw new GenerationError(`evfw: ${elementKey} is not a global element that can be a document's root`);
  return fc.gen().map((g) => new ModelGenerator(registry, new FastCheckDraw(g), sizes).element(decl) as T);
}
