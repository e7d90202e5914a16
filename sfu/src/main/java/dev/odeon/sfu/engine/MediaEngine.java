package dev.odeon.sfu.engine;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.MediaEvents;
import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.sfu.audio.ActivityConfig;
import dev.odeon.sfu.data.DataPlanes;
import dev.odeon.sfu.data.DataSession;
import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.ice.IceLiteAgent;
import dev.odeon.sfu.ice.StunMessage;
import dev.odeon.sfu.router.Router;
import dev.odeon.sfu.router.Viewer;
import dev.odeon.sfu.rtcp.RtcpCompound;
import dev.odeon.sfu.rtp.RtpPacket;
import dev.odeon.sfu.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every media session on the shared port and demultiplexes each datagram to one of them:
 * by first byte (RFC 7983: 0–3 STUN, 20–63 DTLS, 128–191 RTP/RTCP), then by source 5-tuple. A
 * 5-tuple is learnt only from a STUN binding request whose USERNAME names one of our sessions and
 * whose MESSAGE-INTEGRITY and FINGERPRINT verify. Media thread only; sans-IO apart from the DTLS
 * adapter's confined handshake thread.
 */
public final class MediaEngine {
  private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
  private static final long HOUSEKEEPING_NANOS = 250_000_000L;
  private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

  private final EngineStats stats = new EngineStats();
  private final Transmitter transmitter;
  private final Executor handshakeExecutor;
  private final Runnable wakeup;
  private final DtlsCertificate certificate;
  private final SecureRandom random = new SecureRandom();
  private final Router router;
  private final SessionFactory factory;
  private final Map<SessionId, PeerSession> sessions = new LinkedHashMap<>();
  private final Map<String, PeerSession> byUfrag = new HashMap<>();
  private final Map<InetSocketAddress, PeerSession> byAddress = new HashMap<>();
  private final List<PeerSession> handshaking = new ArrayList<>();
  private final RtpPacket rtp = new RtpPacket();
  private final List<PeerSession> withData = new ArrayList<>();
  private DataPlanes dataPlanes;
  private MediaEvents listener = e -> {};
  private long nextHousekeeping;
  private long nextReports;

  public MediaEngine(List<String> candidateIps, int port, DtlsCertificate certificate,
      Transmitter transmitter, Executor handshakeExecutor, Runnable wakeup) {
    this.transmitter = transmitter;
    this.handshakeExecutor = handshakeExecutor;
    this.wakeup = wakeup;
    this.certificate = certificate;
    this.router = new Router(this::emit, stats::countDrop, ActivityConfig.DEFAULT, stats.repair);
    this.factory = new SessionFactory(candidateIps, port, certificate.fingerprintSha256(), random);
  }

  public EngineStats stats() {
    return stats;
  }

  public void setListener(MediaEvents listener) {
    this.listener = listener == null ? e -> {} : listener;
  }

  /**
   * Plugs in the data channel carrier: from now on view answers accept a data channel section and
   * such sessions get a data plane when DTLS completes. Null turns data channels off again.
   */
  public void setDataPlanes(DataPlanes planes) {
    this.dataPlanes = planes;
    factory.setDataChannels(planes != null);
  }

