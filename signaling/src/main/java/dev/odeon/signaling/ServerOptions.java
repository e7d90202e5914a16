package dev.odeon.signaling;

import java.util.List;

/**
 * Everything the command line decides, already validated and with defaults applied.
 *
 * @param httpHost HTTP bind address
 * @param httpPort HTTP port, 0 for ephemeral
 * @param mediaHost UDP bind address of the media server
 * @param mediaPort UDP port, 0 for ephemeral
 * @param publicIps addresses advertised as ICE candidates
 * @param devMode dev token endpoint for loopback pages
 * @param apiKey the key id tokens are signed with
 * @param apiSecret the HS256 secret (at least 32 bytes)
 */
public record ServerOptions(
    String httpHost,
    int httpPort,
    String mediaHost,
    int mediaPort,
    List<String> publicIps,
    boolean devMode,
    String apiKey,
    String apiSecret) {
  public static final String DEV_KEY = "devkey";
  public static final String DEV_SECRET = "odeon-dev-secret-not-for-production";

  public ServerOptions {
    publicIps = List.copyOf(publicIps);
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "ServerOptions[http=" + httpHost + ":" + httpPort + ", media=" + mediaHost + ":" + mediaPort
        + ", publicIps=" + publicIps + ", dev=" + devMode + ", apiKey=" + apiKey + "]";
  }
}
