/**
 * Content models in words, for readers who do not read XSD: "a sequence of: one or more
 * <operation>; then any number of elements of any other namespace, checked laxly". Also the
 * extension points (wildcards: where, which namespaces, how checked) and the cardinality of
 * each child as the parent sees it, which is what the data-semantics table lists.
 */
import type { ComplexType, Occurs, Particle, Wildcard } from '../../ir/ir.js';
import { code, joinPhrases, text, type Fragment, type Phrase } from './docs-model.js';

/** How an element name becomes a phrase: a link to its section, or a literal. */
export type NameOf = (particle: Extract<Particle, { kind: 'element' | 'element-ref' }>) => Fragment;

const literalName: NameOf = (p) => code(`<${p.kind === 'element' ? p.element.name.name : p.ref.name}>`);

/** The content of a complex type in words. */
export function contentInWords(type: ComplexType | undefined, targetNamespace: string, nameOf: NameOf = literalName): Phrase {
  if (!type) return [text('anything: any attributes, text and elements (xs:anyType)')];
  const content = type.content;
  if (content.kind === 'empty') return [text('empty: no child elements and no text')];
  if (content.kind === 'simple') return [text('a simple value (text only, no child elements)')];
  const words = particleInWords(content.particle, targetNamespace, nameOf, true);
  if (!content.mixed) return words;
  // How the typed model carries it (runtime/src/model/mixed-content.ts), since no property per child says so.
  const particle = content.particle;
  if ((particle.kind === 'sequence' || particle.kind === 'all') && particle.particles.length === 0) {
    return [text('mixed: text only, no child elements; in the model, '), code('$content'), text(' is an array of strings')];
  }
  const model = [text('; in the model, one '), code('$content'), text(' array holds the text (strings) and the child elements (objects named by '), code('$case'), text('), in document order')];
  return [text('mixed: text, interleaved with '), ...words, ...model];
}

/** One particle in words; `top` drops the brackets a nested group needs. */
export function particleInWords(p: Particle, targetNamespace: string, nameOf: NameOf = literalName, top = false): Phrase {
  switch (p.kind) {
    case 'element':
    case 'element-ref':
      return [text(countWords(p, '', 'an optional ')), nameOf(p), ...substitutes(p)];
    case 'any': {
      const many = p.max === 'unbounded' || p.max > 1;
      const noun = p.min === 1 && !many ? 'an element' : many ? 'elements' : 'element';
      const count = p.min === 1 && !many ? '' : countWords(p, '', 'an optional ');
      return [text(`${count}${noun} ${wildcardNamespacesInWords(p.wildcard, targetNamespace)}, ${processInWords(p.wildcard.processContents)}`)];
    }
    case 'group-ref':
      return [text('the group '), code(p.ref.name)];
    case 'sequence':
    case 'choice':
    case 'all': {
      const parts = p.particles.map((child) => particleInWords(child, targetNamespace, nameOf));
      if (parts.length === 0) return [text('nothing')];
      const opening = p.kind === 'sequence' ? 'a sequence of' : p.kind === 'choice' ? 'one of' : 'all of, in any order';
      const separator = p.kind === 'sequence' ? '; then ' : p.kind === 'choice' ? '; or ' : '; ';
      const body: Fragment[] = [];
      parts.forEach((part, i) => body.push(...(i > 0 ? [text(separator)] : []), ...part));
      const repeat = countWords(p, '', 'optionally, ', ' times, ');
      const single = p.min === 1 && p.max === 1;
      if (top && single) return [text(`${opening}: `), ...body];
      return [text(`${single ? '' : repeat}${opening} (`), ...body, text(')')];
    }
  }
}

/**
 * "" for exactly one, then "an optional ", "one or more ", "any number of ", "2 to 5 ",
 * "at least 2 "; `suffix` follows the count words of a repeated group ("one or more times, ").
 */
