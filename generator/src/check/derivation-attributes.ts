/**
 * Derivation Valid (Restriction, Complex), clauses 2 to 4 (XSD 1.0 part 1, 3.4.6): what a
 * restriction may do with its base's attribute uses and attribute wildcard. Each attribute the
 * restriction writes matches one of the base's (required stays required, its type derives from
 * the base's, a fixed value stays fixed) or is allowed by the base's wildcard; a required
 * attribute of the base is not prohibited; a wildcard narrows the base's and processes no less
 * strictly.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type ComplexType, type TypeRef } from '../ir/ir.js';
import { describeComplex, type DerivationModel } from './derivation-model.js';
import { builtinType, describeType, isValidlyDerived, resolveType } from './derivation-of.js';
import { sameValue } from './simple-values.js';
import { describeConstraint, isWildcardSubset, processContentsNotWeaker, wildcardAllowsName } from '../ir/wildcards.js';

export function checkAttributeRestriction(def: ComplexType, base: ComplexType, model: DerivationModel): void {
  const label = describeComplex(def);
  // Typed as a whole, so that TypeScript narrows after a call to it.
  const refuse: (why: string, source: ComplexType['source'], hint: string) => never = (why, source, hint) => {
    throw new GeneratorError('xsd.derivation-ok-restriction', `${label} restricts ${describeType(base)} but ${why}`, source, hint);
  };
  const own = model.typeAttributes(def).own;
  const inherited = model.typeAttributes(base);
  const baseUses = new Map(inherited.uses.map((u) => [qnameKey(u.name), u]));

  for (const use of own.uses) {
    const match = baseUses.get(qnameKey(use.name));
    if (use.use === 'prohibited') {
      // Clause 3: the base's required attributes stay.
      if (match?.use === 'required') {
        refuse(`prohibits attribute "${use.name.name}", which the base requires`, use.source, 'a restriction must keep every required attribute of its base: remove use="prohibited"');
      }
      continue;
    }
    if (!match) {
      // Clause 2.2: an attribute the base does not declare must be one its wildcard allows.
      if (inherited.wildcard && wildcardAllowsName(inherited.wildcard.namespaces, use.name)) continue;
      refuse(
        `declares attribute "${use.name.name}", which the base neither declares nor allows through an attribute wildcard`,
        use.source,
        'a restriction can only narrow its base: declare the attribute in the base type, or derive by extension',
      );
    }
    if (match.use === 'required' && use.use !== 'required') {
      refuse(`makes attribute "${use.name.name}" optional, where the base requires it`, use.source, 'write use="required" on the attribute');
    }
    const type = use.type ? resolveType(use.type, model.index) : builtinType('anySimpleType');
    const baseType = match.type ? resolveType(match.type, model.index) : builtinType('anySimpleType');
    if (type && baseType && !isValidlyDerived(type, baseType, new Set(), model.index)) {
      refuse(
        `gives attribute "${use.name.name}" the type ${describeType(type)}, which is not derived from the base's ${describeType(baseType)}`,
        use.source,
        `use ${describeType(baseType)} or a restriction of it`,
      );
    }
    if (match.effective?.kind === 'fixed' && (use.effective?.kind !== 'fixed' || !sameFixedValue(use.type, use.effective.value, match.effective.value, model))) {
      refuse(
        `does not keep the fixed value "${match.effective.value}" of attribute "${use.name.name}"`,
        use.source,
        `write fixed="${match.effective.value}" on the attribute, or leave it out to inherit it`,
      );
    }
  }

  // Clause 4: the wildcard narrows the base's.
  const wildcard = model.typeAttributes(def).wildcard;
  if (!wildcard) return;
  if (!inherited.wildcard) {
    refuse('has an attribute wildcard (xs:anyAttribute) and the base has none', wildcard.source, 'remove the xs:anyAttribute, or add one to the base type');
  }
  if (!isWildcardSubset(wildcard.namespaces, inherited.wildcard.namespaces)) {
    refuse(
      `its attribute wildcard allows ${describeConstraint(wildcard.namespaces)}, which is not within the base's ${describeConstraint(inherited.wildcard.namespaces)}`,
      wildcard.source,
      "narrow the namespace attribute to namespaces the base's wildcard allows",
    );
  }
  if (!processContentsNotWeaker(wildcard.processContents, inherited.wildcard.processContents)) {
    refuse(
      `its attribute wildcard has processContents="${wildcard.processContents}", weaker than the base's "${inherited.wildcard.processContents}"`,
      wildcard.source,
      `use processContents="${inherited.wildcard.processContents}" or stricter (skip < lax < strict)`,
    );
  }
}

/** Fixed values compared in the value space of the restriction's type ("1.0" and "1" are one decimal). */
function sameFixedValue(type: TypeRef | undefined, a: string, b: string, model: DerivationModel): boolean {
  return a === b || sameValue(type, a, b, model.index);
}
