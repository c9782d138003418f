/**
 * xs:unique over a document that repeats one value many times: every repeat is a diagnostic
 * with the path of the repeating element, and finding those paths must not walk the whole
 * document once per repeat (that was quadratic: 4,000 repeats took 6.5 s, 50,000 minutes). The
 * sizes make a quadratic search stand out; the bound asserted is generous.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { validateDocument } from '../../runtime/src/document.js';

const CPM = '{urn:oma:xml:cpm:evfw}cpm-evfw';
const event = '<event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Seen"><object uid="4242" folder-path="Default"/></operation></event-cpm-imap>';

describe('xs:unique with many repeats', () => {
  it('reports each repeat with its own path, in time linear in the document', () => {
    const n = 30_000;
    const doc = `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">${event.repeat(n)}</cpm-evfw>`;
    const started = performance.now();
    const diagnostics = validateDocument(registry, CPM, doc, { limits: { maxErrors: 1_000_000 } });
    const ms = performance.now() - started;
    const duplicates = diagnostics.filter((d) => d.code === 'evfw.identity.duplicate');
    expect(duplicates).toHaveLength(n - 1);
    expect(duplicates[0]!.path).toBe('/cpm-evfw/event-cpm-imap[2]/@index');
    expect(duplicates.at(-1)!.path).toBe(`/cpm-evfw/event-cpm-imap[${n}]/@index`);
    expect(ms).toBeLessThan(20_000);
  });
});