  private void emit(MediaEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.error("media event listener failed on {}", event, e);
    }
  }

  /** Accepts a publish offer; replaces an earlier publisher of the same source. */
  public SessionAnswer publish(long nowNanos, PublishRequest req) {
    SessionFactory.Prepared prepared = factory.preparePublish(req);
    var previous = router.publisher(req.stream(), req.source());
    if (previous != null) {
      for (PeerSession s : sessions.values()) {
        if (s.publisher == previous) {
          closeSession(nowNanos, s, "replaced by a newer publisher of the same source", true);
          break;
        }
      }
    }
    PeerSession s = register(nowNanos, prepared, PeerSession.Role.PUBLISHER);
    s.publisher = router.addPublisher(req.stream(), req.source(), s, random.nextInt(),
        prepared.lines());
    if (prepared.transportCcExtId() > 0) {
      s.publisher.enableTransportCc(prepared.transportCcExtId());
    }
    stats.publishers++;
    LOG.info("session {}: publish {} source {} from {}", s.id, req.stream(), req.source(), req.identity());
    return new SessionAnswer(s.id, prepared.answerSdp());
  }

  /** Accepts a view offer. */
  public SessionAnswer view(long nowNanos, ViewRequest req) {
    SessionFactory.Prepared prepared = factory.prepareView(req);
    Viewer.validate(req.options(), prepared.lines());
    PeerSession s = register(nowNanos, prepared, PeerSession.Role.VIEWER);
    s.identity = req.identity() == null ? "" : req.identity();
    s.wantsData = prepared.dataChannel();
    s.viewer = router.addViewer(nowNanos, req.stream(), s.id, s, req.options(), prepared.lines(),
        prepared.seeds());
    stats.viewers++;
    LOG.info("session {}: view {} for {}", s.id, req.stream(), req.identity());
    return new SessionAnswer(s.id, prepared.answerSdp());
  }

  /** Projects a source into a viewer session's slots; throws {@link MediaException} when refused. */
  public void project(long nowNanos, SessionId viewer, SourceId source, List<Projection> mapping) {
    router.project(nowNanos, viewerOf(viewer), source, mapping);
  }

  /** Returns a viewer session's slots to their default role. */
  public void unproject(long nowNanos, SessionId viewer, List<String> mids) {
    router.unproject(nowNanos, viewerOf(viewer), mids);
  }

  private Viewer viewerOf(SessionId id) {
    PeerSession s = id == null ? null : sessions.get(id);
    if (s == null || s.viewer == null) {
      throw new MediaException("unknown_session", "no viewing session " + id);
    }
    return s.viewer;
  }

  private PeerSession register(long nowNanos, SessionFactory.Prepared p, PeerSession.Role role) {
    SessionId id = new SessionId(Long.toHexString(random.nextLong() & Long.MAX_VALUE));
    IceLiteAgent ice = new IceLiteAgent(p.localIce());
    ice.setRemote(p.remoteIce());
    ice.start(nowNanos);
    DtlsEndpoint dtls = new DtlsEndpoint(DtlsEndpoint.Role.SERVER, certificate,
        p.remoteFingerprint(), handshakeExecutor, wakeup);
    PeerSession s = new PeerSession(id, role, p.stream(), p.localIce(), ice, dtls, transmitter, stats);
    sessions.put(id, s);
    byUfrag.put(p.localIce().ufrag(), s);
    handshaking.add(s);
    stats.sessions++;
    dtls.start();
    return s;
  }

  /** True once the session's DTLS handshake completed and its SRTP keys are in place. */
  boolean isConnected(SessionId id) {
    PeerSession s = sessions.get(id);
    return s != null && s.srtp != null;
  }

  /** See {@link dev.odeon.sfu.api.MediaService#setMuted}. */
  public void setMuted(StreamId stream, SourceId source, boolean muted) {
    router.setMuted(stream, source, muted);
    LOG.info("stream {}: source {} {}", stream, source, muted ? "muted" : "unmuted");
  }

  /** See {@link dev.odeon.sfu.api.MediaService#setFeatured}. */
  public void setFeatured(long nowNanos, StreamId stream, SourceId source) {
    router.setFeatured(nowNanos, stream, source);
  }

  /** See {@link dev.odeon.sfu.api.MediaService#forgetStream}. */
  public void forgetStream(StreamId stream) {
    router.forgetStream(stream);
  }

  /** Closes a session on the signaling layer's request. */
  public void close(long nowNanos, SessionId id, String reason) {
    PeerSession s = sessions.get(id);
    if (s != null) {
      closeSession(nowNanos, s, reason, false);
    }
  }

  private void closeSession(long nowNanos, PeerSession s, String reason, boolean notify) {
    if (s.closed) {
      return;
    }
    s.closed = true;
    sessions.remove(s.id);
    byUfrag.remove(s.localIce.ufrag());
    byAddress.values().removeIf(v -> v == s);
    handshaking.remove(s);
    if (s.data != null) {
      withData.remove(s);
      try {
        s.data.close(nowNanos, reason);
      } catch (RuntimeException e) {
        LOG.error("session {}: data plane close failed", s.id, e);
      }
      s.data = null;
    }
    s.dtls.close();
    stats.sessions--;
    if (s.publisher != null) {
      router.removePublisher(nowNanos, s.publisher);
      stats.publishers--;
    }
    if (s.viewer != null) {
      router.removeViewer(s.viewer);
      stats.viewers--;
    }
    LOG.info("session {}: closed ({})", s.id, reason);
    if (notify) {
      emit(new MediaEvent.SessionClosed(s.id, reason));
    }
  }

  /** One datagram from the shared socket. Never throws for bad input: drops and counts it. */
  public void handleDatagram(long nowNanos, InetSocketAddress from, byte[] buf, int off, int len) {
    stats.countIn(len);
    if (len < 1) {
      stats.countDrop(DropReason.UNKNOWN_PROTOCOL);
      return;
    }
    int first = buf[off] & 0xFF;
    if (first <= 3) {
      handleStun(nowNanos, from, buf, off, len);
      return;
    }
    PeerSession s = byAddress.get(from);
    if (s == null) {
      stats.countDrop(DropReason.UNKNOWN_ADDRESS);
    } else if (first >= 20 && first <= 63) {
      if (!s.dtls.handleDatagram(buf, off, len)) {
        stats.countDrop(DropReason.DTLS_ERROR);
      }
      drainDtls(nowNanos, s);
    } else if (first >= 128 && first <= 191) {
      handleSrtp(nowNanos, s, buf, off, len);
    } else {
      stats.countDrop(DropReason.UNKNOWN_PROTOCOL);
    }
  }

  private void handleStun(long nowNanos, InetSocketAddress from, byte[] buf, int off, int len) {
    StunMessage msg = StunMessage.parse(buf, off, len);
    if (msg == null) {
      stats.countDrop(DropReason.STUN_MALFORMED);
      return;
    }
    if (!msg.isBindingRequest()) {
      stats.countDrop(DropReason.STUN_UNEXPECTED);
      return;
    }
    String ufrag = IceCredentials.localUfragOf(msg.username());
    PeerSession s = ufrag == null ? null : byUfrag.get(ufrag);
    if (s == null) {
      stats.countDrop(DropReason.STUN_UNKNOWN_UFRAG);
      return;
    }
    IceLiteAgent.Result result = s.ice.handleBindingRequest(nowNanos, msg, from);
    if (result instanceof IceLiteAgent.Result.Accepted ok) {
      byAddress.put(from, s);
      send(from, ok.response());
    } else if (result instanceof IceLiteAgent.Result.Rejected bad) {
      stats.countDrop(switch (bad.reason()) {
        case BAD_INTEGRITY -> DropReason.STUN_BAD_INTEGRITY;
        case BAD_FINGERPRINT -> DropReason.STUN_BAD_FINGERPRINT;
        case BAD_USERNAME -> DropReason.STUN_UNKNOWN_UFRAG;
        case ROLE_CONFLICT -> DropReason.STUN_UNEXPECTED;
        case MALFORMED -> DropReason.STUN_MALFORMED;
      });
      if (bad.response() != null) {
        send(from, bad.response());
      }
    }
  }

  private void send(InetSocketAddress to, byte[] datagram) {
    if (transmitter.send(to, datagram, 0, datagram.length)) {
      stats.countOut(datagram.length);
    } else {
      stats.countDrop(DropReason.SEND_FAILED);
    }
  }

  private void handleSrtp(long nowNanos, PeerSession s, byte[] buf, int off, int len) {
    SrtpSession srtp = s.srtp;
    if (srtp == null) {
      stats.countDrop(DropReason.SRTP_NOT_READY);
      return;
    }
    if (RtpPacket.isRtcp(buf, off, len)) {
      int plain = srtp.unprotectRtcp(buf, off, len);
      if (plain < 0) {
        stats.countDrop(DropReason.SRTP_AUTH_FAILED);
        return;
      }
      RtcpCompound compound = RtcpCompound.parse(buf, off, plain);
      if (compound.malformed()) {
        stats.countDrop(DropReason.RTCP_MALFORMED);
      }
      if (s.publisher != null) {
        router.handlePublisherRtcp(nowNanos, s.publisher, compound.packets());
      } else if (s.viewer != null) {
        router.handleViewerRtcp(nowNanos, s.viewer, compound.packets());
      }
      return;
    }
    int plain = srtp.unprotectRtp(buf, off, len);
    if (plain < 0) {
      stats.countDrop(DropReason.SRTP_AUTH_FAILED);
      return;
    }
    if (!rtp.wrap(buf, off, plain)) {
      stats.countDrop(DropReason.RTP_MALFORMED);
      return;
    }
    if (s.publisher != null) {
      router.handlePublisherRtp(nowNanos, s.publisher, rtp, buf);
    } else {
      // Viewers are receive-only: RTP from them belongs to no track we know.
      stats.countDrop(DropReason.UNKNOWN_SSRC);
    }
  }

  /** Moves DTLS output to the wire and reacts to the handshake's end. */
  private void drainDtls(long nowNanos, PeerSession s) {
    for (byte[] d; (d = s.dtls.pollTransmit()) != null; ) {
      s.transmit(d, 0, d.length);
    }
    if (!s.handshakeDone) {
      switch (s.dtls.state()) {
        case CONNECTED -> connected(nowNanos, s);
        case FAILED -> closeSession(nowNanos, s, "DTLS failed: " + s.dtls.failureReason(), true);
        default -> { }
      }
    }
    // Application data is SCTP for the session's data plane; without one it is unexpected and is
    // drained so it cannot pile up.
    for (byte[] record; (record = s.dtls.pollApplicationData()) != null; ) {
      if (s.data != null) {
        s.data.handleData(nowNanos, record);
      } else {
        stats.countDrop(DropReason.DTLS_ERROR);
      }
    }
  }

  private void connected(long nowNanos, PeerSession s) {
    s.handshakeDone = true;
    handshaking.remove(s);
    s.srtp = s.dtls.newSrtpSession();
    LOG.info("session {}: DTLS connected ({})", s.id, s.dtls.srtpKeys().profile());
    if (s.publisher != null) {
      router.activate(nowNanos, s.publisher);
    } else if (s.viewer != null) {
      router.onViewerReady(nowNanos, s.viewer);
    }
    if (s.wantsData && dataPlanes != null) {
      s.data = dataPlanes.open(nowNanos, new DataSession(s.id, s.stream, s.identity), s.dataSink());
      withData.add(s);
    }
  }

  /** Timers: DTLS progress, ICE consent, periodic receiver reports. */
  public void handleTimeout(long nowNanos) {
    for (int i = handshaking.size() - 1; i >= 0 && i < handshaking.size(); i--) {
      drainDtls(nowNanos, handshaking.get(i));
    }
    router.handleTimeout(nowNanos);
    handleDataTimeouts(nowNanos);
    if (nowNanos - nextHousekeeping < 0) {
      return;
    }
    nextHousekeeping = nowNanos + HOUSEKEEPING_NANOS;
    List<PeerSession> expired = new ArrayList<>();
    for (PeerSession s : sessions.values()) {
      if (s.ice.isConsentExpired(nowNanos)) {
        expired.add(s);
      }
    }
    for (PeerSession s : expired) {
      closeSession(nowNanos, s, "ICE consent expired", true);
    }
    if (nowNanos - nextReports >= 0) {
      nextReports = nowNanos + REPORT_INTERVAL_NANOS;
      for (PeerSession s : sessions.values()) {
        if (s.publisher != null) {
          router.sendReceiverReports(nowNanos, s.publisher);
        }
      }
    }
  }

  private void handleDataTimeouts(long nowNanos) {
    if (dataPlanes != null && dataPlanes.pollTimeout() <= nowNanos) {
      dataPlanes.handleTimeout(nowNanos);
    }
    for (int i = withData.size() - 1; i >= 0 && i < withData.size(); i--) {
      PeerSession s = withData.get(i);
      if (s.data != null && s.data.pollTimeout() <= nowNanos) {
        s.data.handleTimeout(nowNanos);
      }
    }
  }

  /** When {@link #handleTimeout} next has work. */
  public long pollTimeout(long nowNanos) {
    long t = Math.min(nextHousekeeping, router.pollTimeout(nowNanos));
    if (!handshaking.isEmpty()) {
      t = Math.min(t, nowNanos + 20_000_000L);
    }
    if (dataPlanes != null) {
      t = Math.min(t, dataPlanes.pollTimeout());
    }
    for (PeerSession s : withData) {
      t = Math.min(t, s.data.pollTimeout());
    }
    return t;
  }

  /** Closes every session (server shutdown). */
  public void shutdown(long nowNanos) {
    for (Iterator<PeerSession> it = new ArrayList<>(sessions.values()).iterator(); it.hasNext(); ) {
      closeSession(nowNanos, it.next(), "server shutting down", false);
    }
  }
}
