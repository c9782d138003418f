/**
 * The references between global components form a graph: a type stands on its base, item and
 * member types; a model group or attribute group on the groups it refers to; an element on its
 * substitution group head. Before any transform follows those references, this check walks the
 * graph once, with an explicit stack, and refuses what would make a later walk endless or huge:
 * a cycle (with the positions of both components), a chain deeper than the caps, a content that
 * grows past the cap once groups are inlined and extensions flattened (a group used twice in
 * each of 40 nested groups inlines to 2^40 particles). Every later stage may then recurse along
 * these references, because their depth is bounded by a cap and not by the input.
 */
import { GeneratorError, type SourcePosition } from '../errors.js';
import { builtinKind } from './builtins.js';
import { qnameKey, type AttributeUse, type Particle, type SchemaSet, type Source, type TypeDef, type TypeRef } from './ir.js';
import type { SchemaIndex } from './schema-index.js';
import { LIMIT_OPTIONS, type SchemaLimits } from './schema-limits.js';

interface Edge {
  readonly target: GraphNode;
  /** Where the reference is written. */
  readonly source: Source;
  /** Levels the reference adds to the depth: 1 for a base type, the group's nesting for a group. */
  readonly depth: number;
  /** Whether the target's size counts into this node's (each occurrence counts once). */
  readonly sized: boolean;
  /** For a complex type's base: how the base's attributes carry over. */
  readonly inherits?: 'extension' | 'restriction';
}

interface GraphNode {
  /** `complex type "A"`, for messages. */
  readonly label: string;
  readonly source: Source;
  readonly edges: Edge[];
  /** Depth and size of the node's own content, before references are followed. */
  ownDepth: number;
  ownSize: number;
  ownAttributes: number;
  state: 'new' | 'open' | 'done';
  depth: number;
  /** Particles, or for an attribute group its attribute uses. */
  size: number;
  /** A complex type's attribute uses, its base's included. */
  attributes: number;
}

function node(label: string, source: Source): GraphNode {
  return { label, source, edges: [], ownDepth: 0, ownSize: 0, ownAttributes: 0, state: 'new', depth: 0, size: 0, attributes: 0 };
}

export function checkComponentGraph(set: SchemaSet, index: SchemaIndex, limits: SchemaLimits): void {
  const groups = resolveGroups(index, limits);
  const attributeGroups = resolveAttributeGroups(index, limits);
  resolveSubstitutionGroups(index, limits);
  resolveTypes(set, index, limits, groups, attributeGroups);
  // Last: a cycle or a chain too deep is the more precise diagnosis of a schema that is also large.
  checkComponentCount(set, limits);
}

/** Counts without building lists: the error names the first component past the cap. */
function checkComponentCount(set: SchemaSet, limits: SchemaLimits): void {
  let total = 0;
  for (const schema of set.schemas) if (!schema.builtin) total += schema.elements.length + schema.attributes.length + schema.types.length + schema.groups.length + schema.attributeGroups.length;
  if (total <= limits.maxComponents) return;
  let seen = 0;
  let past: Source | undefined;
  for (const schema of set.schemas) {
    if (schema.builtin) continue;
    for (const kind of [schema.elements, schema.attributes, schema.types, schema.groups, schema.attributeGroups]) {
      if (past === undefined && seen + kind.length > limits.maxComponents) past = kind[limits.maxComponents - seen]!.source;
      seen += kind.length;
    }
  }
  throw new GeneratorError(
    'xsd.schema.too-large',
    `the schema set declares ${total.toLocaleString('en')} global components, more than the cap of ${limits.maxComponents.toLocaleString('en')}; the first past the cap is here`,
    past,
    `generate the schemas in smaller sets, or raise the cap with the option ${LIMIT_OPTIONS.maxComponents} (generation then grows slower than linearly)`,
  );
}

// ---- Model groups and attribute groups --------------------------------------------------------

