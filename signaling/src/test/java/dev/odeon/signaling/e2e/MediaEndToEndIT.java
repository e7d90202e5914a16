package dev.odeon.signaling.e2e;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The media foundation in real browsers: {@code web-client/e2e/media.mjs} drives headless Chromium
 * through publish, two viewers, stop/resume, a 10,000-datagram flood on the media port and an
 * H.264 publisher, against the server started as {@code ./odeon run} starts it.
 */
class MediaEndToEndIT {
  @Test
  void browsersPublishAndWatchThroughTheServer() throws Exception {
    try (BrowserScenario s = BrowserScenario.start()) {
      s.run("media.mjs", 4, String.valueOf(s.mediaPort));
    }
  }

  /**
   * Loss repair ({@code web-client/e2e/repair.mjs}): the server drops 5% of its outgoing RTP; the
   * viewer's audio shows that loss, its video NACKs it and the server's retransmissions repair it.
   */
  @Test
  void videoLossIsRepairedByRetransmission() throws Exception {
    try (BrowserScenario s = BrowserScenario.startWithOptions(List.of("--simulate-loss", "5"))) {
      s.run("repair.mjs", 2, "5");
    }
  }
}
