// Browser end-to-end scenario for interactive sessions against a running Odeon server:
//   node interactive.mjs <baseUrl>
// Three viewer pages (watch.html: real WebRTC data channels on the viewer's peer connection) and a
// backend in a fourth page (the SDK's InteractiveClient over the browser's WebSocket, with the
// interactive-server grant). Prints one JSON line per check and a final {"ok":...} line; exits 0
// only if every check passed.
import { openPage, runScenarios } from './lib/browser.mjs';
import { Report, waitFor } from './lib/checks.mjs';

const [baseArg] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node interactive.mjs <baseUrl>');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const report = new Report();
const STREAM = 'play';
const NAMES = ['alice', 'bob', 'carol'];
const OVERALL_LIMIT_MS = 120_000;

const relayed = (page) => page.evaluate(() => window.odeon.interactive);
const backendLog = (page) => page.evaluate(() => window.backendLog);
const named = (list, eventName) => (Array.isArray(list) ? list.filter((m) => m.eventName === eventName) : []);

async function scenario(context) {
  const viewers = [];
  for (const name of NAMES) {
    viewers.push(await openPage(context, `${base}/watch?stream=${STREAM}&autostart=1&identity=${name}`, name));
  }
  for (const [i, v] of viewers.entries()) {
    const r = await waitFor(() => v.evaluate(() => window.odeon.viewer.interactive?.channel.readyState), (s) => s === 'open', 20000);
    report.check(`datachannel-open-${NAMES[i]}`, r.ok, { readyState: r.value, ms: r.ms });
  }

  const backend = await openPage(context, `${base}/`, 'backend');
  await backend.evaluate(async (stream) => {
    const { InteractiveClient } = await import('/sdk/odeon.js');
    window.backendLog = [];
    window.backend = new InteractiveClient({ stream, role: 'viewer', grants: 'interactive-server', identity: 'game-server' });
    window.backendErrors = [];
    window.backend.on('message', (m) => window.backendLog.push(m));
    window.backend.on('relayerror', (e) => window.backendErrors.push(e));
    await window.backend.join();
    await window.backend.startSession();
  }, STREAM);
  report.check('backend-official', await backend.evaluate(() => window.backend.official), {});

  for (const [i, v] of viewers.entries()) {
    const r = await waitFor(() => relayed(v), (l) => named(l, 'session.started').length === 1, 10000);
    report.check(`session-started-${NAMES[i]}`, r.ok, { ms: r.ms });
  }
  await backend.evaluate(() => window.backend.requestViewerCount());
  const count = await waitFor(() => backendLog(backend), (l) => named(l, 'viewercount').length > 0, 10000);
  report.check('viewer-count', count.ok && named(count.value, 'viewercount')[0].count === 3,
    { count: named(count.value, 'viewercount')[0]?.count });

  // 1. A viewer's click reaches the backend with `from` set and official:false.
  await viewers[0].evaluate(() => window.odeon.viewer.interactive.send('click', { points: 1 }));
  const click = await waitFor(() => backendLog(backend), (l) => named(l, 'click').length > 0, 10000);
  const c = named(click.value, 'click')[0] || {};
  report.check('click-reaches-backend', click.ok && c.from === 'alice' && c.official === false && c.points === 1,
    { from: c.from, official: c.official, points: c.points, ms: click.ms });

  // 2. The backend's broadcast reaches all three viewers with official:true.
  await backend.evaluate(() => window.backend.send('leaderboard', { scores: { alice: 1 } }));
  for (const [i, v] of viewers.entries()) {
    const r = await waitFor(() => relayed(v), (l) => named(l, 'leaderboard').length > 0, 10000);
    const m = named(r.value, 'leaderboard')[0] || {};
    report.check(`broadcast-${NAMES[i]}`, r.ok && m.official === true && m.from === 'game-server' && m.scores?.alice === 1,
      { official: m.official, from: m.from, ms: r.ms });
  }

  // 3. A forged official:true (and from) from a viewer arrives stripped.
  await viewers[1].evaluate(() => window.odeon.viewer.interactive.sendMessage(
    { type: 'event', eventName: 'forged', official: true, from: 'game-server', timestamp: Date.now() }));
  const forged = await waitFor(() => backendLog(backend), (l) => named(l, 'forged').length > 0, 10000);
  const f = named(forged.value, 'forged')[0] || {};
  report.check('forged-official-stripped', forged.ok && f.official === false && f.from === 'bob',
    { official: f.official, from: f.from });

  // 4. A poll: three votes clicked on the overlay; the final result is exact and arrives once.
  await backend.evaluate(() => window.backend.openPoll(
    { pollId: 'map', question: 'Next map?', options: ['desert', 'jungle', 'ice'], windowMs: 4000, showViewers: true }));
  const choices = [1, 1, 2];
  for (const [i, v] of viewers.entries()) {
    const opened = await waitFor(() => relayed(v), (l) => l.some((m) => m.eventName === 'poll.opened'), 10000);
    const shown = await waitFor(() => v.evaluate(() => document.querySelectorAll('#poll:not([hidden]) button.poll-option').length), (n) => n === 3, 5000);
    report.check(`poll-shown-${NAMES[i]}`, opened.ok && shown.ok, {
      openedMs: opened.ms, buttons: shown.value,
      relayed: opened.ok ? undefined : (opened.value || []).map((m) => m.eventName || m.type),
      backendErrors: opened.ok ? undefined : await backend.evaluate(() => window.backendErrors),
    });
    if (!shown.ok) continue;
    await v.click(`#poll-options button[data-option="${choices[i]}"]`);
  }
  const result = await waitFor(() => backendLog(backend), (l) => named(l, 'poll.result').length > 0, 15000);
  const res = named(result.value, 'poll.result')[0] || {};
  report.check('poll-exact-tally', result.ok && JSON.stringify(res.counts) === '[0,2,1]' && res.total === 3 && res.final === true,
    { counts: res.counts, total: res.total, tallies: named(result.value, 'poll.tally').length, ms: result.ms });
  // Two more tally intervals: a second result would have arrived by then.
  await new Promise((r) => setTimeout(r, 2500));
  const results = named(await backendLog(backend), 'poll.result').length;
  report.check('poll-result-once', results === 1, { results });
  for (const [i, v] of viewers.entries()) {
    const r = await waitFor(() => v.evaluate(() => document.getElementById('poll-status').textContent), (t) => t === 'final result', 5000);
    report.check(`overlay-final-${NAMES[i]}`, r.ok, { status: r.value });
  }

  const metrics = await (await fetch(`${base}/metrics`)).text();
  const votes = /^odeon_relay_votes_total (\S+)/m.exec(metrics);
  report.check('metrics-votes', votes && Number(votes[1]) === 3, { votes: votes?.[1] });

  const errors = [...viewers, backend].flatMap((p) => p.odeonErrors);
  report.check('no-page-errors', errors.length === 0, { errors });
}

await runScenarios(report, OVERALL_LIMIT_MS, [['interactive', scenario]]);