function resolveGroups(index: SchemaIndex, limits: SchemaLimits): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const [key, def] of index.groups) nodes.set(key, node(`model group "${def.name.name}"`, def.source));
  for (const [key, def] of index.groups) measureParticle(def.particle, nodes.get(key)!, nodes);
  walk([...nodes.values()], limits.maxNestingDepth, 'maxNestingDepth', 'refers to', limits.maxFlattenedSize);
  return nodes;
}

function resolveAttributeGroups(index: SchemaIndex, limits: SchemaLimits): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const [key, def] of index.attributeGroups) nodes.set(key, node(`attribute group "${def.name.name}"`, def.source));
  for (const [key, def] of index.attributeGroups) measureAttributes(def.attributes, nodes.get(key)!, nodes);
  walk([...nodes.values()], limits.maxNestingDepth, 'maxNestingDepth', 'refers to', limits.maxFlattenedSize);
  return nodes;
}

function resolveSubstitutionGroups(index: SchemaIndex, limits: SchemaLimits): void {
  const nodes = new Map<string, GraphNode>();
  for (const [key, { decl }] of index.elements) nodes.set(key, node(`element "${decl.name.name}"`, decl.source));
  for (const [key, { decl }] of index.elements) {
    const head = decl.substitutionGroup && nodes.get(qnameKey(decl.substitutionGroup));
    if (head) nodes.get(key)!.edges.push({ target: head, source: decl.source, depth: 1, sized: false });
  }
  walk([...nodes.values()], limits.maxDerivationDepth, 'maxDerivationDepth', 'is in the substitution group of', Infinity);
}

/** Counts a particle tree's own particles and depth, and records an edge per group reference. */
function measureParticle(root: Particle, owner: GraphNode, groups: ReadonlyMap<string, GraphNode>): void {
  const stack: { particle: Particle; level: number }[] = [{ particle: root, level: 1 }];
  while (stack.length > 0) {
    const { particle, level } = stack.pop()!;
    if (particle.kind === 'group-ref') {
      const target = groups.get(qnameKey(particle.ref));
      if (target) owner.edges.push({ target, source: particle.source, depth: level - 1, sized: true });
      continue;
    }
    owner.ownSize += 1;
    owner.ownDepth = Math.max(owner.ownDepth, level);
    if (particle.kind === 'sequence' || particle.kind === 'choice' || particle.kind === 'all') {
      for (const child of particle.particles) stack.push({ particle: child, level: level + 1 });
    }
  }
}

function measureAttributes(uses: readonly AttributeUse[], owner: GraphNode, attributeGroups: ReadonlyMap<string, GraphNode>): void {
  owner.ownDepth = Math.max(owner.ownDepth, 1);
  for (const use of uses) {
    if (use.kind !== 'attribute-group-ref') {
      owner.ownSize += 1;
      continue;
    }
    const target = attributeGroups.get(qnameKey(use.ref));
    if (target) owner.edges.push({ target, source: use.source, depth: 1, sized: true });
  }
}

// ---- Types ------------------------------------------------------------------------------------

