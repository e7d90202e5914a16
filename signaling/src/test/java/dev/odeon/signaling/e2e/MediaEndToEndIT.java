package dev.odeon.signaling.e2e;

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
}
