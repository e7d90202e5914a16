// Odeon JS SDK, interactive part: events, system events and polls of a stream's interactive
// session (docs/interactive.md). Re-exported by odeon.js; plain ES module, no build step.
import { fetchDevToken, OdeonConnection, OdeonError } from './odeon.js';

/** Tiny emitter (same contract as odeon.js's): `on(name, fn)` returns an unsubscribe function. */
class Listeners {
  #map = new Map();

  on(name, fn) {
    if (!this.#map.has(name)) this.#map.set(name, new Set());
    this.#map.get(name).add(fn);
    return () => this.#map.get(name)?.delete(fn);
  }

  emit(name, data) {
    for (const fn of [...(this.#map.get(name) || [])]) {
      try {
        fn(data);
      } catch (e) {
        console.error(`odeon: interactive listener for '${name}' threw`, e);
      }
    }
  }
}

/**
 * The message API shared by both transports. Emits 'message' for every relay message, then by its
 * type: 'event' (custom events, stamped `from` and `official`), 'system' (user.joined, user.left,
 * session.started, session.closed, viewercount), 'poll' (poll.opened, poll.tally, poll.result) and
 * 'relayerror' ({code, message}).
 */
class InteractiveBase extends Listeners {
  /** Sends one raw relay message (an object with `type`). */
  sendMessage(message) {
    throw new OdeonError('bad_state', 'not connected');
  }

  /** Sends a custom event; the server adds `from` and `official`. `to` (backends only) lists identities. */
  send(eventName, fields = {}, to) {
    const msg = { ...fields, type: 'event', eventName, timestamp: Date.now() };
    if (Array.isArray(to)) msg.to = to;
    return this.sendMessage(msg);
  }

  /** Votes in an open poll (first vote of an identity counts). */
  vote(pollId, option) {
    return this.sendMessage({ type: 'vote', pollId, option });
  }

  _dispatch(text) {
    let msg;
    try {
      msg = typeof text === 'string' ? JSON.parse(text) : text;
    } catch {
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    this.emit('message', msg);
    this.emit(msg.type === 'error' ? 'relayerror' : msg.type, msg);
  }
}

/**
 * A viewer's interactive session over a WebRTC data channel on the viewer's own peer connection
 * (created by `new Viewer({interactive: true})` before its offer). `ready` resolves when the
 * channel opens.
 */
export class InteractiveChannel extends InteractiveBase {
  constructor(pc, label = 'odeon') {
    super();
    this.channel = pc.createDataChannel(label);
    this.ready = new Promise((resolve, reject) => {
      this.channel.addEventListener('open', () => resolve(this));
      this.channel.addEventListener('close', () => reject(new OdeonError('closed', 'data channel closed')));
    });
    this.ready.catch(() => {});
    this.channel.addEventListener('message', (ev) => this._dispatch(ev.data));
    this.channel.addEventListener('close', () => this.emit('close', {}));
  }

  get isOpen() {
    return this.channel.readyState === 'open';
  }

  sendMessage(message) {
    if (!this.isOpen) throw new OdeonError('bad_state', 'the data channel is not open');
    this.channel.send(JSON.stringify(message));
  }
}

/**
 * An interactive session over the signaling WebSocket: the streamer's backend (a token with the
 * `interactive-server` grant) or a viewer without WebRTC data channels. Same events and methods as
 * InteractiveChannel, plus the backend's session, poll and viewer-count controls.
 */
export class InteractiveClient extends InteractiveBase {
  /** @param {{stream: string, token?: string, role?: string, grants?: string, identity?: string, baseUrl?: string, connectionOptions?: object}} opts */
  constructor(opts) {
    super();
    this._opts = opts;
    this.connection = null;
    this.official = false;
  }

  /** Connects (dev token when none is given) and joins the stream's interactive session. */
  async join() {
    const o = this._opts;
    const token = o.token || (await fetchDevToken({
      stream: o.stream, role: o.role || 'viewer', grants: o.grants, identity: o.identity, baseUrl: o.baseUrl,
    }));
    const conn = new OdeonConnection(OdeonConnection.urlFor(token, o.baseUrl), o.connectionOptions);
    conn.on('interactive', (d) => this._dispatch(d));
    conn.on('close', (d) => this.emit('close', d));
    await conn.connect();
    this.connection = conn;
    const res = await conn.send('interactive.join', {});
    this.official = !!res.official;
    return this;
  }

  sendMessage(message) {
    if (!this.connection || !this.connection.isOpen) throw new OdeonError('bad_state', 'not joined');
    // Relay errors come back as 'relayerror' events, not as a failed command.
    this.connection.send('interactive', message).catch((e) => this.emit('relayerror', { code: e.code, message: e.message }));
  }

  /** Starts the stream's session (backend or stream owner). */
  startSession() {
    return this.connection.send('interactive.start', {});
  }

  /** Closes the stream's session: open polls end with their final result. */
  closeSession() {
    return this.connection.send('interactive.close', {});
  }

  /** Opens a poll: {pollId, question, options: [..], windowMs?, showViewers?}. */
  openPoll(poll) {
    return this.sendMessage({ ...poll, type: 'poll.open' });
  }

  closePoll(pollId) {
    return this.sendMessage({ type: 'poll.close', pollId });
  }

  /** Asks for the viewer count; the answer is a 'system' event named 'viewercount'. */
  requestViewerCount() {
    return this.sendMessage({ type: 'viewercount.get' });
  }

  close() {
    if (this.connection) this.connection.close();
  }
}
