// Multisource end-to-end scenario against a running Odeon server:
//   node multiplex.mjs <baseUrl>
// A silent host (default source) and three publishers s1, s2, s3 whose fake microphones play
// speech (s1, s3) or silence (s2) from WAV files made here with espeak-ng and sox (one Chromium
// per publisher: the fake-capture file is a browser-wide flag). A viewer with
// multiplexedAudioTracks 2 must get `vad` events naming s1 and s3 and receive speech on those
// slots; projecting s1's video into an extra video slot must decode frames there; a viewer that
// excludes s1 must never be told about s1. Prints one JSON line per check and a final {"ok":...}.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage } from './lib/browser.mjs';
import { Report, waitFor } from './lib/checks.mjs';
import { publisherState } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');
const [baseArg] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node multiplex.mjs <baseUrl>');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const report = new Report();
const OVERALL_LIMIT_MS = 200_000;
const STREAM = 'mux-e2e';

/** 48 kHz mono 16-bit WAVs: speech (espeak-ng, looped to ~30 s) and 30 s of digital silence. */
function makeAudio() {
  mkdirSync(OUT, { recursive: true });
  const files = {};
  const texts = {
    s1: 'Good evening everyone, welcome to the stage. Today we talk about live streaming and low latency video.',
    s3: 'Thank you for having me. I have been building real time media servers for many years now.',
  };
  for (const [name, text] of Object.entries(texts)) {
    const raw = join(OUT, `${name}-raw.wav`);
    files[name] = join(OUT, `${name}.wav`);
    execFileSync('espeak-ng', ['-s', '170', '-w', raw, text]);
    execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', files[name], 'repeat', '5']);
  }
  files.s2 = join(OUT, 's2-silence.wav');
  execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', files.s2, 'trim', '0.0', '30']);
  return files;
}

/** Per receive slot of the viewer page: {mid, kind, role, sourceId, packets, energy, frames}. */
function slotStats(page) {
  return page.evaluate(async () => {
    const v = window.odeon?.viewer;
    if (!v?.pc) return [];
    const out = [];
    for (const slot of v.slots) {
      const t = v.pc.getTransceivers().find((x) => x.mid === slot.mid);
      let packets = 0;
      let energy = 0;
      let frames = 0;
      if (t) {
        (await t.receiver.getStats()).forEach((s) => {
          if (s.type !== 'inbound-rtp') return;
          packets += s.packetsReceived ?? 0;
          energy += s.totalAudioEnergy ?? 0;
          frames += s.framesDecoded ?? 0;
        });
      }
      out.push({ mid: slot.mid, kind: slot.kind, role: slot.role, sourceId: slot.sourceId, packets, energy, frames });
    }
    return out;
  });
}

/** The viewer page's vad events: [{mid, sourceId, at}]. */
function vadEvents(page) {
  return page.evaluate(() => (window.odeon?.events || []).filter((e) => e.name === 'vad'));
}

const sameSet = (slots, want) => JSON.stringify(Object.values(slots).sort()) === JSON.stringify([...want].sort());

const latestByMid = (vads) => {
  const m = {};
  for (const e of vads) m[e.mid] = e.sourceId;
  return m;
};

