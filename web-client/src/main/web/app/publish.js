// publish.html: camera + microphone preview, "Go live" / "Stop".
// Query: stream (default demo), source, autostart=1, codec=H264|VP8.
import { Publisher } from '/sdk/odeon.js';

const params = new URLSearchParams(location.search);
const stream = params.get('stream') || 'demo';
const sourceId = params.get('source') || null;
const codec = params.get('codec') || null;

const $ = (id) => document.getElementById(id);
const preview = $('preview');
const goLive = $('golive');
const stopBtn = $('stop');
const status = $('status');

$('stream-name').textContent = stream + (sourceId ? ` / ${sourceId}` : '');
$('watch-link').href = `/watch?stream=${encodeURIComponent(stream)}`;

const publisher = new Publisher({ stream, sourceId, videoCodec: codec });
let mediaStream = null;

// Tests read window.odeon.state; it follows the publisher's state.
window.odeon = {
  publisher,
  get state() { return publisher.state; },
  get mediaStream() { return mediaStream; },
};

function show(text, cls = '') {
  status.textContent = text;
  status.className = `status ${cls}`;
}

publisher.on('state', ({ state, reason }) => {
  goLive.disabled = !mediaStream || state === 'connecting' || state === 'live';
  stopBtn.disabled = state !== 'live';
  if (state === 'live') show('live', 'live');
  else if (state === 'connecting') show('connecting…');
  else if (state === 'failed') show(`failed: ${reason}`, 'error');
  else if (state === 'stopped') show(reason && reason !== 'stopped' ? `stopped: ${reason}` : 'stopped');
});
publisher.on('connectionstatechange', (s) => {
  if (publisher.state === 'live') show(`live (media ${s})`, s === 'failed' ? 'error' : 'live');
});

async function start() {
  try {
    await publisher.start(mediaStream);
  } catch (e) {
    console.warn('odeon: publish failed', e.code, e.message);
  }
}

goLive.addEventListener('click', start);
stopBtn.addEventListener('click', () => publisher.stop());

function codecSupported(name) {
  const caps = window.RTCRtpSender?.getCapabilities?.('video');
  return !!caps && caps.codecs.some((c) => c.mimeType.toLowerCase() === `video/${name}`.toLowerCase());
}

try {
  mediaStream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  preview.srcObject = mediaStream;
  goLive.disabled = false;
  show(codec && !codecSupported(codec) ? `ready (this browser cannot send ${codec})` : 'ready');
  if (params.get('autostart') === '1') await start();
} catch (e) {
  show(`camera unavailable: ${e.message}`, 'error');
}
