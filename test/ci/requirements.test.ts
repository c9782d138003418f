/**
 * Everything the tests need beyond node_modules, checked in one place: the shared material beside
 * the checkout and the services scripts/install-services.sh installs. On a developer's machine a
 * missing one is a skipped test saying why (and the tests that need it skip too); with CI set it
 * is a failure here, and the tests that need it run and fail as well, so CI cannot go green on
 * work it did not do.
 */
import { describe, expect, it } from 'vitest';
import { IN_CI, REQUIREMENTS } from '../support/requirements.js';

describe('what the tests need', () => {
  for (const requirement of REQUIREMENTS) {
    const missing = requirement.missing();
    it.skipIf(!IN_CI && missing !== undefined)(`${requirement.name}${missing && !IN_CI ? `: skipped, ${missing}` : ''}`, () => {
      expect(missing, `${requirement.name}: ${missing ?? ''}`).toBeUndefined();
    });
  }
});
