/**
 * The namespace bindings in scope at an element, as a chain: an element that declares nothing
 * shares its parent's scope, so reading costs nothing per element and a lookup walks at most
 * the depth limit. Bindings live in Maps, so a prefix named `__proto__` is just a string.
 */

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export class NamespaceScope {
  /** The scope outside the root element: only the two prefixes bound by definition. */
  static readonly initial = new NamespaceScope(
    undefined,
    new Map([
      ['xml', XML_NAMESPACE],
      ['xmlns', XMLNS_NAMESPACE],
    ]),
  );

  private constructor(
    private readonly parent: NamespaceScope | undefined,
    private readonly bindings: ReadonlyMap<string, string>,
  ) {}

  /** This scope with more bindings (prefix '' is the default namespace, uri '' undeclares it). */
  declare(declarations: readonly { readonly prefix: string; readonly uri: string }[]): NamespaceScope {
    if (declarations.length === 0) return this;
    return new NamespaceScope(this, new Map(declarations.map((d) => [d.prefix, d.uri])));
  }

  /** The URI bound to `prefix`; for '' the default namespace, '' when none is in scope. */
  lookup(prefix: string): string | undefined {
    for (let scope: NamespaceScope | undefined = this; scope; scope = scope.parent) {
      const uri = scope.bindings.get(prefix);
      if (uri !== undefined) return uri;
    }
    return prefix === '' ? '' : undefined;
  }

  /** The same as lookup: a scope is the namespace context of QName values. */
  lookupNamespace(prefix: string): string | undefined {
    return this.lookup(prefix);
  }
}
