package dev.odeon.loadtest.client;

import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.ice.StunMessage;
import dev.odeon.sfu.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * One synthetic client's media state: its ICE credentials and offer, the server's answer, and once
 * registered with a {@link UdpLoop}, its socket, DTLS client endpoint and SRTP session. A publisher
 * carries a {@link MediaSource}; a viewer counts what it receives. Owned by the loop's thread after
 * {@link UdpLoop#add}; the scenario reads the counters only after the loop has stopped counting.
 */
public final class Peer {
  /** Where the peer is in its connection. */
  public enum Phase { CHECKING, HANDSHAKING, CONNECTED, FAILED }

  final boolean publisher;
  final IceCredentials ice;
  final DtlsCertificate cert;
  final String offer;
  final CompletableFuture<Peer> connected = new CompletableFuture<>();
  private final Random rnd;
  volatile Phase phase = Phase.CHECKING;
  String answer;
  InetSocketAddress server;
  IceCredentials remote;
  /** The DTLS role the remote's SDP leaves us: SERVER when it says {@code a=setup:active} (Janus's answers). */
  DtlsEndpoint.Role dtlsRole = DtlsEndpoint.Role.CLIENT;
  /** ICE role: controlling (nominates with USE-CANDIDATE) unless the remote offered, as Janus does to viewers. */
  volatile boolean iceControlling = true;
  DatagramChannel channel;
  DtlsEndpoint dtls;
  SrtpSession srtp;
  MediaSource source;
  long nextCheck;
  long checksSent;
  /** System.nanoTime() when the peer began joining, and when its first video packet arrived (0 = not yet). */
  volatile long joinStartNanos;
  volatile long firstVideoNanos;
  /** System.nanoTime() when the answer arrived, the ICE check succeeded and DTLS connected (0 = not yet). */
  volatile long socketNanos;
  volatile long answerNanos;
  volatile long iceNanos;
  volatile long dtlsNanos;
  /** Stamped packets received inside the measurement window, per kind (0 audio, 1 video). */
  final long[] windowReceived = new long[2];
  int videoBitsPerSecond = 1_500_000;
  long received;
  long undecryptable;
  /** When set, every decrypted RTP packet of this viewer goes here instead of the fanout counters. */
  RtpObserver observer;
  /** When set, a data channel rides this viewer's DTLS association (started when DTLS is up). */
  DataChannelClient data;
  /** When set, a publisher's media comes from this factory (argument: now in ns) once DTLS is up. */
  java.util.function.LongFunction<MediaSource> sourceFactory;

  /** Receives a viewer's decrypted RTP packets on the loop thread (custom scenarios). */
  public interface RtpObserver {
    /** {@code packet} is the decrypted packet wrapped over {@code buf}, valid only during the call. */
    void onRtp(dev.odeon.sfu.rtp.RtpPacket packet, byte[] buf, long nowNanos);
  }

  private Peer(boolean publisher, DtlsCertificate cert, Random rnd,
      java.util.function.Function<IceCredentials, String> offer) {
    this.publisher = publisher;
    this.cert = cert;
    this.rnd = new Random(rnd.nextLong());
    this.ice = IceCredentials.random(rnd);
    this.offer = offer.apply(ice);
  }

  /** A publisher whose media comes from {@code source} (called on the loop thread when DTLS is up). */
  public static Peer publisher(DtlsCertificate cert, Random rnd, java.util.function.LongFunction<MediaSource> source) {
    Peer p = publisher(cert, rnd);
    p.sourceFactory = source;
    return p;
  }

  /** A viewer whose offer also carries an SCTP section and whose data channel is {@code data}. */
  public static Peer dataViewer(DtlsCertificate cert, Random rnd, DataChannelClient data) {
    Peer p = new Peer(false, cert, rnd, ice -> Offers.dataViewer(ice, cert));
    p.data = data;
    return p;
  }

  /** A viewer with its own offer (built from its ICE credentials) whose packets go to {@code observer}. */
  public static Peer viewer(DtlsCertificate cert, Random rnd,
      java.util.function.Function<IceCredentials, String> offer, RtpObserver observer) {
    Peer p = new Peer(false, cert, rnd, offer);
    p.observer = observer;
    return p;
  }

  private Peer(boolean publisher, DtlsCertificate cert, Random rnd) {
    this.publisher = publisher;
    this.cert = cert;
    this.rnd = new Random(rnd.nextLong());
    this.ice = IceCredentials.random(rnd);
    this.offer = publisher
        ? Offers.publisher(ice, cert, 0x11110000 | rnd.nextInt(0xFFFF), 0x22220000 | rnd.nextInt(0xFFFF))
        : Offers.viewer(ice, cert);
  }

  /** A publisher whose offer announces random audio and video SSRCs. */
  public static Peer publisher(DtlsCertificate cert, Random rnd) {
    return new Peer(true, cert, rnd);
  }

  /** A viewer. */
  public static Peer viewer(DtlsCertificate cert, Random rnd) {
    return new Peer(false, cert, rnd);
  }

  public String offer() {
    return offer;
  }

  /** Records the server's answer: its ICE credentials, fingerprint and candidate. */
  public void setAnswer(String sdp) {
    this.answer = sdp;
    this.answerNanos = System.nanoTime();
    this.remote = Offers.remoteIce(sdp);
    this.server = Offers.candidate(sdp);
    this.dtlsRole = sdp.contains("\na=setup:active") ? DtlsEndpoint.Role.SERVER : DtlsEndpoint.Role.CLIENT;
  }

  /** This peer's ICE credentials (for an SDP the scenario writes itself, e.g. an answer to Janus). */
  public IceCredentials iceCredentials() {
    return ice;
  }

  /** The local UDP port once {@link UdpLoop#add} opened the socket (read it on the loop's thread), or -1. */
  public int localPort() {
    try {
      return channel == null ? -1 : ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** This peer's DTLS certificate. */
  public DtlsCertificate certificate() {
    return cert;
  }

  /** Completes when ICE and DTLS are up and SRTP is keyed; fails when either fails. */
  public CompletableFuture<Peer> connected() {
    return connected;
  }

  public Phase phase() {
    return phase;
  }

  public boolean isPublisher() {
    return publisher;
  }

  public long joinStartNanos() {
    return joinStartNanos;
  }

  public void markJoinStart(long nanos) {
    joinStartNanos = nanos;
  }

  /** When the first video packet arrived, or 0. */
  public long firstVideoNanos() {
    return firstVideoNanos;
  }

  /** The dev token was minted and the WebSocket is open. */
  public void markSocketOpen() {
    socketNanos = System.nanoTime();
  }

  /**
   * Milestones of the join, ns since {@link #joinStartNanos()}: WebSocket open, answer, ICE, DTLS,
   * first video (-1 = not reached).
   */
  public long[] milestones() {
    long[] at = {socketNanos, answerNanos, iceNanos, dtlsNanos, firstVideoNanos};
    long[] out = new long[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = at[i] == 0 ? -1 : at[i] - joinStartNanos;
    }
    return out;
  }

  /** Stamped packets of {@code kind} received in the window (read after the window closed). */
  public long windowReceived(int kind) {
    return windowReceived[kind];
  }

  /** The ICE check a controlling browser sends, nominating the pair (also used for consent). */
  byte[] bindingRequest() {
    byte[] tx = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    rnd.nextBytes(tx);
    checksSent++;
    return StunMessage.bindingRequest(tx, remote.ufrag() + ":" + ice.ufrag(),
        remote.pwd().getBytes(StandardCharsets.UTF_8), 1845501695L, iceControlling, iceControlling, rnd.nextLong());
  }

  /**
   * Makes this peer the controlled ICE agent (its checks carry ICE-CONTROLLED and no USE-CANDIDATE):
   * for a full-ICE remote that made the offer, such as Janus towards a subscriber. Call before
   * {@link UdpLoop#add}.
   */
  public void setIceControlled() {
    iceControlling = false;
  }

  /** The answer to a full-ICE remote's connectivity check (RFC 8445 7.3), or null when it does not authenticate. */
  byte[] answerCheck(StunMessage request) {
    byte[] key = ice.pwd().getBytes(StandardCharsets.UTF_8);
    if (!request.hasValidIntegrity(key) || server == null) {
      return null;
    }
    return StunMessage.bindingSuccess(request.transactionId(), server, key);
  }
}
