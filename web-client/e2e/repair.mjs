// Loss repair in real browsers, against a server started with --simulate-loss <percent>:
//   node repair.mjs <baseUrl> <percent>
// The server drops that share of the RTP it receives from the publisher and of the RTP it sends to
// viewers, like a lossy network on both legs. Opus has no retransmission, so the viewer's audio shows
// the raw loss of both legs; for video, the server NACKs the publisher (which resends on its RTX
// stream) and answers the viewer's NACKs from its buffer, so what stays lost must be far below.
// Prints one JSON line per check and a final {"ok":...} line; exits 0 only if every check passed.
import { openPage, runScenarios } from './lib/browser.mjs';
import { Report, waitFor } from './lib/checks.mjs';
import { publisherState } from './lib/stats.mjs';

const [baseArg, lossArg] = process.argv.slice(2);
const loss = Number(lossArg);
if (!baseArg || !(loss > 0 && loss <= 50)) {
  console.error('usage: node repair.mjs <baseUrl> <simulated loss percent, as the server was started with>');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const report = new Report();
const OVERALL_LIMIT_MS = 120_000;
const WINDOW_MS = 10_000;

/** The viewer's inbound RTP counters per kind, from getStats(). */
function inbound(page) {
  return page.evaluate(async () => {
    const pc = window.odeon?.viewer?.pc;
    if (!pc) return { missing: 'viewer has no peer connection' };
    const out = {};
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'inbound-rtp') {
        out[s.kind] = { received: s.packetsReceived ?? 0, lost: s.packetsLost ?? 0, nacks: s.nackCount ?? 0,
          frames: s.framesDecoded ?? 0 };
      }
    });
    return out;
  });
}

async function metric(name) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

/** The publisher's outgoing video: NACKs it received and packets it resent. */
function outbound(page) {
  return page.evaluate(async () => {
    const pc = window.odeon?.publisher?.pc;
    if (!pc) return { missing: 'publisher has no peer connection' };
    let out = { nacks: 0, resent: 0 };
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'outbound-rtp' && s.kind === 'video') {
        out = { nacks: s.nackCount ?? 0, resent: s.retransmittedPacketsSent ?? 0 };
      }
    });
    return out;
  });
}

const delta = (a, b, kind, field) => (b[kind]?.[field] ?? 0) - (a[kind]?.[field] ?? 0);
const pct = (lost, received) => (received + lost > 0 ? (100 * lost) / (received + lost) : NaN);

async function scenario(context) {
  const pub = await openPage(context, `${base}/publish?stream=lossy&autostart=1`, 'publisher');
  const viewer = await openPage(context, `${base}/watch?stream=lossy&autostart=1`, 'viewer');
  const live = await waitFor(() => publisherState(pub), (s) => s === 'live', 15000);
  report.check('publisher-live', live.ok, { state: live.value, ms: live.ms });
  const playing = await waitFor(() => inbound(viewer), (s) => s.video?.frames > 0 && s.audio?.received > 0, 15000);
  report.check('viewer-playing', playing.ok, { ...playing.value, ms: playing.ms });

  // One measurement window: counters before and after, on the viewer and on the server.
  const before = await inbound(viewer);
  const pubBefore = await outbound(pub);
  const resentBefore = await metric('odeon_retransmitted_packets_total');
  const nackedBefore = await metric('odeon_nacks_sent_total');
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const after = await inbound(viewer);
  const pubAfter = await outbound(pub);
  const resent = (await metric('odeon_retransmitted_packets_total')) - resentBefore;
  const nacked = (await metric('odeon_nacks_sent_total')) - nackedBefore;

  const audioLoss = pct(delta(before, after, 'audio', 'lost'), delta(before, after, 'audio', 'received'));
  const videoLoss = pct(delta(before, after, 'video', 'lost'), delta(before, after, 'video', 'received'));
  const nacks = delta(before, after, 'video', 'nacks');
  const frames = delta(before, after, 'video', 'frames');
  // The simulated loss is real: audio, which nothing repairs, loses a clear share of it (both legs).
  report.check('audio-shows-raw-loss', audioLoss > loss / 4,
    { audioLossPct: +audioLoss.toFixed(2), simulatedPct: loss, audioPackets: delta(before, after, 'audio', 'received') });
  // The publisher's leg: the server NACKs what it lost, and Chrome resends it.
  report.check('server-nacked-publisher', nacked > 0, { nacksSent: nacked });
  report.check('publisher-resent', pubAfter.nacks - pubBefore.nacks > 0 && pubAfter.resent - pubBefore.resent > 0,
    { nacksReceived: pubAfter.nacks - pubBefore.nacks, packetsResent: pubAfter.resent - pubBefore.resent });
  // The viewer's leg: the viewer NACKs what it lost, and the server resends it from its buffer.
  report.check('viewer-sent-nacks', nacks > 0, { nacks });
  report.check('server-retransmitted', resent > 0, { retransmitted: resent });
  // Repaired: what stays lost is a small fraction of the raw loss.
  report.check('video-loss-repaired', videoLoss < loss / 3,
    { videoLossPct: +videoLoss.toFixed(2), simulatedPct: loss, videoPackets: delta(before, after, 'video', 'received') });
  // At least 5 frames a second (the fake camera sends about 20): no long freeze.
  report.check('video-keeps-playing', frames >= (WINDOW_MS / 1000) * 5, { framesInWindow: frames });
  await Promise.all([pub.close(), viewer.close()]);
}

await runScenarios(report, OVERALL_LIMIT_MS, [['repair', scenario]], { baseUrl: base, simulatedLossPct: loss });
