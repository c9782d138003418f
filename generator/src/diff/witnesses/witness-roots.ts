/**
 * Where documents that may show a change start. A change's paths begin at a global element,
 * and a document rooted there is the shortest way to it: one of the change's namespace first,
 * else one of that name in another namespace (a type of the changed namespace used by an
 * element of another). When no global element has the name (it is abstract, or local in this
 * version), documents start at the global elements that can hold an element of that name, as
 * deep as it sits in them, through references, substitution groups and wildcards.
 */
import { componentKey, wildcardAllows, type ElementDescriptor, type ParticleDescriptor, type SchemaRegistry } from '@evfw/runtime/schema';
import { headOf } from './witness-attribution.js';

export interface WitnessRoot {
  /** The global element, `{namespace}name`. */
  readonly key: string;
  /** Elements between the root and the first element of the change's paths (0 when it is the root). */
  readonly offset: number;
}

/** Containers deeper than this are not worth drawing from: the change would rarely show. */
const MAX_OFFSET = 4;

export function witnessRoots(registry: SchemaRegistry, namespace: string, paths: readonly string[]): WitnessRoot[] {
  const heads = new Set(paths.map(headOf).filter((h): h is string => h !== undefined));
  const globals = registry.globalElements().filter((e) => !e.abstract);
  const named = globals.filter((e) => heads.has(e.name));
  const own = named.filter((e) => e.namespace === namespace);
  const direct = own.length > 0 ? own : named;
  if (direct.length > 0) return direct.map((e) => ({ key: componentKey(e.namespace, e.name), offset: 0 }));
  const roots: WitnessRoot[] = [];
  for (const decl of globals) {
    const offset = distance(registry, decl, heads);
    if (offset !== undefined) roots.push({ key: componentKey(decl.namespace, decl.name), offset });
  }
  return roots.sort((a, b) => a.offset - b.offset);
}

/** How many levels below `root` an element named in `wanted` can first appear, breadth first. */
function distance(registry: SchemaRegistry, root: ElementDescriptor, wanted: ReadonlySet<string>): number | undefined {
  let level: ElementDescriptor[] = [root];
  const seen = new Set<ElementDescriptor>([root]);
  for (let depth = 1; depth <= MAX_OFFSET && level.length > 0; depth++) {
    const next: ElementDescriptor[] = [];
    for (const decl of level) {
      for (const child of children(registry, decl)) {
        if (seen.has(child)) continue;
        if (wanted.has(child.name)) return depth;
        seen.add(child);
        next.push(child);
      }
    }
    level = next;
  }
  return undefined;
}

/** The element declarations a document may nest directly in an element of `decl`. */
function children(registry: SchemaRegistry, decl: ElementDescriptor): ElementDescriptor[] {
  if (decl.type.kind !== 'complex') return [];
  const content = registry.complexType(decl.type.ref).content;
  return content.kind === 'elements' ? particleElements(registry, content.particle) : [];
}

function particleElements(registry: SchemaRegistry, p: ParticleDescriptor): ElementDescriptor[] {
  if (p.max === 0) return [];
  switch (p.kind) {
    case 'element': {
      const refs = [...(p.ref ? [p.ref] : []), ...(p.cases ?? []).map((c) => c.ref)];
      const globals = refs.map((r) => registry.element(r)).filter((e): e is ElementDescriptor => e !== undefined && !e.abstract);
      return p.element ? [p.element, ...globals] : globals;
    }
    case 'any': {
      // Skipped content is not validated, so a change there never shows.
      if (p.wildcard.process === 'skip') return [];
      return registry.globalElements().filter((e) => !e.abstract && wildcardAllows(p.wildcard, e.namespace));
    }
    default:
      return p.particles.flatMap((c) => particleElements(registry, c));
  }
}
