package dev.odeon.loadtest.janus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a Janus configuration folder: only the VideoRoom and TextRoom plugins (the TextRoom relays
 * over data channels, which Debian's build supports) and the WebSocket transport (bound
 * to 127.0.0.1), no sample rooms or mountpoints, no event handlers or loggers, full ICE (Janus's default) with
 * candidates only on {@value #ICE_INTERFACE} (Janus gathers none on a loopback interface; see
 * {@link NetNamespace}).
 */
final class JanusConfig {
  /** The dummy interface holding 127.0.0.1/32 inside the namespace. */
  static final String ICE_INTERFACE = "jifb";
  static final Path LIB = Path.of("/usr/lib/x86_64-linux-gnu/janus");

  private JanusConfig() {}

  /** Writes the folder and returns the path of its {@code janus.jcfg}. */
  static Path write(Path dir, int wsPort) throws IOException {
    String plugins = othersThan(LIB.resolve("plugins"), "libjanus_videoroom.so", "libjanus_textroom.so");
    String transports = othersThan(LIB.resolve("transports"), "libjanus_websockets.so");
    String events = othersThan(LIB.resolve("events"), "");
    String loggers = othersThan(LIB.resolve("loggers"), "");
    Path main = dir.resolve("janus.jcfg");
    Files.writeString(main, """
        general: {
          configs_folder = "%s"
          plugins_folder = "%s/plugins"
          transports_folder = "%s/transports"
          events_folder = "%s/events"
          loggers_folder = "%s/loggers"
          debug_level = 3
          session_timeout = 120
        }
        media: {
          rtp_port_range = "20000-60000"
        }
        nat: {
          nice_debug = false
          ice_tcp = false
          full_trickle = false
          ice_enforce_list = "%s"
        }
        plugins: {
          disable = "%s"
        }
        transports: {
          disable = "%s"
        }
        loggers: {
          disable = "%s"
        }
        events: {
          broadcast = false
          disable = "%s"
        }
        """.formatted(dir, LIB, LIB, LIB, LIB, ICE_INTERFACE, plugins, transports, loggers, events));
    Files.writeString(dir.resolve("janus.transport.websockets.jcfg"), """
        general: {
          json = "compact"
          ws = true
          ws_port = %d
          ws_ip = "127.0.0.1"
          wss = false
        }
        admin: {
          admin_ws = false
          admin_wss = false
        }
        """.formatted(wsPort));
    // No rooms configured: the scenario creates its own over the API.
    Files.writeString(dir.resolve("janus.plugin.videoroom.jcfg"), "general: {\n}\n");
    Files.writeString(dir.resolve("janus.plugin.textroom.jcfg"), TEXTROOM);
    return main;
  }

  /** The TextRoom plugin's configuration: no sample rooms, no admin key (the scenario creates its room). */
  static final String TEXTROOM = "general: {\n  json = \"compact\"\n}\n";

  private static String othersThan(Path folder, String... keep) throws IOException {
    if (!Files.isDirectory(folder)) {
      return "";
    }
    try (Stream<Path> s = Files.list(folder)) {
      List<String> names = s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".so") && !List.of(keep).contains(n)).sorted().toList();
      return names.stream().collect(Collectors.joining(","));
    }
  }
}
