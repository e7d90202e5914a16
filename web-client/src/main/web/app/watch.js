// watch.html: plays a stream; the "Play" button appears only when autoplay is blocked.
// Query: stream (default demo), autostart=1; multisource (docs/multiplexing.md): mux=N
// (multiplexedAudioTracks), pinned=sourceId, exclude=a,b (excludedSourceIds), extraVideo=M.
import { Viewer } from '/sdk/odeon.js';
import { attachPollOverlay } from '/app/poll-overlay.js';
import { installStageAudience } from '/app/stage-audience.js';

const params = new URLSearchParams(location.search);
const stream = params.get('stream') || 'demo';

const $ = (id) => document.getElementById(id);
const video = $('video');
const watchBtn = $('watch');
const playBtn = $('play');
const status = $('status');
const log = $('events');

$('stream-name').textContent = stream;

// interactive=0 turns the interactive data channel (and its poll overlay) off.
const list = (v) => (v ? v.split(',').filter(Boolean) : undefined);
const viewer = new Viewer({
  stream,
  identity: params.get('identity') || undefined,
  interactive: params.get('interactive') !== '0',
  multiplexedAudioTracks: Number(params.get('mux') || 0),
  pinnedSourceId: params.get('pinned') || undefined,
  excludedSourceIds: list(params.get('exclude')),
  extraVideoSlots: Number(params.get('extraVideo') || 0),
});
const events = [];
// Tests read window.odeon.events: [{name, sourceId, at}] in arrival order, and
// window.odeon.interactive: every interactive relay message in arrival order.
window.odeon = { viewer, events, interactive: [] };
viewer.on('interactive', (channel) => {
  channel.on('message', (m) => window.odeon.interactive.push(m));
  attachPollOverlay(channel);
});
installStageAudience(viewer, events);

function show(text, cls = '') {
  status.textContent = text;
  status.className = `status ${cls}`;
}

function record(name, data) {
  const entry = { name, sourceId: data?.sourceId ?? null, mid: data?.mid ?? null, at: Date.now() };
  events.push(entry);
  const li = document.createElement('li');
  li.textContent = `${new Date(entry.at).toLocaleTimeString()} ${name}` +
    (entry.mid ? ` slot ${entry.mid}` : '') + (entry.sourceId ? ` (${entry.sourceId})` : '');
  log.append(li);
  log.scrollTop = log.scrollHeight;
}

// Sources live right now, keyed by sourceId ('' for the default source).
const live = new Set();
const showLiveness = () => (live.size > 0 ? show('live', 'live') : show('waiting for the stream to go live…'));

viewer.on('active', (d) => {
  record('active', d);
  live.add(d?.sourceId ?? '');
  showLiveness();
});
viewer.on('inactive', (d) => {
  record('inactive', d);
  live.delete(d?.sourceId ?? '');
  showLiveness();
});
viewer.on('vad', (d) => record('vad', d));
// Every slot other than the main ones gets its own element, so every speaker is heard and an
// extra video slot is shown.
viewer.on('track', (slot) => {
  if (slot.role === 'main' || !slot.track) return;
  const el = document.createElement(slot.kind === 'audio' ? 'audio' : 'video');
  el.autoplay = true;
  el.playsInline = true;
  el.dataset.mid = slot.mid;
  el.srcObject = new MediaStream([slot.track]);
  (slot.kind === 'audio' ? document.body : video.parentElement || document.body).append(el);
  el.play().catch(() => {});
});

viewer.on('state', ({ state, reason }) => {
  watchBtn.hidden = state === 'connecting' || state === 'live';
  if (state === 'connecting') show('connecting…');
  else if (state === 'live') showLiveness();
  else if (state === 'failed') show(`failed: ${reason}`, 'error');
  if (state === 'stopped' || state === 'failed') live.clear();
  if (state === 'stopped') show(`stopped${reason && reason !== 'stopped' ? ': ' + reason : ''}`);
});

function tryPlay() {
  video.play().then(
    () => { playBtn.hidden = true; },
    (e) => {
      // AbortError only means a newer load replaced this one; anything else is an autoplay block.
      if (e.name !== 'AbortError') playBtn.hidden = false;
    },
  );
}

async function start() {
  try {
    await viewer.start(video);
    tryPlay();
  } catch (e) {
    console.warn('odeon: view failed', e.code, e.message);
  }
}

watchBtn.addEventListener('click', start);
playBtn.addEventListener('click', tryPlay);

if (params.get('autostart') === '1') start();
