// A stand-in for the Odeon server, for developing the pages, the SDK and the e2e harness before
// the real server runs: serves src/main/web like the server does, mints fake dev tokens, speaks the
// WebSocket protocol of docs/protocol.md, and relays media through a Chromium page (mock/sfu.html).
// It also counts datagrams on a UDP "media port" so media.mjs's flood has a target.
//   node mock/mock-server.mjs [--http-port N] [--media-port N]
// It is NOT a test of the server; the real check is MediaEndToEndIT against odeon-server.jar.
import http from 'node:http';
import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptWebSocket } from './ws.mjs';
import { launchBrowser } from '../lib/browser.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const WEB = join(HERE, '..', '..', 'src', 'main', 'web');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
const ROUTES = { '/': 'index.html', '/publish': 'publish.html', '/watch': 'watch.html' };

let sfu = null;
let nextReq = 1;
const sfuWaiting = new Map();
const clients = new Set();
const live = new Map(); // stream -> Set of publisher client ids
let nextConn = 1;

function askSfu(msg) {
  const reqId = nextReq++;
  sfu.send({ ...msg, reqId });
  return new Promise((resolve, reject) => sfuWaiting.set(reqId, { resolve, reject }));
}

function broadcast(stream, name, data) {
  for (const c of clients) if (c.viewing && c.token.stream === stream) c.ws.send({ type: 'event', name, data });
}

async function handleCmd(c, m) {
  const reply = (data) => c.ws.send({ type: 'response', id: m.id, ok: true, data });
  const fail = (code, message) => c.ws.send({ type: 'response', id: m.id ?? null, ok: false, error: { code, message } });
  const { stream, role, source } = c.token;
  if (m.name === 'keepalive') return reply({});
  if (m.name === 'publish') {
    if (role !== 'publisher') return fail('unauthorized', 'not a publisher token');
    if (c.publishing) return fail('already_publishing', 'unpublish first');
    const sdp = await askSfu({ op: 'publish', conn: c.id, stream, sdp: m.data.sdp });
    c.publishing = true;
    reply({ sdp, sessionId: `pub-${c.id}` });
    broadcast(stream, 'active', { streamId: stream, sourceId: source ?? null, tracks: [] });
    return undefined;
  }
  if (m.name === 'unpublish') {
    if (!c.publishing) return fail('not_publishing', 'not publishing');
    await endPublishing(c);
    return reply({});
  }
  if (m.name === 'view') {
    if (role !== 'viewer') return fail('unauthorized', 'not a viewer token');
    const sdp = await askSfu({ op: 'view', conn: c.id, stream, sdp: m.data.sdp, preferH264: /h264/i.test(stream) });
    reply({ sdp, sessionId: `view-${c.id}` });
    c.viewing = true;
    for (const p of clients) {
      if (p.publishing && p.token.stream === stream) c.ws.send({ type: 'event', name: 'active', data: { streamId: stream, sourceId: p.token.source ?? null, tracks: [] } });
    }
    return undefined;
  }
  return fail('bad_request', `unknown command '${m.name}'`);
}

async function endPublishing(c) {
  c.publishing = false;
  await askSfu({ op: 'end', conn: c.id });
  broadcast(c.token.stream, 'inactive', { streamId: c.token.stream, sourceId: c.token.source ?? null });
}

function onUpgrade(req, socket) {
  const token = new URL(req.url, 'http://x').searchParams.get('token');
  if (token === 'mock-sfu') {
    sfu = acceptWebSocket(req, socket);
    sfu.onText = (t) => {
      const m = JSON.parse(t);
      const w = sfuWaiting.get(m.reqId);
      sfuWaiting.delete(m.reqId);
      if (m.error) w?.reject(new Error(m.error));
      else w?.resolve(m.sdp);
    };
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(token || '', 'base64url').toString());
  } catch {
    socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const c = { id: nextConn++, token: parsed, ws: acceptWebSocket(req, socket), publishing: false };
  clients.add(c);
  c.ws.onText = (t) => {
    let m;
    try {
      m = JSON.parse(t);
    } catch {
      c.ws.send({ type: 'response', id: null, ok: false, error: { code: 'bad_request', message: 'not JSON' } });
      return;
    }
    handleCmd(c, m).catch((e) => c.ws.send({ type: 'response', id: m.id, ok: false, error: { code: 'internal', message: e.message } }));
  };
  c.ws.onClose = () => {
    clients.delete(c);
    if (c.publishing) endPublishing(c);
    else askSfu({ op: 'end', conn: c.id }).catch(() => {});
  };
}

async function onRequest(req, res) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/api/dev/token') {
    const p = Object.fromEntries(url.searchParams);
    const token = Buffer.from(JSON.stringify({ stream: p.stream, role: p.role, source: p.source })).toString('base64url');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, expiresAt: new Date(Date.now() + 60000).toISOString() }));
    return;
  }
  const file = url.pathname === '/mock/sfu.html' ? join(HERE, 'sfu.html')
    : join(WEB, normalize(ROUTES[url.pathname] || url.pathname).replace(/^(\.\.[/\\])+/, ''));
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

const udp = dgram.createSocket('udp4');
let datagrams = 0;
udp.on('message', () => { datagrams++; });
await new Promise((r) => udp.bind(arg('--media-port', 0), '127.0.0.1', r));
const server = http.createServer(onRequest);
server.on('upgrade', onUpgrade);
await new Promise((r) => server.listen(arg('--http-port', 0), '127.0.0.1', r));
const httpPort = server.address().port;
const browser = await launchBrowser();
const page = await browser.context.newPage();
page.on('console', (m) => console.log('mock sfu:', m.text()));
page.on('pageerror', (e) => console.log('mock sfu error:', e.message));
await page.goto(`http://127.0.0.1:${httpPort}/mock/sfu.html`);
await page.waitForFunction(() => window.mockSfuReady === true);
console.log(`MOCK (not the real server) Odeon ready: open http://127.0.0.1:${httpPort}/ (udp 127.0.0.1:${udp.address().port})`);

const shutdown = async () => {
  console.log(`mock: ${datagrams} datagrams received on the media port`);
  await browser.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
