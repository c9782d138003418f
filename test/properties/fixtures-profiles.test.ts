/**
 * fixtureFiles, the library behind `evfw fixture`, for 20 seeds in every profile: it does not
 * throw, every valid document has no error and no warning in that profile, and every invalid
 * one's first error in that profile is the code its manifest entry names (issue 19).
 *
 * The acceptance run of the issue is 1000 valid and 1000 invalid documents per seed; that takes
 * about 40 s per seed and profile on two cores, so here each run is small enough for the file to
 * stay near a minute, and fixtures-cli.test.ts runs the command with the full numbers for a few
 * seeds. The document sizes are the command's defaults.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { parseDocument } from '../../runtime/src/document.js';
import { PROFILES } from '../../runtime/src/rules/rule-descriptor.js';
import { faultKindsFor, fixtureFiles } from '../../runtime/src/testing/index.js';

const ROOT = '{urn:oma:xml:cpm:evfw}cpm-evfw';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const VALID = 8;
const INVALID = 24;

describe.each(PROFILES)('fixtureFiles in the %s profile', (profile) => {
  it(`for ${SEEDS.length} seeds: ${VALID} valid documents with no diagnostic, ${INVALID} invalid ones reported first with their manifest code`, () => {
    const made = new Set<string>();
    for (const seed of SEEDS) {
      const report = fixtureFiles({ registry, root: ROOT, valid: VALID, invalid: INVALID, seed, profile });
      expect(report.profile).toBe(profile);
      expect(report.valid).toHaveLength(VALID);
      expect(report.invalid).toHaveLength(INVALID);
      for (const file of report.valid) {
        expect(parseDocument(registry, ROOT, report.files.get(file)!, { profile }).diagnostics, `seed ${seed}, ${file}`).toEqual([]);
      }
      for (const entry of report.invalid) {
        made.add(entry.fault);
        const first = parseDocument(registry, ROOT, report.files.get(entry.file)!, { profile }).diagnostics.find((d) => d.severity === 'error');
        expect(first?.code, `seed ${seed}, ${entry.file}: ${entry.description}`).toBe(entry.code);
      }
      expect(JSON.parse(report.files.get('manifest.json')!)).toMatchObject({ profile, seed });
    }
    // Every kind the profile offers was made, but the two our schemas offer no place for.
    const expected = faultKindsFor(registry, profile).filter((k) => k !== 'value-outside-enumeration' && k !== 'duplicate-id');
    expect([...made].sort()).toEqual([...expected].sort());
  });
});
