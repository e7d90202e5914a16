// Odeon JS SDK: publish a camera or watch a stream through an Odeon server.
// Plain ES module, no dependencies, no build step. The wire protocol is docs/protocol.md;
// the API is described in docs/sdk.md.

import { InteractiveChannel } from './interactive.js';

export { InteractiveChannel, InteractiveClient } from './interactive.js';

/** An error reported by the server (its `code` and `message`) or by the SDK itself. */
export class OdeonError extends Error {
  constructor(code, message) {
    super(message || code);
    this.name = 'OdeonError';
    this.code = code;
  }
}

/** Minimal event emitter: `on(name, fn)` returns a function that removes the listener. */
class Emitter {
  #listeners = new Map();

  on(name, fn) {
    if (!this.#listeners.has(name)) this.#listeners.set(name, new Set());
    this.#listeners.get(name).add(fn);
    return () => this.#listeners.get(name)?.delete(fn);
  }

  emit(name, data) {
    for (const fn of [...(this.#listeners.get(name) || [])]) {
      try {
        fn(data);
      } catch (e) {
        // A faulty listener must not break the connection or the other listeners.
        console.error(`odeon: listener for '${name}' threw`, e);
      }
    }
  }
}

/** The page's origin, or an explicit base URL such as 'http://127.0.0.1:8080'. */
function httpBase(baseUrl) {
  if (baseUrl) return baseUrl.replace(/\/+$/, '');
  return globalThis.location ? globalThis.location.origin : '';
}

function wsUrlFor(baseUrl, token) {
  const base = new URL(httpBase(baseUrl) || 'http://localhost/');
  const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${base.host}/ws?token=${encodeURIComponent(token)}`;
}

/**
 * Asks a dev-mode server for a short-lived token (GET /api/dev/token). Production apps get
 * their tokens from their own backend instead.
 */
export async function fetchDevToken({ stream, role, source, grants, identity, baseUrl, fetchImpl } = {}) {
  if (!stream) throw new OdeonError('bad_request', 'stream is required');
  if (role !== 'publisher' && role !== 'viewer' && role !== 'host') {
    throw new OdeonError('bad_request', "role must be 'publisher', 'viewer' or 'host'");
  }
  const params = new URLSearchParams({ stream, role });
  if (source) params.set('source', source);
  if (grants) params.set('grants', grants);
  if (identity) params.set('identity', identity);
  const doFetch = fetchImpl || globalThis.fetch;
  let res;
  try {
    res = await doFetch(`${httpBase(baseUrl)}/api/dev/token?${params}`);
  } catch (e) {
    throw new OdeonError('network', `token request failed: ${e.message}`);
  }
  if (!res.ok) {
    throw new OdeonError('unauthorized', `token request failed: HTTP ${res.status}`);
  }
  const body = await res.json();
  if (!body || typeof body.token !== 'string') {
    throw new OdeonError('internal', 'token response has no token');
  }
  return body.token;
}

/**
 * One WebSocket to the server: sends commands with ids, resolves one promise per command,
 * emits server events by name, plus 'close' ({code, reason}) and 'error' (an OdeonError that no
 * command owns). Sends a `keepalive` command every `keepaliveMs` while open.
 */
export class OdeonConnection extends Emitter {
  #ws = null;
  #nextId = 1;
  #pending = new Map();
  #keepaliveTimer = null;
  #opts;

  /**
   * @param {string} url ws(s)://host/ws?token=...
   * @param {{WebSocketImpl?: Function, keepaliveMs?: number, commandTimeoutMs?: number}} [opts]
   */
  constructor(url, opts = {}) {
    super();
    this.url = url;
    this.#opts = { keepaliveMs: 20000, commandTimeoutMs: 15000, ...opts };
  }

  /** Builds the /ws URL for `token` on `baseUrl` (default: the page's origin). */
  static urlFor(token, baseUrl) {
    return wsUrlFor(baseUrl, token);
  }

  get isOpen() {
    return this.#ws !== null && this.#ws.readyState === 1;
  }

  /** Opens the socket; resolves when open, rejects with OdeonError('connect_failed'). */
  connect() {
    if (this.#ws) return Promise.reject(new OdeonError('bad_state', 'already connected'));
    const WS = this.#opts.WebSocketImpl || globalThis.WebSocket;
    return new Promise((resolve, reject) => {
      let opened = false;
      const ws = new WS(this.url);
      this.#ws = ws;
      ws.onopen = () => {
        opened = true;
        this.#startKeepalive();
        resolve(this);
      };
      ws.onmessage = (ev) => this.#handleFrame(ev.data);
      ws.onerror = () => {
        // The browser hides why (a 401 before the upgrade looks the same); close follows.
      };
      ws.onclose = (ev) => {
        this.#stopKeepalive();
        this.#ws = null;
        const err = new OdeonError('closed', `connection closed (${ev.code}${ev.reason ? ' ' + ev.reason : ''})`);
        for (const p of this.#pending.values()) {
          clearTimeout(p.timer);
          p.reject(err);
        }
        this.#pending.clear();
        if (!opened) {
          reject(new OdeonError('connect_failed', 'WebSocket connection refused (bad or expired token?)'));
        }
        this.emit('close', { code: ev.code, reason: ev.reason });
      };
    });
  }

  /** Sends command `name`; resolves with the response `data`, rejects with OdeonError. */
  send(name, data = {}) {
    if (!this.isOpen) return Promise.reject(new OdeonError('closed', 'connection is not open'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new OdeonError('timeout', `no response to '${name}' within ${this.#opts.commandTimeoutMs} ms`));
      }, this.#opts.commandTimeoutMs);
      this.#pending.set(id, { resolve, reject, timer, name });
      this.#ws.send(JSON.stringify({ type: 'cmd', id, name, data }));
    });
  }

