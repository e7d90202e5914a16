package dev.odeon.datachannel.sctp;

/**
 * Association settings. {@link #defaults()} gives the WebRTC profile.
 *
 * <p>Timers: RTO.initial 1 s and RTO.max 60 s as RFC 9260 §16; RTO.min is 400 ms instead of the
 * RFC's 1 s — data channels carry interactive events, and 400 ms stays above the 200 ms delayed-SACK
 * timer plus a typical RTT, so a delayed SACK does not cause a spurious retransmission (libwebrtc's
 * dcsctp also runs well below 1 s).
 *
 * @param localPort our SCTP port (RFC 8841 default 5000)
 * @param remotePort the peer's SCTP port (5000)
 * @param mtu largest SCTP packet we build (the DTLS record payload), bytes
 * @param maxMessageSize largest incoming message accepted, enforced during reassembly (RFC 8841
 *     a=max-message-size); larger ones are refused with {@link SctpEvent.MessageRefused}
 * @param maxReassemblyBytes cap on memory held for incomplete or undelivered incoming messages
 * @param receiveWindow a_rwnd we advertise, bytes
 * @param maxSendBufferBytes cap on queued, unacknowledged outgoing payload; {@code send} fails past it
 * @param numStreams inbound and outbound streams we offer (WebRTC: 65535)
 * @param rtoInitialMs RTO before any RTT measurement
 * @param rtoMinMs lower bound of RTO
 * @param rtoMaxMs upper bound of RTO
 * @param maxRetransmissions consecutive timeouts before the association aborts (Association.Max.Retrans)
 * @param maxInitRetransmissions INIT / COOKIE ECHO timeouts before giving up (Max.Init.Retransmits)
 * @param delayedAckMs delayed SACK timer (RFC 9260 §6.2: at most 500 ms; 200 ms typical)
 * @param heartbeatIntervalMs idle heartbeat interval (RFC 9260 HB.interval, 30 s)
 * @param cookieLifetimeMs how long a State Cookie stays valid
 */
public record SctpConfig(int localPort, int remotePort, int mtu, int maxMessageSize,
    int maxReassemblyBytes, int receiveWindow, int maxSendBufferBytes, int numStreams,
    long rtoInitialMs, long rtoMinMs, long rtoMaxMs, int maxRetransmissions,
    int maxInitRetransmissions, long delayedAckMs, long heartbeatIntervalMs, long cookieLifetimeMs) {

  public SctpConfig {
    if (mtu < 256 || mtu > 65535) {
      throw new IllegalArgumentException("mtu out of range: " + mtu);
    }
    if (maxMessageSize < 1 || maxReassemblyBytes < maxMessageSize) {
      throw new IllegalArgumentException("need 0 < maxMessageSize <= maxReassemblyBytes");
    }
    if (numStreams < 1 || numStreams > 65535) {
      throw new IllegalArgumentException("numStreams out of range: " + numStreams);
    }
    if (rtoMinMs <= 0 || rtoMinMs > rtoInitialMs || rtoInitialMs > rtoMaxMs) {
      throw new IllegalArgumentException("need 0 < rtoMin <= rtoInitial <= rtoMax");
    }
  }

  /** WebRTC defaults: 1200-byte packets, 256 KiB messages, 1 MiB window and reassembly cap. */
  public static SctpConfig defaults() {
    return new SctpConfig(5000, 5000, 1200, 256 * 1024, 1024 * 1024, 1024 * 1024, 8 * 1024 * 1024,
        65535, 1000, 400, 60_000, 10, 8, 200, 30_000, 60_000);
  }

  public SctpConfig withMaxMessageSize(int bytes) {
    return new SctpConfig(localPort, remotePort, mtu, bytes, Math.max(bytes, maxReassemblyBytes),
        receiveWindow, maxSendBufferBytes, numStreams, rtoInitialMs, rtoMinMs, rtoMaxMs,
        maxRetransmissions, maxInitRetransmissions, delayedAckMs, heartbeatIntervalMs,
        cookieLifetimeMs);
  }

  public SctpConfig withMaxRetransmissions(int count) {
    return new SctpConfig(localPort, remotePort, mtu, maxMessageSize, maxReassemblyBytes,
        receiveWindow, maxSendBufferBytes, numStreams, rtoInitialMs, rtoMinMs, rtoMaxMs, count,
        maxInitRetransmissions, delayedAckMs, heartbeatIntervalMs, cookieLifetimeMs);
  }
}
