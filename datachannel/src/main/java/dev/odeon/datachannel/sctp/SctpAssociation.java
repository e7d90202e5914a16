package dev.odeon.datachannel.sctp;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One SCTP association (RFC 9260) in the WebRTC profile (RFC 8831), sans-IO.
 *
 * <p>Owns the handshake state machine (§5: INIT, INIT ACK with a signed State Cookie, COOKIE ECHO,
 * COOKIE ACK; simultaneous open as both WebRTC peers do it), verification-tag checks (§8.5), the
 * send and receive halves ({@link OutboundQueue}, {@link ReceiveTracker}, {@link Reassembler}),
 * delayed SACK (§6.2), heartbeats (§8.3), graceful shutdown (§9.2), ABORT, FORWARD TSN (RFC 3758)
 * and stream reset (RFC 6525).
 *
 * <p>Use: feed every SCTP packet (one decrypted DTLS record) to {@link #handleInput}, call {@link
 * #handleTimeout} when {@link #pollTimeout} passes, then drain {@link #pollTransmit} (to DTLS) and
 * {@link #pollEvent}. Not thread-safe: confined to the owner's event-loop thread. Bad input is
 * dropped and counted in {@link #counters()}, never thrown.
 */
public final class SctpAssociation {
  private static final long MS = 1_000_000L;

  private final SctpConfig config;
  private final Random random;
  private final byte[] secret = new byte[32];
  private final SctpCounters counters = new SctpCounters();
  private final ArrayDeque<byte[]> transmit = new ArrayDeque<>();
  private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
  private final List<byte[]> control = new ArrayList<>();
  private final RtoEstimator rto;
  private SctpState state = SctpState.CLOSED;
  private boolean wasSetUp;
  private int myTag;
  private int peerTag;
  private int myInitialTsn;
  private int outboundStreams;
  private DataPlane data;
  private byte[] handshakeChunk;
  private long t1Deadline = Long.MAX_VALUE;
  private int t1Count;
  private long t2Deadline = Long.MAX_VALUE;
  private int t2Count;
  private final Heartbeat heartbeat = new Heartbeat();
  private int errorCount;

  /** {@code random} supplies tags, initial TSNs and the cookie secret; tests pass a seeded one. */
  public SctpAssociation(SctpConfig config, Random random) {
    this.config = Objects.requireNonNull(config);
    this.random = Objects.requireNonNull(random);
    random.nextBytes(secret);
    this.rto = new RtoEstimator(config.rtoInitialMs() * MS, config.rtoMinMs() * MS,
        config.rtoMaxMs() * MS);
  }

  /** An association with a {@link SecureRandom}. */
  public static SctpAssociation create(SctpConfig config) {
    return new SctpAssociation(config, new SecureRandom());
  }

  public SctpState state() {
    return state;
  }

  public SctpCounters counters() {
    return counters;
  }

  /** Outgoing payload bytes queued or unacknowledged (the data channel's bufferedAmount). */
  public long bufferedAmount() {
    return data == null ? 0 : data.out.bufferedBytes();
  }

  /** Incoming bytes held for reassembly or ordered delivery. */
  public long reassemblyBytes() {
    return data == null ? 0 : data.reassemblyBytes();
  }

  /** Negotiated outbound stream count (0 before the handshake). */
  public int outboundStreams() {
    return outboundStreams;
  }

  /** Starts the handshake as the initiator (RFC 9260 §5.1 A). Both WebRTC peers may call this. */
  public void connect(long nowNanos) {
    if (state != SctpState.CLOSED || wasSetUp) {
      throw new IllegalStateException("connect() needs a fresh association, state " + state);
    }
    myTag = nonZeroTag();
    myInitialTsn = random.nextInt();
    handshakeChunk = InitChunk.init(config, myTag, myInitialTsn).encode();
    transmit.add(packet(0, List.of(handshakeChunk)));
    state = SctpState.COOKIE_WAIT;
    t1Count = 0;
    t1Deadline = nowNanos + rto.rto();
  }

  /**
   * Queues a message. Returns false when the association is not established, the stream is out of
   * range or being reset, or the send buffer is full. {@code payload} must not be empty (SCTP
   * cannot carry an empty message; DCEP uses PPIDs 56/57 for that).
   */
  public boolean send(long nowNanos, int streamId, int ppid, byte[] payload, boolean ordered,
      ReliabilityPolicy policy) {
    Objects.requireNonNull(payload);
    Objects.requireNonNull(policy);
    if (payload.length == 0) {
      throw new IllegalArgumentException("empty message: use the DCEP empty PPIDs");
    }
    if (state != SctpState.ESTABLISHED || streamId < 0 || streamId >= outboundStreams
        || data.resets.isResetting(streamId)) {
      return false;
    }
    if (!data.out.enqueue(nowNanos, streamId, ppid, payload, !ordered, policy)) {
      return false;
    }
    flush(nowNanos);
    return true;
  }

  /** Asks the peer to reset our outgoing stream (RFC 6525), closing a data channel. */
  public boolean resetStream(long nowNanos, int streamId) {
    if (state != SctpState.ESTABLISHED || streamId < 0 || streamId >= outboundStreams) {
      return false;
    }
    if (!data.resets.isResetting(streamId)) {
      data.resets.request(streamId);
      flush(nowNanos);
    }
    return true;
  }

  /** Graceful close (RFC 9260 §9.2): sends what is queued, then SHUTDOWN. */
  public void shutdown(long nowNanos) {
    if (state == SctpState.ESTABLISHED) {
      state = SctpState.SHUTDOWN_PENDING;
      progressShutdown(nowNanos);
      flush(nowNanos);
    } else if (state == SctpState.COOKIE_WAIT || state == SctpState.COOKIE_ECHOED) {
      enterClosed();
      events.add(new SctpEvent.Closed("shutdown before establishment"));
    }
  }

  /** Next packet to hand to DTLS, or null. */
  public byte[] pollTransmit() {
    return transmit.poll();
  }

  public SctpEvent pollEvent() {
    return events.poll();
  }

  /** Earliest deadline (nanos, same clock as the arguments) or {@link Long#MAX_VALUE}. */
  public long pollTimeout() {
    long t = Math.min(Math.min(t1Deadline, t2Deadline), heartbeat.deadline());
    if (data != null && state != SctpState.CLOSED) {
      t = Math.min(t, data.pollTimeout());
    }
    return t;
  }

  /** One SCTP packet. Malformed, mis-checksummed or mis-tagged packets are dropped and counted. */
  public void handleInput(long nowNanos, byte[] packet, int off, int len) {
    if (packet == null || off < 0 || len < 0 || off > packet.length - len) {
      counters.malformedPackets++;
      return;
    }
    if (!SctpPacket.hasValidChecksum(packet, off, len)) {
      counters.badChecksum++;
      return;
    }
    SctpPacket p = SctpPacket.parse(packet, off, len);
    if (p == null || p.destinationPort() != config.localPort()
        || p.sourcePort() != config.remotePort()) {
      counters.malformedPackets++;
      return;
    }
    if (state == SctpState.CLOSED && p.chunks().get(0).type() == ChunkType.SHUTDOWN_ACK) {
      // Out of the blue SHUTDOWN ACK (§8.4 item 5): our SHUTDOWN COMPLETE was lost; answer it.
      transmit.add(packet(p.verificationTag(), List.of(ShutdownCompleteChunk.encodeReflected())));
      return;
    }
    if (!tagAcceptable(p)) {
      counters.badVerificationTag++;
      return;
    }
    for (RawChunk c : p.chunks()) {
      if (!handleChunk(nowNanos, p, c)) {
        break;
      }
    }
    afterInput(nowNanos);
    flush(nowNanos);
  }

  /** Fires whatever timers are due at {@code nowNanos}. */
  public void handleTimeout(long nowNanos) {
    if (t1Deadline <= nowNanos) {
      retransmitHandshake(nowNanos);
    }
    if (t2Deadline <= nowNanos) {
      retransmitShutdown(nowNanos);
    }
    if (data != null && state != SctpState.CLOSED && data.handleTimeout(nowNanos)
        && ++errorCount > config.maxRetransmissions()) {
      abortLocally(nowNanos, "too many retransmissions");
      return;
    }
    if (heartbeat.deadline() <= nowNanos && !sendHeartbeat(nowNanos)) {
      return;
    }
    progressShutdown(nowNanos);
    flush(nowNanos);
  }

  private boolean tagAcceptable(SctpPacket p) {
    RawChunk first = p.chunks().get(0);
    int vtag = p.verificationTag();
    switch (first.type()) {
      case ChunkType.INIT:
        return vtag == 0 && p.chunks().size() == 1;
      case ChunkType.COOKIE_ECHO:
        return true; // Checked against the cookie's tag.
      case ChunkType.ABORT:
      case ChunkType.SHUTDOWN_COMPLETE:
        boolean reflected = (first.flags() & 1) != 0;
        return myTag != 0 && vtag == (reflected ? peerTag : myTag);
      default:
        return myTag != 0 && vtag == myTag && state != SctpState.CLOSED;
    }
  }

  /** Returns false to stop processing the rest of the packet. */
  private boolean handleChunk(long now, SctpPacket p, RawChunk c) {
    switch (c.type()) {
      case ChunkType.DATA -> {
        if (state == SctpState.ESTABLISHED || state == SctpState.SHUTDOWN_PENDING
            || state == SctpState.SHUTDOWN_SENT) {
          data.handleData(c);
        }
      }
      case ChunkType.INIT -> handleInit(now, c);
      case ChunkType.INIT_ACK -> handleInitAck(now, c);
      case ChunkType.COOKIE_ECHO -> handleCookieEcho(now, p.verificationTag(), c);
      case ChunkType.COOKIE_ACK -> {
        if (state == SctpState.COOKIE_ECHOED) {
          establish(now);
        }
      }
      case ChunkType.SACK -> {
        if (isLive() && data.handleSack(now, c)) {
          errorCount = 0;
        }
      }
      case ChunkType.HEARTBEAT -> handleHeartbeat(now, c);
      case ChunkType.HEARTBEAT_ACK -> handleHeartbeat(now, c);
      case ChunkType.ABORT -> {
        if (state != SctpState.CLOSED) {
          AbortChunk a = AbortChunk.parse(c);
          enterClosed();
          events.add(new SctpEvent.Aborted("peer sent ABORT, cause " + a.causeCode()));
        }
        return false;
      }
      case ChunkType.SHUTDOWN -> handleShutdown(now, c);
      case ChunkType.SHUTDOWN_ACK -> {
        if (state == SctpState.SHUTDOWN_SENT || state == SctpState.SHUTDOWN_ACK_SENT) {
          control.add(ShutdownCompleteChunk.encode());
          enterClosed();
          events.add(new SctpEvent.Closed("shutdown complete"));
          return false;
        }
      }
      case ChunkType.SHUTDOWN_COMPLETE -> {
        if (state == SctpState.SHUTDOWN_ACK_SENT) {
          enterClosed();
          events.add(new SctpEvent.Closed("shutdown complete"));
        }
        return false;
      }
      case ChunkType.ERROR -> handleError(now, c);
      case ChunkType.FORWARD_TSN -> {
        if (isLive()) {
          data.handleForwardTsn(c);
        }
      }
      case ChunkType.RECONFIG -> {
        if (isLive()) {
          data.handleReconfig(c);
        }
      }
      default -> {
        return handleUnknown(c);
      }
    }
    return true;
  }

  private void handleError(long now, RawChunk c) {
    ErrorChunk e = ErrorChunk.parse(c);
    if (e == null) {
      counters.malformedChunks++;
    } else if (e.causeCode() == ErrorChunk.STALE_COOKIE && state == SctpState.COOKIE_ECHOED) {
      // Start over with the same tag and TSN; the new INIT ACK replaces the peer parameters.
      handshakeChunk = InitChunk.init(config, myTag, myInitialTsn).encode();
      transmit.add(packet(0, List.of(handshakeChunk)));
      state = SctpState.COOKIE_WAIT;
      t1Deadline = now + rto.rto();
    }
  }

  private void handleInit(long now, RawChunk c) {
    InitChunk init = InitChunk.parse(c);
    if (init == null || init.ack()) {
      counters.malformedChunks++;
      return;
    }
    int tag;
    int tsn;
    if (state == SctpState.CLOSED) {
      if (wasSetUp) {
        return; // A closed association is not reused; the owner creates a new one.
      }
      tag = nonZeroTag();
      tsn = random.nextInt();
    } else {
      // Simultaneous open or a repeated INIT: answer with the tags we already use (§5.2.1, §5.2.2).
      tag = myTag;
      tsn = myInitialTsn;
    }
    InitChunk ack = InitChunk.initAck(config, init, tag, tsn, now, secret);
    transmit.add(packet(init.initiateTag(), List.of(ack.encode())));
  }

  private void handleInitAck(long now, RawChunk c) {
    if (state != SctpState.COOKIE_WAIT) {
      return;
    }
    InitChunk ack = InitChunk.parse(c);
    if (ack == null || !ack.ack()) {
      counters.malformedChunks++;
      return;
    }
    setUp(ack.initiateTag(), ack.initialTsn(), ack.aRwnd(), ack.outboundStreams(),
        ack.inboundStreams(), ack.forwardTsnSupported());
    handshakeChunk = new CookieEchoChunk(ack.cookie()).encode();
    control.add(handshakeChunk);
    state = SctpState.COOKIE_ECHOED;
    t1Count = 0;
    t1Deadline = now + rto.rto();
  }

  private void handleCookieEcho(long now, int vtag, RawChunk c) {
    CookieEchoChunk echo = CookieEchoChunk.parse(c);
    StateCookie k = echo == null ? null : StateCookie.authenticate(echo.cookie(), secret);
    if (k == null) {
      counters.badCookies++;
      return;
    }
    if (vtag != k.myTag()) {
      counters.badVerificationTag++;
      return;
    }
    boolean duplicate = k.myTag() == myTag && k.peerTag() == peerTag && state != SctpState.CLOSED
        && state != SctpState.COOKIE_WAIT && state != SctpState.COOKIE_ECHOED;
    if (duplicate) {
      // Our COOKIE ACK was lost: acknowledge again, whatever the cookie's age (§5.2.4 D).
      control.add(CookieAckChunk.encode());
      return;
    }
    if (!k.isFresh(now, config.cookieLifetimeMs() * MS)) {
      counters.badCookies++;
      // Stale Cookie (§3.3.10.3) tells the initiator to start again with a fresh INIT.
      byte[] staleness = new byte[4];
      Wire.put32(staleness, 0, Math.min(0xffffffffL, (now - k.createdNanos()) / 1000));
      transmit.add(packet(k.peerTag(), List.of(new ErrorChunk(ErrorChunk.STALE_COOKIE, staleness)
          .encode())));
      return;
    }
    switch (state) {
      case CLOSED -> {
        if (wasSetUp) {
          return;
        }
        myTag = k.myTag();
        myInitialTsn = k.myInitialTsn();
      }
      case COOKIE_WAIT, COOKIE_ECHOED -> {
        if (k.myTag() != myTag) {
          counters.badCookies++;
          return;
        }
      }
      default -> {
        counters.badCookies++; // A restart (new peer tag) is not supported.
        return;
      }
    }
    if (!wasSetUp) {
      setUp(k.peerTag(), k.peerInitialTsn(), k.peerRwnd(), k.peerOutboundStreams(),
          k.peerInboundStreams(), k.peerForwardTsn());
    }
    control.add(CookieAckChunk.encode());
    establish(now);
  }

  private void setUp(int peerTag, int peerInitialTsn, long peerRwnd, int peerOs, int peerMis,
      boolean forwardTsn) {
    this.peerTag = peerTag;
    this.wasSetUp = true;
    this.outboundStreams = Math.min(config.numStreams(), peerMis);
    data = new DataPlane(config, myInitialTsn, peerInitialTsn, peerRwnd,
        Math.min(config.numStreams(), peerOs), forwardTsn, rto, events, counters);
  }

  private boolean isLive() {
    return data != null && state != SctpState.CLOSED;
  }

  private void establish(long now) {
    state = SctpState.ESTABLISHED;
    t1Deadline = Long.MAX_VALUE;
    handshakeChunk = null;
    heartbeat.schedule(now + config.heartbeatIntervalMs() * MS);
    events.add(new SctpEvent.Connected());
  }

  private void handleHeartbeat(long now, RawChunk c) {
    HeartbeatChunk h = HeartbeatChunk.parse(c);
    if (h == null || data == null) {
      counters.malformedChunks += h == null ? 1 : 0;
      return;
    }
    if (!h.ack()) {
      control.add(new HeartbeatChunk(true, h.info()).encode());
    } else {
      long rtt = heartbeat.handleAck(now, h.info());
      if (rtt >= 0) {
        errorCount = 0;
        rto.addSample(rtt);
      }
    }
  }

  /** Returns false if the association died. */
  private boolean sendHeartbeat(long now) {
    heartbeat.stop();
    if (state != SctpState.ESTABLISHED) {
      return true;
    }
    if (heartbeat.isOutstanding() && ++errorCount > config.maxRetransmissions()) {
      abortLocally(now, "peer unreachable (heartbeat)");
      return false;
    }
    control.add(heartbeat.next(now, random));
    heartbeat.schedule(now + config.heartbeatIntervalMs() * MS + rto.rto());
    return true;
  }

  private void handleShutdown(long now, RawChunk c) {
    ShutdownChunk s = ShutdownChunk.parse(c);
    if (s == null || data == null) {
      counters.malformedChunks += s == null ? 1 : 0;
      return;
    }
    data.out.handleCumulativeAck(now, s.cumTsnAck());
    if (state == SctpState.ESTABLISHED || state == SctpState.SHUTDOWN_PENDING) {
      state = SctpState.SHUTDOWN_RECEIVED;
    } else if (state == SctpState.SHUTDOWN_SENT) {
      control.add(ShutdownAckChunk.encode());
      state = SctpState.SHUTDOWN_ACK_SENT;
      t2Count = 0;
      t2Deadline = now + rto.rto();
    }
  }

  private void progressShutdown(long now) {
    if (data == null || !data.out.isEmpty()) {
      return;
    }
    if (state == SctpState.SHUTDOWN_PENDING) {
      control.add(new ShutdownChunk((int) data.rx.cumulative()).encode());
      state = SctpState.SHUTDOWN_SENT;
    } else if (state == SctpState.SHUTDOWN_RECEIVED) {
      control.add(ShutdownAckChunk.encode());
      state = SctpState.SHUTDOWN_ACK_SENT;
    } else {
      return;
    }
    t2Count = 0;
    t2Deadline = now + rto.rto();
  }

  private void retransmitShutdown(long now) {
    if (++t2Count > config.maxRetransmissions()) {
      abortLocally(now, "shutdown timed out");
      return;
    }
    rto.backoff();
    t2Deadline = now + rto.rto();
    control.add(state == SctpState.SHUTDOWN_SENT
        ? new ShutdownChunk((int) data.rx.cumulative()).encode() : ShutdownAckChunk.encode());
  }

  private void retransmitHandshake(long now) {
    if (++t1Count > config.maxInitRetransmissions()) {
      enterClosed();
      events.add(new SctpEvent.Aborted("handshake timed out"));
      return;
    }
    rto.backoff();
    t1Deadline = now + rto.rto();
    if (state == SctpState.COOKIE_WAIT) {
      transmit.add(packet(0, List.of(handshakeChunk)));
    } else {
      control.add(handshakeChunk);
    }
  }

  /** Upper two type bits say what to do with an unknown chunk (RFC 9260 §3.2). */
  private boolean handleUnknown(RawChunk c) {
    counters.unknownChunks++;
    int action = c.type() >>> 6;
    if ((action & 1) != 0 && peerTag != 0 && c.valueLen() <= 256) {
      byte[] chunk = new byte[4 + c.valueLen()];
      System.arraycopy(c.buf(), c.valueOff() - 4, chunk, 0, chunk.length);
      control.add(new ErrorChunk(ErrorChunk.UNRECOGNIZED_CHUNK, chunk).encode());
    }
    return (action & 2) != 0;
  }

  private void afterInput(long now) {
    if (isLive()) {
      data.afterPacket(now);
    }
    progressShutdown(now);
  }

  private void abortLocally(long now, String reason) {
    control.clear();
    if (peerTag != 0) {
      transmit.add(packet(peerTag, List.of(new AbortChunk(false, -1).encode())));
    }
    enterClosed();
    events.add(new SctpEvent.Aborted(reason));
  }

  private void enterClosed() {
    state = SctpState.CLOSED;
    t1Deadline = Long.MAX_VALUE;
    t2Deadline = Long.MAX_VALUE;
    heartbeat.stop();
    if (data != null) {
      data.close();
    }
  }

  /** Builds packets from pending control chunks, then SACK, FORWARD TSN, RE-CONFIG and DATA. */
  private void flush(long now) {
    if (peerTag == 0) {
      control.clear();
      return;
    }
    PacketBuilder pb = new PacketBuilder(config, peerTag, transmit);
    for (byte[] c : control) {
      pb.add(c);
    }
    control.clear();
    if (isLive()) {
      data.appendTo(now, pb, state == SctpState.ESTABLISHED
          || state == SctpState.SHUTDOWN_PENDING || state == SctpState.SHUTDOWN_RECEIVED);
    }
    pb.finish();
  }

  private byte[] packet(int vtag, List<byte[]> chunks) {
    return SctpPacket.build(config.localPort(), config.remotePort(), vtag, chunks);
  }

  private int nonZeroTag() {
    int t;
    do {
      t = random.nextInt();
    } while (t == 0);
    return t;
  }
}
