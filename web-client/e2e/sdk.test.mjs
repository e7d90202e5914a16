// Unit tests of the JS SDK's protocol logic (envelope, ids, errors, events, keepalive) with a fake
// WebSocket, plus Publisher/Viewer with a fake RTCPeerConnection. Run: node --test sdk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchDevToken, OdeonConnection, OdeonError, Publisher, StageControl, Viewer } from '../src/main/web/sdk/odeon.js';

/** A WebSocket stand-in: records sent frames; the test drives open/message/close. */
class FakeWebSocket {
  static last = null;
  static autoOpen = true;
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.readyState = 0;
    FakeWebSocket.last = this;
    if (FakeWebSocket.autoOpen) queueMicrotask(() => this.open());
  }
  open() { this.readyState = 1; this.onopen?.({}); }
  send(text) { this.sent.push(JSON.parse(text)); }
  close(code = 1000, reason = '') { this.readyState = 3; this.onclose?.({ code, reason }); }
  serverSends(obj) { this.onmessage?.({ data: typeof obj === 'string' ? obj : JSON.stringify(obj) }); }
  lastCmd() { return this.sent[this.sent.length - 1]; }
}

const opts = { WebSocketImpl: FakeWebSocket, keepaliveMs: 0, commandTimeoutMs: 1000 };
const tick = () => new Promise((r) => setImmediate(r));

async function openConnection(extra = {}) {
  const conn = new OdeonConnection('ws://h/ws?token=t', { ...opts, ...extra });
  await conn.connect();
  return { conn, ws: FakeWebSocket.last };
}

test('commands carry increasing ids and resolve with the matching response data', async () => {
  const { conn, ws } = await openConnection();
  const a = conn.send('publish', { sdp: 'x' });
  const b = conn.send('unpublish');
  assert.deepEqual(ws.sent[0], { type: 'cmd', id: 1, name: 'publish', data: { sdp: 'x' } });
  assert.deepEqual(ws.sent[1], { type: 'cmd', id: 2, name: 'unpublish', data: {} });
  ws.serverSends({ type: 'response', id: 2, ok: true, data: {} });
  ws.serverSends({ type: 'response', id: 1, ok: true, data: { sdp: 'answer', sessionId: 's1' } });
  assert.deepEqual(await a, { sdp: 'answer', sessionId: 's1' });
  assert.deepEqual(await b, {});
});

test('an error response rejects with OdeonError carrying code and message', async () => {
  const { conn, ws } = await openConnection();
  const p = conn.send('publish', {});
  ws.serverSends({ type: 'response', id: 1, ok: false, error: { code: 'bad_sdp', message: 'no ice-ufrag' } });
  await assert.rejects(p, (e) => e instanceof OdeonError && e.code === 'bad_sdp' && e.message === 'no ice-ufrag');
});

test('events reach listeners by name; unsubscribe stops them; garbage frames do not throw', async () => {
  const { conn, ws } = await openConnection();
  const got = [];
  const off = conn.on('active', (d) => got.push(d.sourceId));
  const errors = [];
  conn.on('error', (e) => errors.push(e.code));
  ws.serverSends({ type: 'event', name: 'active', data: { streamId: 's', sourceId: 'cam' } });
  ws.serverSends('not json');
  ws.serverSends({ type: 'response', id: null, ok: false, error: { code: 'bad_request', message: 'm' } });
  off();
  ws.serverSends({ type: 'event', name: 'active', data: { sourceId: 'other' } });
  assert.deepEqual(got, ['cam']);
  assert.deepEqual(errors, ['bad_frame', 'bad_request']);
});

test('closing rejects pending commands and emits close', async () => {
  const { conn, ws } = await openConnection();
  const p = conn.send('view', {});
  let closed = null;
  conn.on('close', (c) => { closed = c; });
  ws.close(1006, '');
  await assert.rejects(p, (e) => e.code === 'closed');
  assert.equal(closed.code, 1006);
  await assert.rejects(conn.send('view', {}), (e) => e.code === 'closed');
});

