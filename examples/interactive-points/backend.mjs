// The points-and-leaderboard interactive session (docs/interactive.md), as a streamer's backend.
//
//   node --experimental-websocket examples/interactive-points/backend.mjs [baseUrl] [stream]
//
// (Node 22+ has WebSocket built in and needs no flag.) Defaults: http://127.0.0.1:8080, stream demo.
// Against a dev-mode server it mints its own token with the interactive-server grant; in production
// pass a token minted by your API key holder in ODEON_TOKEN.
//
// What it does: starts the stream's interactive session; every `click` event a viewer sends earns
// that viewer one point; after each click it broadcasts the top-10 `leaderboard` to every viewer
// (official:true, so pages can trust it). Every 60 s it runs a 20-second poll on the next bonus,
// and prints each result. Ctrl-C closes the session.
import { InteractiveClient } from '../../web-client/src/main/web/sdk/odeon.js';

const baseUrl = process.argv[2] || 'http://127.0.0.1:8080';
const stream = process.argv[3] || 'demo';
if (typeof globalThis.WebSocket !== 'function') {
  console.error('this Node has no WebSocket: run with --experimental-websocket (Node 20.10+) or use Node 22+');
  process.exit(2);
}

const points = new Map();
const backend = new InteractiveClient({
  stream, baseUrl, token: process.env.ODEON_TOKEN,
  role: 'viewer', grants: 'interactive-server', identity: 'points-backend',
});

function leaderboard() {
  return [...points.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)
    .map(([identity, score]) => ({ identity, score }));
}

backend.on('event', (e) => {
  if (e.eventName !== 'click') return;
  // `from` is stamped by the server from the viewer's token: it cannot be forged.
  points.set(e.from, (points.get(e.from) || 0) + 1);
  backend.send('leaderboard', { top: leaderboard() });
});
backend.on('system', (e) => {
  if (e.eventName === 'user.joined') backend.send('leaderboard', { top: leaderboard() }, [e.identity]);
  console.log(`system: ${e.eventName}${e.identity ? ' ' + e.identity : ''}${e.count !== undefined ? ' ' + e.count : ''}`);
});
backend.on('poll', (e) => {
  if (e.eventName === 'poll.result') console.log(`poll ${e.pollId}: ${JSON.stringify(e.counts)} (${e.total} votes)`);
});
backend.on('relayerror', (e) => console.warn(`relay error ${e.code}: ${e.message}`));
backend.on('close', (e) => {
  console.log(`connection closed (${e.code} ${e.reason || ''})`);
  process.exit(1);
});

await backend.join();
await backend.startSession();
console.log(`points backend live on stream '${stream}' (${baseUrl}); official=${backend.official}`);

let round = 0;
const polls = setInterval(() => {
  round += 1;
  backend.openPoll({
    pollId: `bonus-${round}`, question: 'Double points for…', options: ['clicks', 'nothing', 'everyone'],
    windowMs: 20_000, showViewers: true,
  });
  backend.requestViewerCount();
}, 60_000);

process.on('SIGINT', async () => {
  clearInterval(polls);
  await backend.closeSession().catch(() => {});
  backend.close();
  process.exit(0);
});