function resolveTypes(
  set: SchemaSet,
  index: SchemaIndex,
  limits: SchemaLimits,
  groups: ReadonlyMap<string, GraphNode>,
  attributeGroups: ReadonlyMap<string, GraphNode>,
): void {
  const nodes = new Map<TypeDef, GraphNode>();
  const all: TypeDef[] = [];
  const nodeOf = (def: TypeDef): GraphNode => {
    let found = nodes.get(def);
    if (!found) {
      found = node(`${def.kind} type ${def.name ? `"${def.name.name}"` : '(anonymous)'}`, def.source);
      nodes.set(def, found);
      all.push(def);
    }
    return found;
  };
  const target = (ref: TypeRef | undefined): TypeDef | undefined => {
    if (!ref) return undefined;
    if (ref.kind !== 'type-ref') return ref;
    return builtinKind(ref.ref) ? undefined : index.type(ref.ref);
  };
  // Every type, anonymous ones included; nested anonymous types are reached through their
  // parents below, so the list grows while it is read.
  for (const schema of set.schemas) for (const def of schema.types) nodeOf(def);
  const typesInParticle = (root: Particle, found: TypeDef[]) => {
    const stack = [root];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (p.kind === 'element' && p.element.type && p.element.type.kind !== 'type-ref') found.push(p.element.type);
      if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') for (const child of p.particles) stack.push(child);
    }
  };
  const anonymous: TypeDef[] = [];
  for (const schema of set.schemas) {
    for (const decl of schema.elements) if (decl.type && decl.type.kind !== 'type-ref') anonymous.push(decl.type);
    for (const decl of schema.attributes) if (decl.type && decl.type.kind !== 'type-ref') anonymous.push(decl.type);
    for (const group of schema.groups) typesInParticle(group.particle, anonymous);
    for (const group of schema.attributeGroups) {
      for (const use of group.attributes) if (use.kind === 'attribute' && use.attribute.type && use.attribute.type.kind !== 'type-ref') anonymous.push(use.attribute.type);
    }
  }
  for (const def of anonymous) nodeOf(def);
  for (let i = 0; i < all.length; i++) {
    const def = all[i]!;
    const self = nodeOf(def);
    const edge = (ref: TypeRef | undefined, source: Source, sized: boolean) => {
      const to = target(ref);
      if (to) self.edges.push({ target: nodeOf(to), source, depth: 1, sized });
    };
    self.ownDepth = 1;
    if (def.kind === 'simple') {
      for (const ref of [def.base, def.itemType, ...def.memberTypes]) edge(ref, def.source, false);
      continue;
    }
    if (def.derivation) {
      const base = target({ kind: 'type-ref', ref: def.derivation.base });
      const method = def.derivation.method;
      // An extension repeats its base's content (one joining sequence more); a restriction restates it.
      if (base) self.edges.push({ target: nodeOf(base), source: def.source, depth: 1, sized: method === 'extension', inherits: method });
      if (base && method === 'extension') self.ownSize += 1;
    }
    if (def.content.kind === 'simple') edge(def.content.type, def.source, false);
    if (def.content.kind === 'elements') {
      const content = node('', def.source);
      measureParticle(def.content.particle, content, groups);
      const depth = content.edges.reduce((max, e) => Math.max(max, e.depth + e.target.depth), content.ownDepth);
      if (depth > limits.maxNestingDepth) throw tooDeep(`the content of ${self.label}`, def.source, depth, limits.maxNestingDepth, 'maxNestingDepth');
      self.ownSize += content.edges.reduce((sum, e) => saturate(sum + e.target.size, limits.maxFlattenedSize), content.ownSize);
      const nested: TypeDef[] = [];
      typesInParticle(def.content.particle, nested);
      for (const inner of nested) nodeOf(inner);
    }
    const attributes = node('', def.source);
    measureAttributes(def.attributes, attributes, attributeGroups);
    self.ownAttributes = attributes.edges.reduce((sum, e) => saturate(sum + e.target.size, limits.maxFlattenedSize), attributes.ownSize);
    for (const use of def.attributes) if (use.kind === 'attribute' && use.attribute.type && use.attribute.type.kind !== 'type-ref') nodeOf(use.attribute.type);
  }
  walk(all.map(nodeOf), limits.maxDerivationDepth, 'maxDerivationDepth', 'derives from', limits.maxFlattenedSize);

  let total = 0;
  let largest: GraphNode | undefined;
  for (const def of all) {
    if (def.kind !== 'complex') continue;
    const n = nodeOf(def);
    total = saturate(total + n.size + n.attributes, limits.maxFlattenedSize);
    if (!largest || n.size + n.attributes > largest.size + largest.attributes) largest = n;
  }
  if (total > limits.maxFlattenedSize && largest) {
    throw new GeneratorError(
      'xsd.schema.too-large',
      `the complex types hold more than ${limits.maxFlattenedSize.toLocaleString('en')} particles and attribute uses once groups are inlined and extensions repeat their bases' content; ${largest.label} alone holds ${describeSize(largest.size + largest.attributes, limits.maxFlattenedSize)}`,
      largest.source,
      `a long chain of extensions or groups that refer to other groups several times is the usual cause; raise the cap with the option ${LIMIT_OPTIONS.maxFlattenedSize} if the schema is meant to be this large`,
    );
  }
}

