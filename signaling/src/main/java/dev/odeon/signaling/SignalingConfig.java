package dev.odeon.signaling;

import java.time.Duration;

/**
 * Where the HTTP/WebSocket server listens and how it behaves.
 *
 * @param httpHost bind address (127.0.0.1, 0.0.0.0, ...)
 * @param httpPort TCP port; 0 for an ephemeral one
 * @param devMode dev token endpoint enabled for loopback pages
 * @param webRoot classpath prefix of the web client's files, ending in {@code /}
 * @param idleTimeout a connection that sends nothing for this long is closed
 */
public record SignalingConfig(
    String httpHost, int httpPort, boolean devMode, String webRoot, Duration idleTimeout) {
  public static final String WEB_ROOT = "web/";
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  public SignalingConfig {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("http port out of range: " + httpPort);
    }
  }

  /** The defaults for everything but the address and mode. */
  public static SignalingConfig of(String httpHost, int httpPort, boolean devMode) {
    return new SignalingConfig(httpHost, httpPort, devMode, WEB_ROOT, IDLE_TIMEOUT);
  }
}
