package dev.odeon.sfu.net;

import java.util.List;

/**
 * Where the media server listens and what it advertises.
 *
 * @param bindHost address the shared UDP socket binds to (e.g. 127.0.0.1 or 0.0.0.0)
 * @param port the one UDP port shared by every session (default 10000)
 * @param candidateIps addresses advertised as ICE host candidates in SDP answers
 * @param simulatedLossPercent testing aid: this share (0..50) of RTP datagrams is dropped in each
 *     direction (incoming before decryption, outgoing after encryption), as a lossy network would, to
 *     exercise loss repair; 0 in production
 */
public record MediaConfig(String bindHost, int port, List<String> candidateIps, double simulatedLossPercent) {
  /** Largest simulated loss accepted. */
  public static final double MAX_SIMULATED_LOSS_PERCENT = 50;

  public MediaConfig(String bindHost, int port, List<String> candidateIps) {
    this(bindHost, port, candidateIps, 0);
  }

  public MediaConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("media port out of range: " + port);
    }
    if (!(simulatedLossPercent >= 0 && simulatedLossPercent <= MAX_SIMULATED_LOSS_PERCENT)) {
      throw new IllegalArgumentException("simulated loss must be within 0.." + MAX_SIMULATED_LOSS_PERCENT
          + " percent: " + simulatedLossPercent);
    }
    candidateIps = List.copyOf(candidateIps);
    if (candidateIps.isEmpty()) {
      throw new IllegalArgumentException("at least one candidate address is needed");
    }
  }
}
