package dev.odeon.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private static ServerOptions parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.options();
  }

  @Test
  void defaultsAreDevModeOnLoopback() {
    // The build environment sets no ODEON_* variables, so these are the documented defaults.
    ServerOptions options = parse();
    assertEquals("127.0.0.1", options.httpHost());
    assertEquals(8080, options.httpPort());
    assertEquals(10000, options.mediaPort());
    assertEquals(List.of("127.0.0.1"), options.publicIps());
    assertTrue(options.devMode());
    assertEquals(ServerOptions.DEV_KEY, options.apiKey());
    assertEquals(ServerOptions.DEV_SECRET, options.apiSecret());
  }

  @Test
  void wildcardMediaHostAdvertisesLoopbackAndPublicIpsRepeat() {
    assertEquals(List.of("127.0.0.1"), parse("--media-host", "0.0.0.0").publicIps());
    assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
        parse("--public-ip", "10.0.0.1", "--public-ip", "10.0.0.2,10.0.0.3").publicIps());
  }

  @Test
  void productionNeedsCredentialsAndRefusesTheDevSecret() {
    assertThrows(CommandLine.ParameterException.class, () -> parse("--no-dev"));
    assertThrows(CommandLine.ParameterException.class,
        () -> parse("--no-dev", "--api-key", "k", "--api-secret", ServerOptions.DEV_SECRET));
    assertThrows(CommandLine.ParameterException.class,
        () -> parse("--no-dev", "--api-key", "k", "--api-secret", "too-short"));
    ServerOptions options = parse("--no-dev", "--api-key", "k", "--api-secret", "a-real-secret-0123456789-abcdefghij");
    assertFalse(options.devMode());
    assertFalse(options.toString().contains("a-real-secret"));
    assertTrue(parse("--dev").devMode());
  }

  @Test
  void keysFileSuppliesTheSigningKeyAndMoreKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("keys");
    String ec = java.util.Base64.getEncoder().encodeToString(
        new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).generate().toECPublicKey().getEncoded());
    java.nio.file.Files.writeString(file, "prod-1 hs256 first-secret-0123456789-abcdefghijkl\n"
        + "prod-2 hs256 second-secret-0123456789-abcdefghijk\nbackend es256 " + ec + "\n");
    ServerOptions options = parse("--no-dev", "--keys-file", file.toString(), "--max-token-lifetime", "600",
        "--host-grace", "5");
    assertEquals("prod-1", options.apiKey());
    assertEquals(java.util.Set.of("prod-2"), options.moreKeys().secrets().keySet());
    assertEquals(java.util.Set.of("backend"), options.moreKeys().ecKeys().keySet());
    assertEquals(java.time.Duration.ofSeconds(600), options.maxTokenLifetime());
    assertEquals(java.time.Duration.ofSeconds(5), options.hostGrace());
    assertFalse(options.toString().contains("first-secret"));

    java.nio.file.Files.writeString(file, "prod-1 hs256 short\n");
    assertThrows(CommandLine.ParameterException.class, () -> parse("--no-dev", "--keys-file", file.toString()));
    assertThrows(CommandLine.ParameterException.class, () -> parse("--keys-file", dir.resolve("missing").toString()));
    assertThrows(CommandLine.ParameterException.class, () -> parse("--max-token-lifetime", "5"));
  }

  @Test
  void simulatedLossIsADevModeTestingAidWithinBounds() {
    assertEquals(0.0, parse().simulatedLossPercent());
    assertEquals(5.0, parse("--simulate-loss", "5").simulatedLossPercent());
    assertThrows(CommandLine.ParameterException.class, () -> parse("--simulate-loss", "51"));
    assertThrows(CommandLine.ParameterException.class, () -> parse("--simulate-loss", "-1"));
    assertThrows(CommandLine.ParameterException.class, () -> parse("--simulate-loss", "NaN"));
    assertThrows(CommandLine.ParameterException.class, () -> parse("--no-dev", "--api-key", "k",
        "--api-secret", "a-production-secret-0123456789-abcdef", "--simulate-loss", "5"));
  }

  @Test
  void launchLogsTheReadyLineWithBoundPorts() throws Exception {
    FakeMediaService media = new FakeMediaService();
    ServerOptions options = parse("--http-port", "0", "--media-port", "0");
    try (Launcher.Running running = Launcher.launch(options, config -> new Launcher.StartedMedia(media, 40123, () -> {}), Clock.systemUTC())) {
      Matcher m = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/ in a browser \\(media on udp 127\\.0\\.0\\.1:(\\d+), DEV MODE\\)")
          .matcher(running.readyLine());
      assertTrue(m.matches(), running.readyLine());
      assertEquals(running.httpPort(), Integer.parseInt(m.group(1)));
      assertTrue(running.httpPort() > 0);
      assertEquals("40123", m.group(2));
    }
  }
}
