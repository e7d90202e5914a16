// host.html: go live as the stage's host; see raised hands, invite, mute, move back, kick, end.
// Query: stream (default demo), identity (default host), video=0 (microphone only), autostart=1.
import { fetchDevToken, Publisher, StageControl } from '/sdk/odeon.js';

const params = new URLSearchParams(location.search);
const stream = params.get('stream') || 'demo';
const identity = params.get('identity') || 'host';
const withVideo = params.get('video') !== '0';

const $ = (id) => document.getElementById(id);
const status = $('status');
const goLive = $('golive');
const endBtn = $('end');
$('stream-name').textContent = stream;
$('watch-link').href = `/watch?stream=${encodeURIComponent(stream)}`;

let publisher = null;
let stage = null;
let mediaStream = null;
// Speakers by identity: {sourceId, muted, live}. Hands: the latest bounded list from the server.
const speakers = new Map();
let hands = { total: 0, hands: [] };
const events = [];

// Tests drive the page through window.odeon.
window.odeon = {
  get publisher() { return publisher; },
  get state() { return publisher?.state ?? 'idle'; },
  get hands() { return hands; },
  get speakers() { return Object.fromEntries(speakers); },
  events,
  invite: (who) => stage.invite(who),
  mute: (who) => stage.mute(who),
  unmute: (who) => stage.unmute(who),
  moveBack: (who) => stage.moveToAudience(who),
  kick: (who) => stage.kick(who),
  end: () => stage.endStage(),
};

function show(text, cls = '') {
  status.textContent = text;
  status.className = `status ${cls}`;
}

function log(name, data) {
  events.push({ name, data, at: Date.now() });
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${name} ${data?.identity ?? ''}`;
  $('events').append(li);
}

function button(label, action) {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', () => action().catch((e) => log('error', { identity: e.message })));
  return b;
}

function renderHands() {
  $('hands-total').textContent = String(hands.total);
  const list = $('hands');
  list.replaceChildren();
  for (const h of hands.hands) {
    const li = document.createElement('li');
    li.dataset.identity = h.identity;
    li.append(`${h.identity} `, button('Invite', () => stage.invite(h.identity)));
    list.append(li);
  }
}

function renderSpeakers() {
  const list = $('speakers');
  list.replaceChildren();
  for (const [who, s] of speakers) {
    const li = document.createElement('li');
    li.dataset.identity = who;
    li.append(`${who} ${s.live ? '(live)' : '(joining)'}${s.muted ? ' muted' : ''} `,
      button(s.muted ? 'Unmute' : 'Mute', () => (s.muted ? stage.unmute(who) : stage.mute(who))),
      button('Move back', () => stage.moveToAudience(who)),
      button('Kick', () => stage.kick(who)));
    list.append(li);
  }
}

function wire(p) {
  p.on('hands', (d) => { hands = d; renderHands(); });
  p.on('viewercount', (d) => { $('viewers').textContent = `${d.count} watching`; });
  p.on('inviteAccepted', (d) => { log('inviteAccepted', d); speakers.set(d.identity, { sourceId: d.sourceId, muted: false, live: false }); renderSpeakers(); });
  p.on('inviteDeclined', (d) => log('inviteDeclined', d));
  p.on('speakerJoined', (d) => { log('speakerJoined', d); speakers.set(d.identity, { ...(speakers.get(d.identity) || {}), sourceId: d.sourceId, live: true }); renderSpeakers(); });
  p.on('speakerLeft', (d) => { log('speakerLeft', d); const s = speakers.get(d.identity); if (s) s.live = false; renderSpeakers(); });
  p.on('muted', (d) => { log('muted', d); const s = speakers.get(d.identity); if (s) s.muted = d.muted; renderSpeakers(); });
  p.on('movedToAudience', (d) => { log('movedToAudience', d); speakers.delete(d.identity); renderSpeakers(); });
  p.on('stageEnded', (d) => { log('stageEnded', d); show(`stage ended: ${d.reason}`); });
  p.on('state', ({ state, reason }) => {
    goLive.disabled = !mediaStream || state === 'connecting' || state === 'live';
    endBtn.disabled = state !== 'live';
    if (state === 'live') show('live', 'live');
    else if (state === 'connecting') show('connecting…');
    else if (state === 'failed') show(`failed: ${reason}`, 'error');
    else if (state === 'stopped') show(`stopped${reason && reason !== 'stopped' ? ': ' + reason : ''}`);
  });
}

async function start() {
  try {
    const token = await fetchDevToken({ stream, role: 'host', identity });
    publisher = new Publisher({ stream, token });
    stage = new StageControl(publisher);
    wire(publisher);
    await publisher.start(mediaStream);
  } catch (e) {
    console.warn('odeon: going live failed', e.code, e.message);
  }
}

goLive.addEventListener('click', start);
endBtn.addEventListener('click', () => stage.endStage());

try {
  mediaStream = await navigator.mediaDevices.getUserMedia({ video: withVideo, audio: true });
  $('preview').srcObject = mediaStream;
  goLive.disabled = false;
  show(withVideo ? 'ready' : 'ready (microphone only)');
  if (params.get('autostart') === '1') await start();
} catch (e) {
  show(`camera unavailable: ${e.message}`, 'error');
}
