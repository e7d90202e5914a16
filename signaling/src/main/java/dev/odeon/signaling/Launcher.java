package dev.odeon.signaling;

import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.net.MediaConfig;
import dev.odeon.sfu.net.MediaServer;
import dev.odeon.signaling.auth.TokenService;
import dev.odeon.signaling.room.StageConfig;
import java.io.Closeable;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server in order — media engine, then HTTP — and logs the one "Odeon ready" line with
 * the ports actually bound. The media engine is behind {@link MediaStarter} so tests can launch
 * the whole server with a fake. Called from the main thread.
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  /** A started media engine: the service, its bound UDP port, and how to stop it. */
  public record StartedMedia(MediaService service, int port, Closeable closer) {}

  /** Builds and starts the media engine. */
  @FunctionalInterface
  public interface MediaStarter {
    StartedMedia start(MediaConfig config) throws Exception;
  }

  /** The real engine: {@code new MediaServer(config).start()}. */
  public static final MediaStarter UDP =
      config -> {
        MediaServer server = new MediaServer(config);
        server.start();
        return new StartedMedia(server, server.port(), server);
      };

  /** A running server; {@link #close} stops HTTP first, then media. Idempotent. */
  public static final class Running implements Closeable {
    private final SignalingServer http;
    private final StartedMedia media;
    private final String readyLine;
    private boolean closed;

    Running(SignalingServer http, StartedMedia media, String readyLine) {
      this.http = http;
      this.media = media;
      this.readyLine = readyLine;
    }

    public int httpPort() {
      return http.port();
    }

    public String readyLine() {
      return readyLine;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      http.close();
      try {
        media.closer().close();
      } catch (Exception e) {
        LOG.warn("closing the media server failed", e);
      }
    }
  }

  private Launcher() {}

  public static Running launch(ServerOptions options, MediaStarter starter, Clock clock) throws Exception {
    java.util.Map<String, String> secrets = new java.util.LinkedHashMap<>(options.moreKeys().secrets());
    secrets.put(options.apiKey(), options.apiSecret());
    TokenService tokens = new TokenService(secrets, options.moreKeys().ecKeys(), options.apiKey(),
        TokenService.DEFAULT_LIFETIME, options.maxTokenLifetime(), TokenService.MAX_SKEW);
    StartedMedia media =
        starter.start(new MediaConfig(options.mediaHost(), options.mediaPort(), options.publicIps(),
            options.simulatedLossPercent()));
    SignalingServer http =
        new SignalingServer(SignalingConfig.of(options.httpHost(), options.httpPort(), options.devMode()), tokens,
            media.service(), clock, new StageConfig(options.hostGrace(), StageConfig.DEFAULT.countsInterval(),
                StageConfig.DEFAULT.maxHandsListed()));
    try {
      http.start();
    } catch (Exception | Error e) {
      http.close();
      media.closer().close();
      throw e;
    }
    http.markReady();
    if (options.devMode()) {
      LOG.warn(
          "DEV MODE: tokens are minted WITHOUT credentials for any loopback page (GET /api/dev/token),"
              + " signed with the public dev secret unless --api-secret is set. Never expose this server;"
              + " run with --no-dev in production.");
    }
    String line = readyLine(options, http.port(), media.port());
    LOG.info(line);
    return new Running(http, media, line);
  }

  static String readyLine(ServerOptions options, int httpPort, int mediaPort) {
    String host = isWildcard(options.httpHost()) ? "127.0.0.1" : bracket(options.httpHost());
    return "Odeon ready: open http://" + host + ":" + httpPort + "/ in a browser (media on udp "
        + bracket(options.mediaHost()) + ":" + mediaPort + (options.devMode() ? ", DEV MODE)" : ")");
  }

  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static String bracket(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