export function countWords(o: Occurs, one: string, optional: string, suffix = ' '): string {
  if (o.min === 1 && o.max === 1) return one;
  if (o.min === 0 && o.max === 1) return optional;
  if (o.max === 'unbounded') return o.min === 0 ? `any number of${suffix}` : o.min === 1 ? `one or more${suffix}` : `at least ${o.min}${suffix}`;
  return o.min === o.max ? `exactly ${o.min}${suffix}` : `${o.min} to ${o.max}${suffix}`;
}

function substitutes(p: Particle): Phrase {
  if (p.kind !== 'element-ref' || !p.cases) return [];
  const others = p.cases.map((c) => c.element).filter((e) => e.name !== p.ref.name || e.namespace !== p.ref.namespace);
  if (others.length === 0) return [];
  return [text(' (or one of its substitutes: '), ...joinPhrases(others.map((e) => [code(`<${e.name}>`)])), text(')')];
}

/** "of any other namespace", "of any namespace", "of the namespace urn:x or of no namespace". */
export function wildcardNamespacesInWords(w: Wildcard, targetNamespace: string): string {
  switch (w.namespaces.kind) {
    case 'any':
      return 'of any namespace';
    case 'other':
      return 'of any other namespace';
    case 'list': {
      const names = w.namespaces.namespaces.map((ns) => (ns === '' ? 'no namespace' : ns === targetNamespace ? 'this namespace' : ns));
      return names.length === 0 ? 'of no namespace at all (none is allowed)' : `of ${names.join(' or ')}`;
    }
  }
}

/** The namespaces in full, for the extension points: what ##other excludes, literally. */
export function wildcardNamespacesInFull(w: Wildcard, targetNamespace: string): string {
  if (w.namespaces.kind === 'other') {
    return `any namespace except ${w.namespaces.namespace || 'no namespace'}${w.namespaces.namespace ? ', and not unqualified (##other)' : ' (##other)'}`;
  }
  if (w.namespaces.kind === 'any') return 'any namespace, or none (##any)';
  return w.namespaces.namespaces.map((ns) => (ns === '' ? 'no namespace (##local)' : ns === targetNamespace ? `${ns} (##targetNamespace)` : ns)).join(', ') || 'none';
}

export function processInWords(processContents: Wildcard['processContents']): string {
  switch (processContents) {
    case 'strict':
      return 'checked strictly';
    case 'lax':
      return 'checked laxly';
    case 'skip':
      return 'not checked';
  }
}

function processInFull(processContents: Wildcard['processContents']): string {
  switch (processContents) {
    case 'strict':
      return 'processContents strict: each must be declared by a known schema, and is validated against it';
    case 'lax':
      return 'processContents lax: each is validated when a known schema declares it, otherwise accepted unchecked';
    case 'skip':
      return 'processContents skip: accepted without any check';
  }
}

/** Each wildcard of a complex type, with where it sits in the content. */
export function extensionPoints(type: ComplexType | undefined, targetNamespace: string, nameOf: NameOf = literalName): Phrase[] {
  if (!type) return [];
  const points: Phrase[] = [];
  if (type.content.kind === 'elements') {
    walkWildcards(type.content.particle, undefined, (wildcard, occurs, where) => {
      points.push([text(`Elements (${cardinality(occurs.min, occurs.max)}) `), ...where, text(`: ${wildcardNamespacesInFull(wildcard, targetNamespace)}; ${processInFull(wildcard.processContents)}.`)]);
    }, nameOf);
  }
  if (type.anyAttribute) {
    points.push([text(`Attributes: any attribute of ${wildcardNamespacesInFull(type.anyAttribute, targetNamespace)}; ${processInFull(type.anyAttribute.processContents)}.`)]);
  }
  return points;
}

