/**
 * Issue 22, item 2: memory kept after a disconnect. A client opens an event session (INVITE,
 * ACK, the MSRP connection bound), sends the chunks of large messages it never finishes, then
 * cuts the TCP connection without a BYE. The PF used to keep the dialog for ever and, through
 * it, every chunk its reassembler held: RSS 105 MB -> 916 MB over two runs. Now the dialog ends
 * with its connection and the buffers go with it, and while connected the chunks held by all
 * sessions together stay under the per-process cap (64 MiB by default: beyond it, 413).
 *
 * The PF runs as its one command, measured by /proc/<pid>/status. No report ever completes, so
 * no Message Store is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UdpPeer } from '../../support/sip-peer.js';
import { startPfCommand, stopPfCommand, type PfCommand } from '../../support/pf-command.js';
import { bye, inviteAndAck, MsrpPeer, NO_STORE, residentBytes } from './session-peer.js';

const SESSIONS = 20;
/** Per session: message ids, each sent as CHUNKS chunks of CHUNK_BYTES and never finished. */
const MESSAGES = 8;
const CHUNKS = 15;
const CHUNK_BYTES = 64 * 1024;
const MiB = 1024 * 1024;

describe('abandoned event sessions (issue 22, item 2)', { timeout: 90_000 }, () => {
  let pf: PfCommand;
  let sip: UdpPeer;

  beforeAll(async () => {
    pf = await startPfCommand({ args: [], env: NO_STORE });
    sip = await UdpPeer.open(pf.port);
  }, 20_000);
  afterAll(async () => {
    sip?.close();
    await stopPfCommand(pf);
  });

  /** Opens one session and sends every chunk but the last of each message; resolves once all are answered. */
  async function abandonedSession(): Promise<{ peer: MsrpPeer; held: number; refused: number }> {
    const { dialog, response } = await inviteAndAck(sip);
    if (dialog === undefined) throw new Error(`the INVITE got ${response?.status ?? 'no answer'}:\n${pf.output().slice(-2_000)}`);
    const peer = await MsrpPeer.bind(pf.msrpPort, dialog);
    const data = new Uint8Array(CHUNK_BYTES).fill(0x61);
    const before = peer.responses().length;
    for (let m = 0; m < MESSAGES; m++) {
      const id = `big-${m}-${Math.random().toString(36).slice(2, 10)}`;
      for (let c = 0; c < CHUNKS; c++) peer.write(peer.chunk(id, c * CHUNK_BYTES + 1, data));
    }
    await peer.waitFor(() => peer.responses().length - before >= MESSAGES * CHUNKS, 20_000);
    // One connection answers its chunks in order. A message one of whose chunks got 413 is
    // dropped whole, so what the PF holds is the messages all of whose chunks got 200.
    const statuses = peer.responses().slice(before);
    let held = 0;
    for (let m = 0; m < MESSAGES; m++) if (statuses.slice(m * CHUNKS, (m + 1) * CHUNKS).every((s) => s === 200)) held += CHUNKS * CHUNK_BYTES;
    return { peer, held, refused: statuses.filter((s) => s === 413).length };
  }

  it(`${SESSIONS} sessions with ${MESSAGES} unfinished messages each, cut without BYE: the PF's RSS comes back within 50 MB`, async () => {
    // One session first, so that what is measured is not the loading of code paths.
    const warm = await abandonedSession();
    warm.peer.destroy();
    await warm.peer.closed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const start = residentBytes(pf.child.pid!);

    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) sessions.push(await abandonedSession());
    const held = sessions.reduce((n, s) => n + s.held, 0);
    const connectedRss = residentBytes(pf.child.pid!);

    const cut = Date.now();
    for (const s of sessions) s.peer.destroy();
    await Promise.all(sessions.map((s) => s.peer.closed));
    const end = await settledRss(pf, start + 50 * MiB);
    console.log(`abandoned sessions: RSS ${mb(start)} before, ${mb(connectedRss)} connected, ${mb(end)} after (${((Date.now() - cut) / 1_000).toFixed(1)} s); ${mb(held)} of chunks held while connected`);
    expect(end - start, `RSS ${mb(start)} before, ${mb(connectedRss)} while connected, ${mb(end)} after`).toBeLessThanOrEqual(50 * MiB);
    // While they were connected, what all of them held was capped for the process (64 MiB).
    expect(held, 'chunk bytes held while connected').toBeLessThanOrEqual(64 * MiB);
    expect(sessions.some((s) => s.refused > 0), 'some chunks refused 413 past the cap').toBe(true);

    // The dialogs ended with their connections (after the grace left for a BYE): a BYE now finds none.
    const ended = () => pf.output().match(/event session msrp:\S+ ended: its MSRP connection closed/g)?.length ?? 0;
    for (let waited = 0; ended() < SESSIONS + 1 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ended(), 'dialogs ended for their closed connections (the warm-up one too)').toBe(SESSIONS + 1);
    expect((await bye(sip, sessions[0]!.peer.dialog))?.status).toBe(481);
  });
});

/**
 * Polls RSS for up to 15 s: the first reading at or below `target`, else the last one. The
 * buffers are unreachable as soon as the connections close, but an idle V8 collects them on
 * its own schedule (its memory reducer waits about 8 s after the last full collection).
 */
async function settledRss(pf: PfCommand, target: number): Promise<number> {
  let rss = residentBytes(pf.child.pid!);
  for (let waited = 0; waited < 15_000 && rss > target; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    rss = residentBytes(pf.child.pid!);
  }
  return rss;
}

function mb(bytes: number): string {
  return `${(bytes / MiB).toFixed(0)} MB`;
}