test('a refused upgrade rejects connect with connect_failed', async () => {
  FakeWebSocket.autoOpen = false;
  try {
    const conn = new OdeonConnection('ws://h/ws?token=bad', opts);
    const p = conn.connect();
    FakeWebSocket.last.close(1006);
    await assert.rejects(p, (e) => e.code === 'connect_failed');
  } finally {
    FakeWebSocket.autoOpen = true;
  }
});

test('an unanswered command times out', async () => {
  const { conn } = await openConnection({ commandTimeoutMs: 20 });
  await assert.rejects(conn.send('view', {}), (e) => e.code === 'timeout');
});

test('keepalive commands are sent while open and stop after close', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] });
  const { conn, ws } = await openConnection({ keepaliveMs: 20000 });
  t.mock.timers.tick(20000);
  t.mock.timers.tick(20000);
  assert.deepEqual(ws.sent.map((c) => [c.name, c.data]), [['keepalive', {}], ['keepalive', {}]]);
  conn.close();
  t.mock.timers.tick(60000);
  assert.equal(ws.sent.length, 2);
});

test('urlFor builds ws and wss URLs with an encoded token', () => {
  assert.equal(OdeonConnection.urlFor('a b', 'http://127.0.0.1:8080/'), 'ws://127.0.0.1:8080/ws?token=a%20b');
  assert.equal(OdeonConnection.urlFor('t', 'https://odeon.example'), 'wss://odeon.example/ws?token=t');
});

test('fetchDevToken asks /api/dev/token with stream, role and source', async () => {
  let asked = null;
  const fetchImpl = async (url) => {
    asked = url;
    return { ok: true, status: 200, json: async () => ({ token: 'tok', expiresAt: 'x' }) };
  };
  const token = await fetchDevToken({ stream: 'demo', role: 'publisher', source: 'cam', baseUrl: 'http://h:1', fetchImpl });
  assert.equal(token, 'tok');
  assert.equal(asked, 'http://h:1/api/dev/token?stream=demo&role=publisher&source=cam');
  const denied = async () => ({ ok: false, status: 403, json: async () => ({}) });
  await assert.rejects(fetchDevToken({ stream: 'demo', role: 'viewer', fetchImpl: denied }), (e) => e.code === 'unauthorized');
  await assert.rejects(fetchDevToken({ stream: 'demo', role: 'owner', fetchImpl }), (e) => e.code === 'bad_request');
});

/** RTCPeerConnection stand-in recording what the SDK asks of it. */
class FakePc extends EventTarget {
  static last = null;
  constructor(config) {
    super();
    this.config = config;
    this.transceivers = [];
    this.closed = false;
    this.remote = null;
    FakePc.last = this;
  }
  addTransceiver(trackOrKind, init) { const t = { trackOrKind, init }; this.transceivers.push(t); return t; }
  async createOffer() { return { type: 'offer', sdp: 'v=0 offer' }; }
  async setLocalDescription(d) { this.localDescription = d; }
  async setRemoteDescription(d) { this.remote = d; }
  close() { this.closed = true; }
}

function withFakeBrowser() {
  globalThis.RTCPeerConnection = FakePc;
  globalThis.MediaStream = class { constructor() { this.tracks = []; } addTrack(t) { this.tracks.push(t); } };
}

/** Answers the next command on the last socket once it has been sent. */
async function answerNext(data, ok = true) {
  for (let i = 0; i < 50 && !FakeWebSocket.last?.sent.some((c) => !c.answered); i++) await tick();
  const ws = FakeWebSocket.last;
  const cmd = ws.sent.find((c) => !c.answered);
  cmd.answered = true;
  ws.serverSends(ok ? { type: 'response', id: cmd.id, ok: true, data } : { type: 'response', id: cmd.id, ok: false, error: data });
  return cmd;
}

