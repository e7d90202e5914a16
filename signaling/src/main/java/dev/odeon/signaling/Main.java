package dev.odeon.signaling;

import dev.odeon.sfu.net.MediaConfig;
import dev.odeon.signaling.auth.ApiKeys;
import dev.odeon.signaling.auth.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The server's entry point ({@code ./odeon run [opts]}): parses options (each also read from an
 * {@code ODEON_*} environment variable), launches media then HTTP through {@link Launcher}, and
 * keeps the process alive until a shutdown hook closes everything. Main thread.
 */
@Command(
    name = "odeon",
    mixinStandardHelpOptions = true,
    description = "Odeon WebRTC SFU: HTTP + WebSocket signaling and the UDP media server.")
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Spec CommandSpec spec;

  @Option(names = "--http-host", defaultValue = "${env:ODEON_HTTP_HOST:-127.0.0.1}", description = "HTTP bind address (env ODEON_HTTP_HOST, default ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(names = "--http-port", defaultValue = "${env:ODEON_HTTP_PORT:-8080}", description = "HTTP port, 0 = ephemeral (env ODEON_HTTP_PORT, default ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--media-host", defaultValue = "${env:ODEON_MEDIA_HOST:-127.0.0.1}", description = "UDP bind address of the media server (env ODEON_MEDIA_HOST, default ${DEFAULT-VALUE}).")
  String mediaHost;

  @Option(names = "--media-port", defaultValue = "${env:ODEON_MEDIA_PORT:-10000}", description = "UDP media port, 0 = ephemeral (env ODEON_MEDIA_PORT, default ${DEFAULT-VALUE}).")
  int mediaPort;

  @Option(names = "--public-ip", split = ",", defaultValue = "${env:ODEON_PUBLIC_IP}", description = "Address advertised as ICE candidate; repeatable or comma-separated (env ODEON_PUBLIC_IP; default: the media host, or 127.0.0.1 when that is a wildcard).")
  List<String> publicIps = new ArrayList<>();

  @Option(names = "--dev", negatable = true, defaultValue = "${env:ODEON_DEV:-true}", fallbackValue = "true", description = "Dev mode: mint tokens for loopback pages without credentials (env ODEON_DEV, default on).")
  boolean dev;

  @Option(names = "--api-key", defaultValue = "${env:ODEON_API_KEY}", description = "API key id (env ODEON_API_KEY; dev default devkey).")
  String apiKey;

  @Option(names = "--api-secret", defaultValue = "${env:ODEON_API_SECRET}", description = "API secret, at least 32 bytes; prefer the env ODEON_API_SECRET (dev default: a public dev secret).")
  String apiSecret;

  @Option(names = "--keys-file", defaultValue = "${env:ODEON_KEYS_FILE}", description = "File of further API keys (hs256 secrets, es256 public keys), one per line (env ODEON_KEYS_FILE); see docs/operations.md.")
  java.nio.file.Path keysFile;

  @Option(names = "--max-token-lifetime", defaultValue = "${env:ODEON_MAX_TOKEN_LIFETIME:-3600}", description = "Longest accepted token lifetime in seconds, exp - iat (env ODEON_MAX_TOKEN_LIFETIME, default ${DEFAULT-VALUE}).")
  long maxTokenLifetime;

  @Option(names = "--host-grace", defaultValue = "${env:ODEON_HOST_GRACE:-30}", description = "Seconds a stage's host may be gone before the stage ends for everyone (env ODEON_HOST_GRACE, default ${DEFAULT-VALUE}).")
  long hostGrace;

  @Option(names = "--simulate-loss", defaultValue = "0", paramLabel = "PERCENT", description = "Testing aid, dev mode only: drop this share (0..50) of RTP datagrams on purpose in each direction (from publishers, to viewers), to watch loss repair (NACK) work. Default ${DEFAULT-VALUE}.")
  double simulateLoss;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    CommandLine command = new CommandLine(new Main());
    command.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          // A failed start (port in use, engine refusing) is one clear line, not a stack trace.
          LOG.error("Odeon failed to start: {}", e.toString());
          LOG.debug("start failure", e);
          return 1;
        });
    int code = command.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    ServerOptions options = options();
    Launcher.Running running = Launcher.launch(options, Launcher.UDP, Clock.systemUTC());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "odeon-shutdown"));
    stopped.await();
    return 0;
  }

  /** Applies defaults and checks the combination; a bad one is a usage error (exit code 2). */
  ServerOptions options() {
    List<String> ips = new ArrayList<>();
    for (String ip : publicIps == null ? List.<String>of() : publicIps) {
      if (ip != null && !ip.isBlank()) {
        ips.add(ip.trim());
      }
    }
    if (ips.isEmpty()) {
      ips.add(Launcher.isWildcard(mediaHost) ? "127.0.0.1" : mediaHost);
    }
    String key = blankToNull(apiKey);
    String secret = blankToNull(apiSecret);
    ApiKeys more = moreKeys();
    if (key == null && secret == null && more.firstSecretKey() != null) {
      // No --api-key: the first hs256 key of the file or environment signs.
      key = more.firstSecretKey();
      secret = more.secrets().get(key);
      more = withoutKey(more, key);
    }
    if (dev) {
      key = key == null ? ServerOptions.DEV_KEY : key;
      secret = secret == null ? ServerOptions.DEV_SECRET : secret;
    } else {
      if (key == null || secret == null) {
        throw usage("outside dev mode --api-key and --api-secret (or ODEON_API_KEY/ODEON_API_SECRET) are required");
      }
      if (secret.equals(ServerOptions.DEV_SECRET)) {
        throw usage("the dev secret is public; choose another --api-secret outside dev mode");
      }
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length < TokenService.MIN_SECRET_BYTES) {
      throw usage("--api-secret must be at least " + TokenService.MIN_SECRET_BYTES + " bytes");
    }
    if (httpPort < 0 || httpPort > 65535 || mediaPort < 0 || mediaPort > 65535) {
      throw usage("ports must be within 0..65535");
    }
    if (maxTokenLifetime < 60 || maxTokenLifetime > 86_400 || hostGrace < 0 || hostGrace > 3600) {
      throw usage("--max-token-lifetime must be within 60..86400 s and --host-grace within 0..3600 s");
    }
    for (String other : more.secrets().values()) {
      if (other.getBytes(StandardCharsets.UTF_8).length < TokenService.MIN_SECRET_BYTES) {
        throw usage("every API secret must be at least " + TokenService.MIN_SECRET_BYTES + " bytes");
      }
    }
    if (more.secrets().containsKey(key) || more.ecKeys().containsKey(key)) {
      throw usage("API key " + key + " is defined twice");
    }
    if (!(simulateLoss >= 0 && simulateLoss <= MediaConfig.MAX_SIMULATED_LOSS_PERCENT)) {
      throw usage("--simulate-loss must be within 0.." + MediaConfig.MAX_SIMULATED_LOSS_PERCENT);
    }
    if (simulateLoss > 0 && !dev) {
      throw usage("--simulate-loss is a testing aid and only runs in dev mode");
    }
    return new ServerOptions(httpHost, httpPort, mediaHost, mediaPort, ips, dev, key, secret, more,
        java.time.Duration.ofSeconds(maxTokenLifetime), java.time.Duration.ofSeconds(hostGrace), simulateLoss);
  }

  private ApiKeys moreKeys() {
    ApiKeys keys = new ApiKeys();
    try {
      String env = System.getenv("ODEON_API_KEYS");
      if (env != null && !env.isBlank()) {
        keys.addEnv(env);
      }
      if (keysFile != null) {
        keys.addFile(java.nio.file.Files.readString(keysFile));
      }
    } catch (java.io.IOException e) {
      throw usage("cannot read --keys-file " + keysFile + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    return keys;
  }

  private static ApiKeys withoutKey(ApiKeys keys, String kid) {
    ApiKeys rest = new ApiKeys();
    keys.secrets().forEach((k, v) -> {
      if (!k.equals(kid)) {
        rest.addSecret(k, v);
      }
    });
    StringBuilder ec = new StringBuilder();
    keys.ecKeys().forEach((k, v) -> ec.append(k).append(" es256 ")
        .append(java.util.Base64.getEncoder().encodeToString(v.getEncoded())).append('\n'));
    return rest.addFile(ec.toString());
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
