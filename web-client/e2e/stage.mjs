// Browser end-to-end scenario for stages against a running Odeon server:
//   node stage.mjs <baseUrl>
// A host page (microphone only) and two viewer pages: viewer 1 raises a hand, the host invites,
// viewer 1 accepts and publishes camera + microphone, viewer 2 decodes the new speaker's video
// (viewers follow the stage's newest speaker); the host mutes them (viewer 2's audio packets
// stop), then moves them back (their video stops reaching viewer 2 within 2 s).
// Prints one JSON line per check and a final {"ok":...} line; exits 0 only if every check passed.
import { openPage, runScenarios } from './lib/browser.mjs';
import { Report, waitFor } from './lib/checks.mjs';
import { viewerStats } from './lib/stats.mjs';

const [baseArg] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node stage.mjs <baseUrl>');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const report = new Report();
const OVERALL_LIMIT_MS = 150_000;
const STREAM = `stage-${Date.now().toString(36)}`;

const hostState = (page) => page.evaluate(() => window.odeon?.state ?? 'none');
const hostHands = (page) => page.evaluate(() => window.odeon?.hands ?? { total: 0, hands: [] });
const hostEvents = (page) => page.evaluate(() => (window.odeon?.events || []).map((e) => e.name));
const viewerEventNames = (page) => page.evaluate(() => (window.odeon?.events || []).map((e) => e.name));
const speakerState = (page) => page.evaluate(() => window.odeon?.stage?.speakerState ?? 'none');

/** Samples `probe` for `ms` and returns [first, last]. */
async function over(ms, probe) {
  const first = await probe();
  await new Promise((r) => setTimeout(r, ms));
  return [first, await probe()];
}

async function scenario(context) {
  const host = await openPage(context, `${base}/host?stream=${STREAM}&identity=host&video=0&autostart=1`, 'host');
  const live = await waitFor(() => hostState(host), (s) => s === 'live', 15000);
  report.check('host-live', live.ok, { state: live.value, ms: live.ms });

  const v1 = await openPage(context, `${base}/watch?stream=${STREAM}&identity=viewer1&autostart=1`, 'viewer1');
  const v2 = await openPage(context, `${base}/watch?stream=${STREAM}&identity=viewer2&autostart=1`, 'viewer2');
  for (const [name, v] of [['viewer1', v1], ['viewer2', v2]]) {
    const r = await waitFor(() => viewerEventNames(v), (ev) => ev.includes('stage'), 15000);
    report.check(`${name}-sees-live-stage`, r.ok, { events: r.value, ms: r.ms });
  }
  const hostAudio = await waitFor(() => viewerStats(v2), (s) => s.audioPackets > 0, 15000);
  report.check('viewer2-hears-host', hostAudio.ok, { ...hostAudio.value, ms: hostAudio.ms });

  // 1. viewer 1 raises a hand; the host sees it (only the host gets the list).
  await v1.evaluate(() => window.odeon.stage.raiseHand());
  const hand = await waitFor(() => hostHands(host), (h) => h.hands.some((x) => x.identity === 'viewer1'), 10000);
  report.check('host-sees-raised-hand', hand.ok, { hands: hand.value, ms: hand.ms });
  report.check('viewer2-gets-no-hands-list', !(await viewerEventNames(v2)).includes('hands'));

  // 2. the host invites; viewer 1 gets the invitation and accepts, publishing camera + microphone.
  await host.evaluate(() => window.odeon.invite('viewer1'));
  const invited = await waitFor(() => v1.evaluate(() => window.odeon.stage.invitation), (i) => !!i?.token, 10000);
  report.check('viewer1-invited', invited.ok, { sourceId: invited.value?.sourceId, ms: invited.ms });
  await v1.evaluate(() => window.odeon.stage.accept());
  const onStage = await waitFor(() => speakerState(v1), (s) => s === 'live', 15000);
  report.check('viewer1-publishes', onStage.ok, { state: onStage.value, ms: onStage.ms });
  const joined = await waitFor(() => hostEvents(host), (ev) => ev.includes('speakerJoined'), 10000);
  report.check('host-sees-speaker-joined', joined.ok, { ms: joined.ms });

  // 3. viewer 2 decodes the new speaker's video (the host sends no video at all).
  const video = await waitFor(() => viewerStats(v2), (s) => s.framesDecoded >= 10, 15000);
  report.check('viewer2-decodes-speaker-video', video.ok, { ...video.value, ms: video.ms });
  const [a0, a1] = await over(1000, () => viewerStats(v2));
  report.check('viewer2-hears-speaker', a1.audioPackets > a0.audioPackets,
    { before: a0.audioPackets, after: a1.audioPackets });

  // 4. the host mutes the speaker: viewer 2's audio packets from that source stop increasing.
  await host.evaluate(() => window.odeon.mute('viewer1'));
  const mutedEvent = await waitFor(() => viewerEventNames(v2), (ev) => ev.includes('muted'), 5000);
  report.check('viewer2-told-muted', mutedEvent.ok, { ms: mutedEvent.ms });
  await new Promise((r) => setTimeout(r, 300)); // packets already in flight when the mute landed
  const [m0, m1] = await over(1500, () => viewerStats(v2));
  report.check('muted-audio-stops', m1.audioPackets === m0.audioPackets,
    { before: m0.audioPackets, after: m1.audioPackets });
  report.check('video-continues-while-muted', m1.framesDecoded > m0.framesDecoded,
    { before: m0.framesDecoded, after: m1.framesDecoded });

  // 5. the host moves the speaker back: their video stops reaching viewer 2 within 2 s.
  const movedAt = Date.now();
  await host.evaluate(() => window.odeon.moveBack('viewer1'));
  const [f0, f1] = await (async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (Date.now() - movedAt))));
    return over(1500, () => viewerStats(v2));
  })();
  report.check('video-stops-within-2s', f1.framesDecoded === f0.framesDecoded,
    { framesAt2s: f0.framesDecoded, framesAt3_5s: f1.framesDecoded });
  const stepped = await waitFor(() => speakerState(v1), (s) => s !== 'live', 5000);
  report.check('viewer1-stops-publishing', stepped.ok, { state: stepped.value, ms: stepped.ms });
  const left = await waitFor(() => hostEvents(host), (ev) => ev.includes('speakerLeft'), 5000);
  report.check('host-sees-speaker-left', left.ok, { ms: left.ms });

  const pages = [host, v1, v2];
  for (const p of pages) {
    if (p.odeonErrors.length) report.info('page-errors', { errors: p.odeonErrors });
  }
  report.check('no-uncaught-page-errors', !pages.some((p) => p.odeonErrors.some((e) => e.includes('uncaught'))),
    { errors: pages.flatMap((p) => p.odeonErrors) });
  await Promise.all(pages.map((p) => p.close()));
}

await runScenarios(report, OVERALL_LIMIT_MS, [['stage', scenario]], { baseUrl: base, stream: STREAM });
