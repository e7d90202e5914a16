package dev.odeon.signaling;

import dev.odeon.signaling.auth.ApiKeys;
import java.time.Duration;
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
 * @param moreKeys further API keys that verify tokens (key rotation, ES256 backends)
 * @param maxTokenLifetime the longest token lifetime accepted (exp - iat) and mintable
 * @param hostGrace how long a stage's host may be gone before the stage ends
 * @param simulatedLossPercent testing aid (dev mode only): share of outgoing RTP dropped on purpose
 */
public record ServerOptions(
    String httpHost,
    int httpPort,
    String mediaHost,
    int mediaPort,
    List<String> publicIps,
    boolean devMode,
    String apiKey,
    String apiSecret,
    ApiKeys moreKeys,
    Duration maxTokenLifetime,
    Duration hostGrace,
    double simulatedLossPercent) {
  public static final String DEV_KEY = "devkey";
  public static final String DEV_SECRET = "odeon-dev-secret-not-for-production";

  public ServerOptions {
    publicIps = List.copyOf(publicIps);
  }

  /** The options with no extra keys, a 1 h token maximum and a 30 s host grace. */
  public ServerOptions(String httpHost, int httpPort, String mediaHost, int mediaPort, List<String> publicIps,
      boolean devMode, String apiKey, String apiSecret) {
    this(httpHost, httpPort, mediaHost, mediaPort, publicIps, devMode, apiKey, apiSecret, new ApiKeys(),
        Duration.ofHours(1), Duration.ofSeconds(30), 0);
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "ServerOptions[http=" + httpHost + ":" + httpPort + ", media=" + mediaHost + ":" + mediaPort
        + ", publicIps=" + publicIps + ", dev=" + devMode + ", apiKey=" + apiKey
        + ", moreKeys=" + moreKeys.secrets().keySet() + moreKeys.ecKeys().keySet() + "]";
  }
}