  /** Closes the socket; pending commands reject with OdeonError('closed'). */
  close() {
    this.#stopKeepalive();
    if (this.#ws) this.#ws.close(1000, 'bye');
  }

  #handleFrame(text) {
    let msg;
    try {
      msg = JSON.parse(text);
    } catch {
      this.emit('error', new OdeonError('bad_frame', 'server sent a frame that is not JSON'));
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'event' && typeof msg.name === 'string') {
      this.emit(msg.name, msg.data || {});
    } else if (msg.type === 'response') {
      const p = this.#pending.get(msg.id);
      if (!p) {
        if (msg.ok === false && msg.error) {
          this.emit('error', new OdeonError(msg.error.code, msg.error.message));
        }
        return;
      }
      this.#pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) {
        p.resolve(msg.data || {});
      } else {
        const e = msg.error || {};
        p.reject(new OdeonError(e.code || 'internal', e.message || `'${p.name}' failed`));
      }
    }
  }

  #startKeepalive() {
    if (!(this.#opts.keepaliveMs > 0)) return;
    this.#keepaliveTimer = setInterval(() => {
      // Browsers cannot send WebSocket pings; a tiny command keeps proxies and the server's
      // idle timer from closing a quiet connection. Its answer (or an error) is irrelevant.
      this.send('keepalive', {}).catch(() => {});
    }, this.#opts.keepaliveMs);
  }

  #stopKeepalive() {
    if (this.#keepaliveTimer !== null) clearInterval(this.#keepaliveTimer);
    this.#keepaliveTimer = null;
  }
}

/**
 * Stage events (docs/protocol.md "Stages") that a Publisher or Viewer re-emits from its
 * connection: stage, hands, viewercount, speakerJoined, speakerLeft, invited, inviteAccepted,
 * inviteDeclined, muted, movedToAudience, kicked, stageEnded, replaced.
 */
export const STAGE_EVENTS = Object.freeze(['stage', 'hands', 'viewercount', 'speakerJoined', 'speakerLeft',
  'invited', 'inviteAccepted', 'inviteDeclined', 'muted', 'movedToAudience', 'kicked', 'stageEnded', 'replaced']);

function forwardStageEvents(conn, emitter) {
  for (const name of STAGE_EVENTS) conn.on(name, (d) => emitter.emit(name, d));
}

