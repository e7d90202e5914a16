// Unit tests of the JS SDK's interactive API with a fake WebSocket and a fake data channel.
// Run: node --test interactive-sdk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InteractiveChannel, InteractiveClient } from '../src/main/web/sdk/odeon.js';

class FakeWebSocket {
  static last = null;
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.readyState = 0;
    FakeWebSocket.last = this;
    queueMicrotask(() => { this.readyState = 1; this.onopen?.({}); });
  }
  send(text) {
    const cmd = JSON.parse(text);
    this.sent.push(cmd);
    // Answer every command at once, as a server would.
    const data = cmd.name === 'interactive.join' ? { official: true } : {};
    queueMicrotask(() => this.onmessage?.({ data: JSON.stringify({ type: 'response', id: cmd.id, ok: true, data }) }));
  }
  close(code = 1000, reason = '') { this.readyState = 3; this.onclose?.({ code, reason }); }
  serverEvent(data) { this.onmessage?.({ data: JSON.stringify({ type: 'event', name: 'interactive', data }) }); }
}

class FakeChannel extends EventTarget {
  constructor(label) { super(); this.label = label; this.readyState = 'connecting'; this.sent = []; }
  send(text) { this.sent.push(JSON.parse(text)); }
  open() { this.readyState = 'open'; this.dispatchEvent(new Event('open')); }
  receive(obj) { const e = new Event('message'); e.data = JSON.stringify(obj); this.dispatchEvent(e); }
}

test('InteractiveClient joins, sends relay messages as the interactive command, and dispatches events', async () => {
  const client = new InteractiveClient({ stream: 's', token: 't', baseUrl: 'http://h', connectionOptions: { WebSocketImpl: FakeWebSocket, keepaliveMs: 0 } });
  await client.join();
  const ws = FakeWebSocket.last;
  assert.equal(client.official, true);
  assert.equal(ws.sent[0].name, 'interactive.join');
  client.send('click', { x: 1 });
  client.openPoll({ pollId: 'p', question: 'q', options: ['a', 'b'] });
  client.requestViewerCount();
  const sent = ws.sent.slice(1).map((c) => [c.name, c.data.type, c.data.eventName]);
  assert.deepEqual(sent, [['interactive', 'event', 'click'], ['interactive', 'poll.open', undefined], ['interactive', 'viewercount.get', undefined]]);
  assert.equal(typeof ws.sent[1].data.timestamp, 'number');
  const seen = [];
  for (const kind of ['event', 'system', 'poll', 'relayerror']) client.on(kind, (m) => seen.push([kind, m.eventName ?? m.code]));
  ws.serverEvent({ type: 'event', eventName: 'board', from: 'b', official: true });
  ws.serverEvent({ type: 'system', eventName: 'user.joined', identity: 'a' });
  ws.serverEvent({ type: 'poll', eventName: 'poll.result', counts: [1, 2] });
  ws.serverEvent({ type: 'error', code: 'rate_limited', message: 'slow down' });
  assert.deepEqual(seen, [['event', 'board'], ['system', 'user.joined'], ['poll', 'poll.result'], ['relayerror', 'rate_limited']]);
  await client.startSession();
  assert.equal(ws.sent.at(-1).name, 'interactive.start');
});

test('InteractiveChannel sends over the data channel once open and parses what arrives', async () => {
  let created = null;
  const pc = { createDataChannel: (label) => (created = new FakeChannel(label)) };
  const ch = new InteractiveChannel(pc);
  assert.equal(created.label, 'odeon');
  assert.throws(() => ch.send('click'), (e) => e.code === 'bad_state');
  created.open();
  await ch.ready;
  ch.send('click', { official: true });
  ch.vote('map', 2);
  assert.equal(created.sent[0].eventName, 'click');
  assert.deepEqual(created.sent[1], { type: 'vote', pollId: 'map', option: 2 });
  const polls = [];
  ch.on('poll', (m) => polls.push(m.eventName));
  created.receive({ type: 'poll', eventName: 'poll.opened' });
  const bad = new Event('message'); bad.data = 'not json'; created.dispatchEvent(bad);
  assert.deepEqual(polls, ['poll.opened']);
});
