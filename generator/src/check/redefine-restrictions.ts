/**
 * src-redefine 6.2.2 and 7.2.2 (XSD 1.0 part 1, 4.2.2): a group or attribute group redefined
 * without a reference to itself must be a valid restriction of the original it replaces. A
 * group is checked by Particle Valid (Restriction) (check-particles.ts); an attribute group by
 * clauses 2 to 4 of Derivation Valid (Restriction, Complex) (derivation-attributes.ts), with the
 * two groups standing for the derived and base types, as the clause says.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type AttributeGroupDef, type ComplexType } from '../ir/ir.js';
import type { RedefinedRestriction } from '../ir/apply-redefinitions.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { groupRestrictionFailure } from './check-particles.js';
import { checkAttributeRestriction } from './derivation-attributes.js';
import { DerivationModel } from './derivation-model.js';

export function checkRedefinedRestrictions(restrictions: readonly RedefinedRestriction[], index: SchemaIndex): void {
  if (restrictions.length === 0) return;
  const model = new DerivationModel(index);
  for (const { kind, name, original } of restrictions) {
    const refuse = (why: string, source: GeneratorError['source']): never => {
      throw new GeneratorError(
        'xsd.src-redefine',
        `the redefinition of ${kind} "${name.name}" neither refers to the original nor restricts it: ${why}`,
        source,
        `refer to the original with <xs:${kind === 'group' ? 'group' : 'attributeGroup'} ref="${name.name}"/> to extend it, or restrict it`,
      );
    };
    if (kind === 'group') {
      const derived = index.groups.get(qnameKey(name));
      const base = index.groups.get(qnameKey(original));
      if (!derived || !base) continue;
      const failure = groupRestrictionFailure(derived.particle, base.particle, index);
      if (failure) refuse(`${failure.message} (${failure.rcase})`, derived.source);
    } else {
      const derived = index.attributeGroups.get(qnameKey(name));
      const base = index.attributeGroups.get(qnameKey(original));
      if (!derived || !base) continue;
      try {
        checkAttributeRestriction(asType(derived), asType(base), model);
      } catch (error) {
        if (!(error instanceof GeneratorError) || error.code !== 'xsd.derivation-ok-restriction') throw error;
        // The derivation check names the groups as types: say it of the redefinition instead.
        refuse(error.detail.replace(/^.*? restricts .*? but /, ''), error.source ?? derived.source);
      }
      // Clause 3 for groups: a type inherits the attributes it does not write; a group does not,
      // so each required attribute of the original must be written again.
      const written = new Set(model.groupAttributes(derived).uses.filter((u) => u.use !== 'prohibited').map((u) => qnameKey(u.name)));
      const dropped = model.groupAttributes(base).uses.find((u) => u.use === 'required' && !written.has(qnameKey(u.name)));
      if (dropped) refuse(`it leaves out attribute "${dropped.name.name}", which the original requires`, derived.source);
    }
  }
}

/** An attribute group as the attribute part of a complex type with no base and no content. */
function asType(group: AttributeGroupDef): ComplexType {
  return {
    kind: 'complex',
    name: group.name,
    anonymous: false,
    abstract: false,
    final: [],
    block: [],
    derivation: undefined,
    content: { kind: 'empty' },
    attributes: group.attributes,
    anyAttribute: group.anyAttribute,
    documentation: undefined,
    source: group.source,
  };
}
