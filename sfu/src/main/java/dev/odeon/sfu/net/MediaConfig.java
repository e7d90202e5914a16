package dev.odeon.sfu.net;

import java.util.List;

/**
 * Where the media server listens and what it advertises.
 *
 * @param bindHost address the shared UDP socket binds to (e.g. 127.0.0.1 or 0.0.0.0)
 * @param port the one UDP port shared by every session (default 10000)
 * @param candidateIps addresses advertised as ICE host candidates in SDP answers
 */
public record MediaConfig(String bindHost, int port, List<String> candidateIps) {
  public MediaConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("media port out of range: " + port);
    }
    candidateIps = List.copyOf(candidateIps);
    if (candidateIps.isEmpty()) {
      throw new IllegalArgumentException("at least one candidate address is needed");
    }
  }
}
