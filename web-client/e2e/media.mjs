// Browser end-to-end scenario against a running Odeon server:
//   node media.mjs <baseUrl> <mediaPort>
// Prints one JSON line per check and a final {"ok":...} line; exits 0 only if every check passed.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, runScenarios } from './lib/browser.mjs';
import { Report, waitFor } from './lib/checks.mjs';
import { flood } from './lib/flood.mjs';
import { publisherEstimate, publisherState, publisherStats, sendCodecs, viewerEvents, viewerStats } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const [baseArg, portArg] = process.argv.slice(2);
const mediaPort = Number(portArg);
if (!baseArg || !Number.isInteger(mediaPort) || mediaPort <= 0 || mediaPort > 65535) {
  console.error('usage: node media.mjs <baseUrl> <mediaPort>');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const report = new Report();
const OVERALL_LIMIT_MS = 200_000;

const receiving = (s) => s.framesDecoded > 0 && s.audioPackets > 0;

// Frames still in flight when a check starts could look like progress; ten more frames can not.
const MIN_NEW_FRAMES = 10;

/** Waits until every viewer decoded MIN_NEW_FRAMES more than in `before`, on the same pc. */
async function framesIncrease(name, viewers, before, timeoutMs) {
  for (const [i, v] of viewers.entries()) {
    const want = before[i].framesDecoded + MIN_NEW_FRAMES;
    const r = await waitFor(() => viewerStats(v), (s) => s.framesDecoded >= want, timeoutMs);
    report.check(`${name}-viewer${i + 1}`, r.ok && r.value.pcId === before[i].pcId, {
      framesBefore: before[i].framesDecoded, framesAfter: r.value.framesDecoded,
      samePeerConnection: r.value.pcId === before[i].pcId, ms: r.ms,
    });
  }
}

async function scenario(context) {
  // a) one publisher, two viewers on stream e2e.
  const pub = await openPage(context, `${base}/publish?stream=e2e&autostart=1`, 'publisher');
  const viewers = [
    await openPage(context, `${base}/watch?stream=e2e&autostart=1`, 'viewer1'),
    await openPage(context, `${base}/watch?stream=e2e&autostart=1`, 'viewer2'),
  ];
  const live = await waitFor(() => publisherState(pub), (s) => s === 'live', 15000);
  report.check('publisher-live', live.ok, { state: live.value, ms: live.ms });

  // b) each viewer decodes video and receives audio.
  for (const [i, v] of viewers.entries()) {
    const r = await waitFor(() => viewerStats(v), receiving, 15000);
    report.check(`receive-viewer${i + 1}`, r.ok, { ...r.value, ms: r.ms });
  }

  // c) stop -> inactive; go live again -> frames resume on the same peer connection.
  const eventsBefore = await Promise.all(viewers.map((v) => viewerEvents(v)));
  await pub.click('#stop');
  for (const [i, v] of viewers.entries()) {
    const n = eventsBefore[i].filter((e) => e === 'inactive').length;
    const r = await waitFor(() => viewerEvents(v), (ev) => ev.filter((e) => e === 'inactive').length > n, 10000);
    report.check(`inactive-viewer${i + 1}`, r.ok, { events: r.value, ms: r.ms });
  }
  const paused = await Promise.all(viewers.map((v) => viewerStats(v)));
  const eventsPaused = await Promise.all(viewers.map((v) => viewerEvents(v)));
  await pub.click('#golive');
  const liveAgainAt = Date.now();
  const again = await waitFor(() => publisherState(pub), (s) => s === 'live', 15000);
  report.check('publisher-live-again', again.ok, { state: again.value, ms: again.ms });
  await framesIncrease('resume', viewers, paused, 15000);
  for (const [i, v] of viewers.entries()) {
    const n = eventsPaused[i].length;
    const r = await waitFor(() => viewerEvents(v), (ev) => ev.slice(n).includes('active'), 5000);
    report.check(`active-again-viewer${i + 1}`, r.ok, { events: r.value, ms: r.ms });
  }

  // d) hostile datagrams at the media port must not disturb a watching viewer.
  const flooded = await flood('127.0.0.1', mediaPort, 10000);
  report.info('flood', { ...flooded, port: mediaPort });
  const afterFlood = await Promise.all(viewers.map((v) => viewerStats(v)));
  await framesIncrease('after-flood', viewers, afterFlood, 5000);
  mkdirSync(join(HERE, 'out'), { recursive: true });
  await viewers[0].screenshot({ path: join(HERE, 'out', 'watch.png') });
  report.info('screenshot', { path: 'web-client/e2e/out/watch.png' });
  const home = await fetch(`${base}/`).then((r) => r.status, (e) => e.message);
  report.check('http-after-flood', home === 200, { status: home });

  // f) transport-cc: the publisher's bandwidth estimator lives on our feedback. Without it an
  //    estimate that negotiated transport-cc decays within seconds (2.5 -> 1.1 -> 0.36 -> 0.18 Mbit/s
  //    at 2.5, 7.5, 12.5, 15 s, measured here with the feedback switched off); with it, it stays at the
  //    2.5 Mbit/s our REMB allows. So it is read 15 s after this publisher connection went live.
  const settle = 15000 - (Date.now() - liveAgainAt);
  if (settle > 0) await new Promise((r) => setTimeout(r, settle));
  const est = await publisherEstimate(pub);
  report.check('publisher-estimate-holds', est.availableOutgoingBitrate >= 1_500_000,
    { ...est, secondsSinceLive: Math.round((Date.now() - liveAgainAt) / 1000) });
  const metrics = await (await fetch(`${base}/metrics`)).text();
  const feedback = Number(/^odeon_transport_cc_feedback_total (\S+)/m.exec(metrics)?.[1] ?? 0);
  report.check('transport-cc-feedback-sent', feedback > 0, { feedback });

  await Promise.all([pub, ...viewers].map((p) => p.close()));
  for (const p of [pub, ...viewers]) {
    if (p.odeonErrors.length) report.info('page-errors', { errors: p.odeonErrors });
  }
  report.check('no-uncaught-page-errors', ![pub, ...viewers].some((p) => p.odeonErrors.some((e) => e.includes('uncaught'))),
    { errors: [pub, ...viewers].flatMap((p) => p.odeonErrors) });
}

async function h264Scenario(context) {
  // e) H.264 forced on the publisher; the viewer must decode H.264.
  const pub = await openPage(context, `${base}/publish?stream=e2e-h264&autostart=1&codec=H264`, 'h264-publisher');
  const codecs = await sendCodecs(pub);
  if (!codecs.some((c) => c.toLowerCase() === 'video/h264')) {
    report.check('h264-viewer', false, { reason: 'this Chromium has no H.264 encoder', sendCodecs: codecs });
    return;
  }
  const viewer = await openPage(context, `${base}/watch?stream=e2e-h264&autostart=1`, 'h264-viewer');
  const r = await waitFor(() => viewerStats(viewer), (s) => s.videoCodec === 'video/H264' && s.framesDecoded > 0, 15000);
  report.check('h264-viewer', r.ok, { ...r.value, ms: r.ms });
  report.info('h264-publisher', await publisherStats(pub));
  await Promise.all([pub.close(), viewer.close()]);
}

// Each scenario runs even when the other one broke, so one run reports as much as it can.
await runScenarios(report, OVERALL_LIMIT_MS, [['main', scenario], ['h264', h264Scenario]], { baseUrl: base, mediaPort });