test('Publisher: sendonly transceivers, publish with sourceId, answer applied, stop unpublishes', async () => {
  withFakeBrowser();
  const pub = new Publisher({ stream: 's', sourceId: 'cam', token: 't', connectionOptions: opts });
  const states = [];
  pub.on('state', (s) => states.push(s.state));
  const media = { getTracks: () => [{ kind: 'audio' }, { kind: 'video' }] };
  const started = pub.start(media);
  const cmd = await answerNext({ sdp: 'v=0 answer', sessionId: 'p1' });
  await started;
  assert.equal(cmd.name, 'publish');
  assert.deepEqual(cmd.data, { sdp: 'v=0 offer', sourceId: 'cam' });
  const pc = FakePc.last;
  assert.deepEqual(pc.config, { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', iceServers: [] });
  assert.deepEqual(pc.transceivers.map((t) => t.init.direction), ['sendonly', 'sendonly']);
  assert.equal(pc.transceivers[0].init.streams[0], media);
  assert.deepEqual(pc.remote, { type: 'answer', sdp: 'v=0 answer' });
  assert.equal(pub.sessionId, 'p1');

  const stopping = pub.stop();
  assert.equal((await answerNext({})).name, 'unpublish');
  await stopping;
  assert.ok(pc.closed);
  assert.deepEqual(states, ['connecting', 'live', 'stopped']);
});

test('Publisher: a server error fails start with the OdeonError and closes the pc', async () => {
  withFakeBrowser();
  const pub = new Publisher({ stream: 's', token: 't', connectionOptions: opts });
  const started = pub.start({ getTracks: () => [{ kind: 'video' }] });
  await answerNext({ code: 'no_common_codec', message: 'none' }, false);
  await assert.rejects(started, (e) => e instanceof OdeonError && e.code === 'no_common_codec');
  assert.equal(pub.state, 'failed');
  assert.ok(FakePc.last.closed);
});

test('Publisher: the server stopping the session ends it', async () => {
  withFakeBrowser();
  const pub = new Publisher({ stream: 's', token: 't', connectionOptions: opts });
  const started = pub.start({ getTracks: () => [{ kind: 'video' }] });
  await answerNext({ sdp: 'a', sessionId: 'p9' });
  await started;
  FakeWebSocket.last.serverSends({ type: 'event', name: 'stopped', data: { sessionId: 'p9', reason: 'ice consent expired' } });
  assert.equal(pub.state, 'stopped');
  assert.ok(FakePc.last.closed);
});

test('Viewer: recvonly audio+video, view, tracks into one stream, active/inactive forwarded', async () => {
  withFakeBrowser();
  const viewer = new Viewer({ stream: 's', token: 't', connectionOptions: opts });
  const events = [];
  viewer.on('active', (d) => events.push(['active', d.sourceId]));
  viewer.on('inactive', (d) => events.push(['inactive', d.sourceId]));
  const video = {};
  const started = viewer.start(video);
  const cmd = await answerNext({ sdp: 'v=0 answer', sessionId: 'v1' });
  await started;
  assert.equal(cmd.name, 'view');
  assert.deepEqual(cmd.data, { sdp: 'v=0 offer' });
  const pc = FakePc.last;
  assert.deepEqual(pc.transceivers.map((t) => [t.trackOrKind, t.init.direction]), [['audio', 'recvonly'], ['video', 'recvonly']]);
  assert.equal(video.srcObject, viewer.mediaStream);
  const track = new Event('track');
  track.track = { kind: 'video' };
  pc.dispatchEvent(track);
  assert.deepEqual(viewer.mediaStream.tracks, [{ kind: 'video' }]);
  FakeWebSocket.last.serverSends({ type: 'event', name: 'active', data: { sourceId: null } });
  FakeWebSocket.last.serverSends({ type: 'event', name: 'inactive', data: { sourceId: null } });
  assert.deepEqual(events, [['active', null], ['inactive', null]]);
  const ws = FakeWebSocket.last;
  await viewer.stop();
  assert.ok(pc.closed);
  assert.equal(ws.readyState, 3);
});

test('Viewer: multiplexed audio slots, view options, vad per mid, project and unproject', async () => {
  withFakeBrowser();
  const viewer = new Viewer({
    stream: 's', token: 't', connectionOptions: opts,
    multiplexedAudioTracks: 2, pinnedSourceId: 'host', excludedSourceIds: ['me'], events: ['active', 'vad'], extraVideoSlots: 1,
  });
  const vads = [];
  viewer.on('vad', (d) => vads.push([d.mid, d.sourceId]));
  const started = viewer.start();
  const cmd = await answerNext({ sdp: 'v=0 answer', sessionId: 'v1' });
  const pc = FakePc.last;
  pc.transceivers.forEach((t, i) => { t.mid = String(i); t.receiver = { track: { kind: t.trackOrKind, id: `t${i}` } }; });
  await started;
  assert.deepEqual(cmd.data, {
    sdp: 'v=0 offer', pinnedSourceId: 'host', multiplexedAudioTracks: 2, excludedSourceIds: ['me'], events: ['active', 'vad'],
  });
  assert.deepEqual(pc.transceivers.map((t) => t.trackOrKind), ['audio', 'video', 'audio', 'audio', 'video']);
  assert.deepEqual(viewer.slots.map((s) => [s.mid, s.kind, s.role]),
    [['0', 'audio', 'main'], ['1', 'video', 'main'], ['2', 'audio', 'multiplexed'], ['3', 'audio', 'multiplexed'], ['4', 'video', 'extra']]);
  assert.equal(viewer.trackForMid('3').id, 't3');
  FakeWebSocket.last.serverSends({ type: 'event', name: 'vad', data: { mid: '2', sourceId: 'a', idle: false, sessionId: 'v1' } });
  FakeWebSocket.last.serverSends({ type: 'event', name: 'vad', data: { mid: '2', sourceId: 'b', idle: false, sessionId: 'other' } });
  assert.deepEqual(vads, [['2', 'a']]);
  assert.equal(viewer.slotForMid('2').sourceId, 'a');
  const projected = viewer.project('b', [{ media: 'video', mid: '4' }]);
  const p = await answerNext({});
  await projected;
  assert.deepEqual([p.name, p.data], ['project', { sessionId: 'v1', sourceId: 'b', mapping: [{ media: 'video', mid: '4' }] }]);
  const refused = viewer.unproject(['9']);
  await answerNext({ code: 'unknown_mid', message: 'no mid 9' }, false);
  await assert.rejects(refused, (e) => e.code === 'unknown_mid');
  await assert.rejects(new Viewer({ stream: 's', token: 't', multiplexedAudioTracks: 1000 }).start(), (e) => e.code === 'too_many_slots');
  await viewer.stop();
});

test('StageControl: stage commands on the session connection; stage events re-emitted', async () => {
  withFakeBrowser();
  const viewer = new Viewer({ stream: 's', token: 't', connectionOptions: opts });
  const stage = new StageControl(viewer);
  await assert.rejects(stage.raiseHand(), (e) => e instanceof OdeonError && e.code === 'closed');
  const started = viewer.start({});
  await answerNext({ sdp: 'v=0 answer', sessionId: 'v1' });
  await started;
  const invited = [];
  viewer.on('invited', (d) => invited.push(d.sourceId));
  FakeWebSocket.last.serverSends({ type: 'event', name: 'invited', data: { sourceId: 'speaker-1', token: 'x' } });
  assert.deepEqual(invited, ['speaker-1']);
  const hand = stage.raiseHand();
  const cmd = await answerNext({});
  await hand;
  assert.equal(cmd.name, 'raiseHand');
  const invite = stage.invite('ann');
  const denied = await answerNext({ code: 'unauthorized', message: 'no moderate grant' }, false);
  assert.deepEqual([denied.name, denied.data], ['invite', { identity: 'ann' }]);
  await assert.rejects(invite, (e) => e.code === 'unauthorized');
  await viewer.stop();
});