// ---- The walk ---------------------------------------------------------------------------------

/**
 * Depth-first over the nodes, with an explicit stack: a reference back to a node still open is
 * a cycle; each node's depth and size are computed once, from its targets', when it closes.
 */
function walk(nodes: readonly GraphNode[], maxDepth: number, option: keyof SchemaLimits, verb: string, maxSize: number): void {
  for (const start of nodes) {
    if (start.state !== 'new') continue;
    const stack: { node: GraphNode; next: number }[] = [{ node: start, next: 0 }];
    start.state = 'open';
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = frame.node.edges[frame.next++];
      if (edge) {
        if (edge.target.state === 'open') throw cycle(stack.map((f) => f.node), edge, verb);
        if (edge.target.state === 'new') {
          edge.target.state = 'open';
          stack.push({ node: edge.target, next: 0 });
        }
        continue;
      }
      const done = frame.node;
      done.depth = done.edges.reduce((max, e) => Math.max(max, e.depth + e.target.depth), done.ownDepth);
      done.size = done.edges.reduce((sum, e) => (e.sized ? saturate(sum + e.target.size, maxSize) : sum), done.ownSize);
      // A restriction keeps the base's attributes it does not restate: most restate them all.
      done.attributes = done.edges.reduce(
        (sum, e) => (e.inherits === 'extension' ? sum + e.target.attributes : e.inherits === 'restriction' ? sum + Math.max(0, e.target.attributes - done.ownAttributes) : sum),
        done.ownAttributes,
      );
      done.attributes = saturate(done.attributes, maxSize);
      if (done.depth > maxDepth) throw tooDeep(done.label, done.source, done.depth, maxDepth, option);
      done.state = 'done';
      stack.pop();
    }
  }
}

/** Sizes past the cap stop counting there: a group doubling 64 times must not reach Infinity slowly. */
function saturate(value: number, cap: number): number {
  return value > cap ? cap + 1 : value;
}

function describeSize(size: number, cap: number): string {
  return size > cap ? `more than ${cap.toLocaleString('en')}` : size.toLocaleString('en');
}

function cycle(path: readonly GraphNode[], closing: Edge, verb: string): GeneratorError {
  const from = path.indexOf(closing.target);
  const members = path.slice(from);
  const shown = members.length > 8 ? [...members.slice(0, 4), undefined, ...members.slice(-3)] : members;
  const names = [...shown, members[0]].map((n) => (n ? n.label : '...')).join(' -> ');
  const other = closing.target.source;
  return new GeneratorError(
    'xsd.component.circular',
    `${closing.target.label} ${verb} itself${members.length > 1 ? `: ${names}` : ''} (see also: ${formatPosition(other)})`,
    closing.source,
    members.length > 1 ? `break the cycle at one of the ${members.length} components` : 'a component cannot refer to itself: name another component here',
  );
}

function tooDeep(label: string, source: SourcePosition, depth: number, cap: number, option: keyof SchemaLimits): GeneratorError {
  return new GeneratorError(
    'xsd.schema.too-deep',
    `${label} ${option === 'maxNestingDepth' ? 'nests' : 'stands on a chain of'} ${depth.toLocaleString('en')} levels${option === 'maxNestingDepth' ? ' once groups are inlined' : ' of references'}, more than the cap of ${cap.toLocaleString('en')}`,
    source,
    `flatten the chain in the schema, or raise the cap with the option ${LIMIT_OPTIONS[option]} if the schema is meant to be this deep`,
  );
}

function formatPosition(source: SourcePosition): string {
  return `${source.file}:${source.line}:${source.column}`;
}
