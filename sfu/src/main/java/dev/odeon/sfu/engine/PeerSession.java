package dev.odeon.sfu.engine;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.ice.IceLiteAgent;
import dev.odeon.sfu.router.Endpoint;
import dev.odeon.sfu.router.Publisher;
import dev.odeon.sfu.router.Viewer;
import dev.odeon.sfu.srtp.SrtpSession;
import java.net.InetSocketAddress;

/**
 * One browser peer connection: its ICE-lite agent, DTLS endpoint and SRTP contexts, and the router
 * object (publisher or viewer) it carries. As an {@link Endpoint} it protects and transmits what the
 * router sends. Media thread only (the DTLS endpoint confines its own handshake thread).
 */
final class PeerSession implements Endpoint {
  enum Role { PUBLISHER, VIEWER }

  final SessionId id;
  final Role role;
  final StreamId stream;
  final IceCredentials localIce;
  final IceLiteAgent ice;
  final DtlsEndpoint dtls;
  private final Transmitter transmitter;
  private final EngineStats stats;
  SrtpSession srtp;
  Publisher publisher;
  Viewer viewer;
  boolean closed;
  boolean handshakeDone;
  /** The token identity the signaling layer named (for the data plane). */
  String identity = "";
  /** The answer accepted a data channel section. */
  boolean wantsData;
  /** The session's data channel endpoint, once DTLS is up and {@link #wantsData}. */
  dev.odeon.sfu.data.DataPlane data;

  PeerSession(SessionId id, Role role, StreamId stream, IceCredentials localIce, IceLiteAgent ice,
      DtlsEndpoint dtls, Transmitter transmitter, EngineStats stats) {
    this.id = id;
    this.role = role;
    this.stream = stream;
    this.localIce = localIce;
    this.ice = ice;
    this.dtls = dtls;
    this.transmitter = transmitter;
    this.stats = stats;
  }

  InetSocketAddress address() {
    return ice.selectedAddress();
  }

  @Override
  public boolean isReady() {
    return srtp != null && !closed && ice.selectedAddress() != null;
  }

  @Override
  public void sendRtp(byte[] buf, int off, int len) {
    sendRtp(buf, off, len, false);
  }

  @Override
  public void sendRtp(byte[] buf, int off, int len, boolean deferrable) {
    int protectedLen = srtp.protectRtp(buf, off, len);
    transmit(buf, off, protectedLen, deferrable);
  }

  @Override
  public void sendRtcp(byte[] buf, int off, int len) {
    int protectedLen = srtp.protectRtcp(buf, off, len);
    transmit(buf, off, protectedLen);
  }

  /** A sink that encrypts application data with this session's DTLS endpoint and sends it. */
  dev.odeon.sfu.data.DataSink dataSink() {
    return new dev.odeon.sfu.data.DataSink() {
      @Override
      public boolean send(byte[] record) {
        if (closed || dtls.state() != DtlsEndpoint.State.CONNECTED || address() == null
            || record.length > dtls.applicationDataLimit()) {
          stats.countDrop(DropReason.SEND_FAILED);
          return false;
        }
        dtls.sendApplicationData(record, 0, record.length);
        for (byte[] d; (d = dtls.pollTransmit()) != null; ) {
          transmit(d, 0, d.length);
        }
        return true;
      }

      @Override
      public int maxRecordSize() {
        return dtls.applicationDataLimit();
      }
    };
  }

  /** Sends raw bytes (STUN, DTLS or protected media) to the selected address. */
  void transmit(byte[] buf, int off, int len) {
    transmit(buf, off, len, false);
  }

  private void transmit(byte[] buf, int off, int len, boolean deferrable) {
    InetSocketAddress to = ice.selectedAddress();
    if (to == null || len <= 0) {
      return;
    }
    if (transmitter.send(to, buf, off, len, deferrable)) {
      stats.countOut(len);
    } else {
      stats.countDrop(DropReason.SEND_FAILED);
    }
  }
}