function walkWildcards(p: Particle, before: Phrase | undefined, found: (w: Wildcard, occurs: Occurs, where: Phrase) => void, nameOf: NameOf, alternatives?: Phrase): void {
  if (p.kind === 'any') {
    const where: Phrase = alternatives ? [text('as an alternative to '), ...alternatives] : before ? [text('after '), ...before] : [text('at the start')];
    found(p.wildcard, p, where);
    return;
  }
  if (p.kind !== 'sequence' && p.kind !== 'choice' && p.kind !== 'all') return;
  p.particles.forEach((child, i) => {
    if (p.kind === 'choice') {
      const others = p.particles.filter((_, j) => j !== i).map((q) => elementsIn(q, nameOf)).filter((q) => q.length > 0);
      walkWildcards(child, before, found, nameOf, others.length > 0 ? joinPhrases(others) : undefined);
    } else {
      const previous = p.particles.slice(0, i).map((q) => elementsIn(q, nameOf)).filter((q) => q.length > 0).pop();
      walkWildcards(child, previous ?? before, found, nameOf);
    }
  });
}

/** The elements a particle can hold, as "<a>, <b> or <c>": what a wildcard after it comes after. */
function elementsIn(p: Particle, nameOf: NameOf): Phrase {
  const names: Fragment[] = [];
  const seen = new Set<string>();
  const visit = (q: Particle) => {
    if (q.kind === 'element' || q.kind === 'element-ref') {
      const f = nameOf(q);
      const key = JSON.stringify(f);
      if (!seen.has(key)) names.push(f);
      seen.add(key);
    } else if (q.kind === 'sequence' || q.kind === 'choice' || q.kind === 'all') q.particles.forEach(visit);
  };
  visit(p);
  return joinPhrases(names.map((n) => [n]));
}

/** A child particle with its cardinality as the parent sees it (nested groups multiplied out). */
export interface ChildUse {
  readonly particle: Extract<Particle, { kind: 'element' | 'element-ref' | 'any' }>;
  readonly min: number;
  readonly max: number | 'unbounded';
}

/**
 * Every element and wildcard of a content model, in document order, with its effective
 * cardinality: a choice makes each branch optional (unless it has one branch), repetition of a
 * group multiplies. The same element in two branches is listed once, with the widest range.
 */
export function childUses(p: Particle): ChildUse[] {
  const uses: ChildUse[] = [];
  const visit = (q: Particle, min: number, max: number | 'unbounded') => {
    const qMin = min * q.min;
    const qMax = max === 'unbounded' || q.max === 'unbounded' ? 'unbounded' : max * q.max;
    if (q.kind === 'element' || q.kind === 'element-ref' || q.kind === 'any') {
      const key = keyOf(q);
      const earlier = uses.findIndex((u) => keyOf(u.particle) === key);
      if (earlier < 0) uses.push({ particle: q, min: qMin, max: qMax });
      else {
        const e = uses[earlier]!;
        uses[earlier] = { particle: e.particle, min: Math.min(e.min, qMin), max: e.max === 'unbounded' || qMax === 'unbounded' ? 'unbounded' : Math.max(e.max, qMax) };
      }
      return;
    }
    if (q.kind === 'group-ref') return;
    const branchMin = q.kind === 'choice' && q.particles.length > 1 ? 0 : qMin;
    for (const child of q.particles) visit(child, branchMin, qMax);
  };
  visit(p, 1, 1);
  return uses;
}

function keyOf(p: ChildUse['particle']): string {
  if (p.kind === 'element') return `element ${p.element.name.namespace} ${p.element.name.name}`;
  if (p.kind === 'element-ref') return `element ${p.ref.namespace} ${p.ref.name}`;
  return `any ${p.wildcard.source.file}:${p.wildcard.source.line}:${p.wildcard.source.column}`;
}

/** `1`, `0..1`, `1..n`, `0..n`, `2..5`. */
export function cardinality(min: number, max: number | 'unbounded'): string {
  if (max === 'unbounded') return `${min}..n`;
  return min === max ? String(min) : `${min}..${max}`;
}