/**
 * Stage commands over the open connection of a Publisher or Viewer (`new StageControl(viewer)`).
 * Audience: raiseHand, lowerHand, acceptInvite, declineInvite. Moderators (host tokens): invite,
 * mute, unmute, moveToAudience, kick (each takes an identity), endStage. Anyone: state().
 * Each resolves with the response data or rejects with OdeonError (e.g. 'unauthorized').
 */
export class StageControl {
  constructor(session) {
    this.session = session;
  }

  #send(name, data = {}) {
    const conn = this.session.connection;
    if (!conn || !conn.isOpen) return Promise.reject(new OdeonError('closed', 'not connected; start() first'));
    return conn.send(name, data);
  }

  raiseHand() { return this.#send('raiseHand'); }
  lowerHand() { return this.#send('lowerHand'); }
  acceptInvite() { return this.#send('acceptInvite'); }
  declineInvite() { return this.#send('declineInvite'); }
  invite(identity) { return this.#send('invite', { identity }); }
  mute(identity) { return this.#send('mute', { identity }); }
  unmute(identity) { return this.#send('unmute', { identity }); }
  moveToAudience(identity) { return this.#send('moveToAudience', { identity }); }
  kick(identity) { return this.#send('kick', { identity }); }
  endStage() { return this.#send('endStage'); }
  state() { return this.#send('stageState'); }
}

/** Reorders the receiver's video codecs so that `codec` ('H264', 'VP8', ...) comes first. */
function preferCodec(transceiver, codec) {
  const caps = globalThis.RTCRtpReceiver?.getCapabilities?.('video');
  if (!caps || typeof transceiver.setCodecPreferences !== 'function') return false;
  const want = `video/${codec}`.toLowerCase();
  const first = caps.codecs.filter((c) => c.mimeType.toLowerCase() === want);
  if (first.length === 0) return false;
  const rest = caps.codecs.filter((c) => c.mimeType.toLowerCase() !== want);
  transceiver.setCodecPreferences([...first, ...rest]);
  return true;
}

const PC_CONFIG = { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', iceServers: [] };

/** Shared connection handling for Publisher and Viewer. */
class Session extends Emitter {
  constructor(opts, role) {
    super();
    this.stream = opts.stream;
    this.pc = null;
    this.connection = null;
    this.sessionId = null;
    this.state = 'idle';
    this._opts = opts;
    this._role = role;
  }

  _setState(state, detail) {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', { state, ...detail });
  }

  async _connect(source) {
    if (this.connection && this.connection.isOpen) return this.connection;
    const o = this._opts;
    const token = o.token || (await fetchDevToken({ stream: o.stream, role: this._role, source, identity: o.identity, baseUrl: o.baseUrl }));
    const conn = new OdeonConnection(OdeonConnection.urlFor(token, o.baseUrl), o.connectionOptions);
    conn.on('stopped', (d) => {
      if (d && d.sessionId === this.sessionId) this._ended(d.reason || 'stopped by server');
    });
    conn.on('close', () => {
      if (this.connection === conn) this.connection = null;
      if (this.state === 'live') this._ended('connection closed');
    });
    this._onConnection(conn);
    await conn.connect();
    this.connection = conn;
    return conn;
  }

  /** Hook for subclasses to subscribe to a new connection's events. */
  _onConnection(conn) {}

  _watchPc(pc) {
    pc.addEventListener('connectionstatechange', () => {
      this.emit('connectionstatechange', pc.connectionState);
      if (pc.connectionState === 'failed' && this.pc === pc) this._setState('failed', { reason: 'media connection failed' });
    });
  }

  _ended(reason) {
    if (this.pc) this.pc.close();
    this.pc = null;
    this.sessionId = null;
    this._setState('stopped', { reason });
  }

  /** Sends the offer as `name` and applies the answer. */
  async _negotiate(name, extra) {
    const pc = this.pc;
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    const res = await this.connection.send(name, { sdp: pc.localDescription.sdp, ...extra });
    if (typeof res.sdp !== 'string') throw new OdeonError('internal', `'${name}' response has no sdp`);
    await pc.setRemoteDescription({ type: 'answer', sdp: res.sdp });
    this.sessionId = res.sessionId ?? null;
  }

  _fail(e) {
    if (this.pc) this.pc.close();
    this.pc = null;
    const err = e instanceof OdeonError ? e : new OdeonError('internal', e?.message || String(e));
    this._setState('failed', { reason: err.message, code: err.code });
    throw err;
  }
}

/**
 * Publishes one source (the tracks of a MediaStream) into a stream.
 * Events: 'state' ({state: idle|connecting|live|stopped|failed, reason?}),
 * 'connectionstatechange' (the RTCPeerConnection's state).
 */
export class Publisher extends Session {
  /** @param {{stream: string, sourceId?: string, token?: string, videoCodec?: string, baseUrl?: string}} opts */
  constructor(opts) {
    super(opts, 'publisher');
    this.sourceId = opts.sourceId ?? null;
    this.videoCodec = opts.videoCodec ?? null;
  }

  _onConnection(conn) {
    forwardStageEvents(conn, this);
  }

  /** Goes live with `mediaStream`; resolves once the server's answer is applied. */
  async start(mediaStream) {
    if (this.state === 'connecting' || this.state === 'live') throw new OdeonError('bad_state', `already ${this.state}`);
    this._setState('connecting');
    try {
      await this._connect(this.sourceId);
      this.pc = new RTCPeerConnection(PC_CONFIG);
      this._watchPc(this.pc);
      for (const track of mediaStream.getTracks()) {
        const t = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [mediaStream] });
        if (track.kind === 'video' && this.videoCodec) preferCodec(t, this.videoCodec);
      }
      await this._negotiate('publish', { sourceId: this.sourceId });
      this._setState('live');
    } catch (e) {
      this._fail(e);
    }
  }

  /** Unpublishes and closes the peer connection; the WebSocket stays open for a later start(). */
  async stop() {
    if (this.connection && this.connection.isOpen && this.state === 'live') {
      try {
        await this.connection.send('unpublish', {});
      } catch (e) {
        // The server may have ended the session already (not_publishing): stopping still succeeds.
        if (!(e instanceof OdeonError)) throw e;
      }
    }
    this._ended('stopped');
  }

  /** stop() and close the WebSocket. */
  async close() {
    await this.stop();
    if (this.connection) this.connection.close();
  }
}

/**
 * Watches a stream: the main slots' tracks go into `this.mediaStream` (and the given video element).
 * Multisource options (docs/multiplexing.md): `pinnedSourceId`, `multiplexedAudioTracks` (0-16 extra
 * audio slots the server fills with the most active speakers), `excludedSourceIds`, `events`, and
 * `extraVideoSlots` (receive-only video slots that stay idle until `project()` fills them).
 * Events: 'state', 'connectionstatechange', 'active' and 'inactive' (the server's event data),
 * 'vad' ({mid, sourceId, idle}), 'track' ({mid, kind, role, track}) for every receive slot.
 */
export class Viewer extends Session {
  /**
   * @param {{stream: string, token?: string, identity?: string, baseUrl?: string, pinnedSourceId?: string,
   *   multiplexedAudioTracks?: number, excludedSourceIds?: string[], events?: string[],
   *   extraVideoSlots?: number, interactive?: boolean}} opts
   * `interactive: true` adds the interactive data channel (`this.interactive`, docs/interactive.md).
   */
  constructor(opts) {
    super(opts, 'viewer');
    this.mediaStream = null;
    /** Receive slots in offer order: {mid, kind, role: 'main'|'multiplexed'|'extra', track, sourceId}. */
    this.slots = [];
    // The latest vad per mid: the server may announce slots before the answer is applied.
    this._vadByMid = new Map();
    this.interactive = null;
  }

  _onConnection(conn) {
    conn.on('active', (d) => this.emit('active', d));
    conn.on('inactive', (d) => this.emit('inactive', d));
    conn.on('vad', (d) => {
      if (d && d.sessionId && this.sessionId && d.sessionId !== this.sessionId) return;
      const sourceId = d?.idle ? null : d?.sourceId ?? null;
      this._vadByMid.set(String(d?.mid), sourceId);
      const slot = this.slots.find((s) => s.mid === d?.mid);
      if (slot) slot.sourceId = sourceId;
      this.emit('vad', d);
    });
    forwardStageEvents(conn, this);
  }

  /** The receive slot with transceiver mid `mid` (its `track` plays what the server sends there). */
  slotForMid(mid) {
    return this.slots.find((s) => s.mid === String(mid)) || null;
  }

  /** The MediaStreamTrack received on `mid`, or null. */
  trackForMid(mid) {
    return this.slotForMid(mid)?.track ?? null;
  }

  /**
   * Sends `sourceId`'s media into chosen slots: `mapping` is [{media: 'audio'|'video', mid, layer?}].
   * Rejects with OdeonError (unknown_source, unknown_mid, kind_mismatch, excluded_source, ...).
   */
  async project(sourceId, mapping) {
    if (!this.connection || !this.sessionId) throw new OdeonError('bad_state', 'not watching');
    await this.connection.send('project', { sessionId: this.sessionId, sourceId: sourceId ?? null, mapping });
    for (const m of mapping) {
      const slot = this.slotForMid(m.mid);
      if (slot) slot.sourceId = sourceId ?? null;
    }
  }

  /** Returns the slots `mids` to their default role. */
  async unproject(mids) {
    if (!this.connection || !this.sessionId) throw new OdeonError('bad_state', 'not watching');
    await this.connection.send('unproject', { sessionId: this.sessionId, mids: mids.map(String) });
  }

  /** Starts watching; `videoElement` (optional) gets the MediaStream as srcObject. */
  async start(videoElement) {
    if (this.state === 'connecting' || this.state === 'live') throw new OdeonError('bad_state', `already ${this.state}`);
    const o = this._opts;
    const n = o.multiplexedAudioTracks ?? 0;
    if (!Number.isInteger(n) || n < 0 || n > 16) {
      throw new OdeonError('too_many_slots', 'multiplexedAudioTracks must be an integer 0..16');
    }
    this._setState('connecting');
    try {
      await this._connect(null);
      this.mediaStream = new MediaStream();
      if (videoElement) videoElement.srcObject = this.mediaStream;
      this.pc = new RTCPeerConnection(PC_CONFIG);
      this._watchPc(this.pc);
      // Offer order defines the roles: main audio, main video, N multiplexed audio, extra video.
      const plan = [['audio', 'main'], ['video', 'main']];
      for (let i = 0; i < n; i++) plan.push(['audio', 'multiplexed']);
      for (let i = 0; i < (o.extraVideoSlots ?? 0); i++) plan.push(['video', 'extra']);
      const transceivers = plan.map(([kind, role]) => ({ kind, role, t: this.pc.addTransceiver(kind, { direction: 'recvonly' }) }));
      this.pc.addEventListener('track', (ev) => {
        const entry = transceivers.find((x) => x.t === ev.transceiver);
        if (!entry || entry.role === 'main') this.mediaStream.addTrack(ev.track);
      });
      const extra = {};
      if (o.pinnedSourceId != null) extra.pinnedSourceId = o.pinnedSourceId;
      if (n > 0) extra.multiplexedAudioTracks = n;
      if (o.excludedSourceIds) extra.excludedSourceIds = o.excludedSourceIds;
      if (o.events) extra.events = o.events;
      // The data channel's m= section goes after every media section, so mids keep their roles.
      if (o.interactive) {
        this.interactive = new InteractiveChannel(this.pc);
        this.emit('interactive', this.interactive);
      }
      await this._negotiate('view', extra);
      this.slots = transceivers.map(({ kind, role, t }) => ({
        mid: t.mid ?? null, kind, role, track: t.receiver?.track ?? null, sourceId: this._vadByMid.get(String(t.mid)) ?? null,
      }));
      for (const slot of this.slots) this.emit('track', slot);
      this._setState('live');
    } catch (e) {
      this._fail(e);
    }
  }

  /** Stops watching: closes the peer connection and the WebSocket (the protocol has no 'unview'). */
  async stop() {
    const conn = this.connection;
    this._ended('stopped');
    if (conn) conn.close();
  }
}