async function scenario(browsers, files) {
  const host = await openPage(browsers.host.context, `${base}/publish?stream=${STREAM}&autostart=1`, 'host');
  const hostLive = await waitFor(() => publisherState(host), (s) => s === 'live', 15000);
  report.check('host-live', hostLive.ok, { state: hostLive.value, ms: hostLive.ms });
  const pubs = {};
  const goLive = async (name) => {
    pubs[name] = await openPage(browsers[name].context, `${base}/publish?stream=${STREAM}&source=${name}&autostart=1`, name);
    const live = await waitFor(() => publisherState(pubs[name]), (s) => s === 'live', 15000);
    report.check(`${name}-live`, live.ok, { state: live.value, ms: live.ms, audio: files[name].split('/').pop() });
  };
  await goLive('s1');
  await goLive('s2');

  const viewer = await openPage(browsers.host.context, `${base}/watch?stream=${STREAM}&autostart=1&mux=2&extraVideo=1`, 'viewer');
  // With only s1 and s2 live, the two multiplexed slots hold them.
  const first = await waitFor(() => vadEvents(viewer), (v) => sameSet(latestByMid(v), ['s1', 's2']), 15000);
  report.check('vad-fills-both-slots', first.ok, { slots: latestByMid(first.value || []), ms: first.ms });
  await waitFor(() => slotStats(viewer), (st) => st.filter((x) => x.role === 'multiplexed').every((x) => x.packets > 0), 15000);

  // Sample each multiplexed slot's decoded audio energy every 20 ms from now on, to see when the
  // new speaker's voice arrives relative to the vad event that announces it.
  await viewer.evaluate(() => {
    window.__samples = [];
    setInterval(async () => {
      const v = window.odeon.viewer;
      for (const slot of v.slots.filter((x) => x.role === 'multiplexed')) {
        const t = v.pc.getTransceivers().find((x) => x.mid === slot.mid);
        let energy = 0;
        (await t.receiver.getStats()).forEach((st) => { if (st.type === 'inbound-rtp') energy += st.totalAudioEnergy ?? 0; });
        window.__samples.push({ at: Date.now(), mid: slot.mid, energy });
      }
    }, 20);
  });

  // s3 (speech) goes live: it must replace the silent s2, announced by vad before its voice.
  await goLive('s3');
  const speakers = await waitFor(() => vadEvents(viewer), (v) => sameSet(latestByMid(v), ['s1', 's3']), 30000);
  report.check('vad-names-the-speakers', speakers.ok, { slots: latestByMid(speakers.value || []), vad: speakers.value, ms: speakers.ms });
  const switchEvent = (speakers.value || []).filter((e) => e.sourceId === 's3').pop();
  await new Promise((r) => setTimeout(r, 2000));
  const samples = await viewer.evaluate(() => window.__samples);
  const onSlot = samples.filter((x) => x.mid === switchEvent?.mid);
  const atVad = onSlot.filter((x) => x.at <= switchEvent?.at).pop()?.energy ?? 0;
  const voice = onSlot.find((x) => x.at > (switchEvent?.at ?? 0) && x.energy > atVad + 1e-4)
    ?? onSlot.find((x) => x.energy > 1e-4);
  const vadToVoiceMs = voice && switchEvent ? voice.at - switchEvent.at : null;
  report.check('vad-before-new-speakers-voice', vadToVoiceMs !== null && vadToVoiceMs >= 0,
    { mid: switchEvent?.mid, vadAt: switchEvent?.at, voiceAt: voice?.at, vadToVoiceMs, samples: onSlot.length });

  // Speech arrives on both multiplexed slots (packets and decoded audio energy grow).
  const before = await slotStats(viewer);
  const muxMids = before.filter((s) => s.role === 'multiplexed').map((s) => s.mid);
  const grows = await waitFor(() => slotStats(viewer), (after) => muxMids.every((mid) => {
    const a = after.find((s) => s.mid === mid);
    const b = before.find((s) => s.mid === mid);
    return a && b && a.packets >= b.packets + 50 && a.energy > b.energy + 0.001;
  }), 15000);
  report.check('speech-on-multiplexed-slots', grows.ok, { before, after: grows.value, ms: grows.ms });

  // How the vad events relate in time to the slot's audio (browser-side clock, 100 ms polling).
  const vads = await vadEvents(viewer);
  report.info('vad-events', { vads });

  // Projection: s1's video into the extra video slot decodes frames there.
  const extra = (await slotStats(viewer)).find((s) => s.role === 'extra');
  const projected = await viewer.evaluate(async (mid) => {
    try {
      await window.odeon.viewer.project('s1', [{ media: 'video', mid }]);
      return 'ok';
    } catch (e) {
      return e.code || e.message;
    }
  }, extra?.mid ?? '');
  report.check('project-accepted', projected === 'ok', { result: projected, mid: extra?.mid });
  const frames = await waitFor(() => slotStats(viewer), (s) => (s.find((x) => x.mid === extra?.mid)?.frames ?? 0) >= 10, 15000);
  report.check('projected-video-decodes', frames.ok, { slot: frames.value?.find?.((x) => x.mid === extra?.mid), ms: frames.ms });

  const errors = await viewer.evaluate(async () => {
    const v = window.odeon.viewer;
    const code = (p) => p.then(() => 'ok', (e) => e.code);
    const audioMid = v.slots.find((s) => s.kind === 'audio').mid;
    return {
      unknownMid: await code(v.project('s1', [{ media: 'video', mid: '99' }])),
      kindMismatch: await code(v.project('s1', [{ media: 'video', mid: audioMid }])),
      unknownSource: await code(v.project('nobody', [{ media: 'audio', mid: audioMid }])),
    };
  });
  report.check('project-errors', errors.unknownMid === 'unknown_mid' && errors.kindMismatch === 'kind_mismatch'
    && errors.unknownSource === 'unknown_source', errors);

  // A viewer that excludes s1: its slots fill with s3 and s2, never with s1.
  const excluder = await openPage(browsers.host.context, `${base}/watch?stream=${STREAM}&autostart=1&mux=2&exclude=s1`, 'excluder');
  const exVads = await waitFor(() => vadEvents(excluder), (v) => Object.keys(latestByMid(v)).length === 2, 15000);
  const named = (exVads.value || []).map((e) => e.sourceId);
  report.check('excluded-source-never-named', exVads.ok && !named.includes('s1') && named.includes('s3'), { vad: exVads.value });
  const exStats = await waitFor(() => slotStats(excluder),
    (st) => st.length > 0 && st.filter((s) => s.role === 'multiplexed').every((s) => s.packets > 0), 15000);
  report.check('excluder-receives-audio', exStats.ok, { slots: exStats.value, ms: exStats.ms });
  const exLater = (await vadEvents(excluder)).map((e) => e.sourceId);
  report.check('excluded-source-still-never-named', !exLater.includes('s1'), { named: exLater });

  for (const p of [host, viewer, excluder, ...Object.values(pubs)]) {
    if (p.odeonErrors.length) report.info('page-errors', { errors: p.odeonErrors });
  }
  const uncaught = [host, viewer, excluder, ...Object.values(pubs)].flatMap((p) => p.odeonErrors).filter((e) => e.includes('uncaught'));
  report.check('no-uncaught-page-errors', uncaught.length === 0, { errors: uncaught });
}

const guard = setTimeout(() => {
  report.check('overall-time-limit', false, { reason: `scenario still running after ${OVERALL_LIMIT_MS} ms` });
  process.exit(report.finish());
}, OVERALL_LIMIT_MS);

const browsers = {};
try {
  const files = makeAudio();
  report.info('audio-files', files);
  browsers.host = await launchBrowser();
  for (const name of ['s1', 's2', 's3']) {
    browsers[name] = await launchBrowser({ extraArgs: [`--use-file-for-fake-audio-capture=${files[name]}`] });
  }
  await scenario(browsers, files);
} catch (e) {
  report.check('multiplex-scenario-completed', false, { error: e.stack || String(e) });
} finally {
  for (const b of Object.values(browsers)) await b.close();
  clearTimeout(guard);
}
process.exit(report.finish({ baseUrl: base }));
