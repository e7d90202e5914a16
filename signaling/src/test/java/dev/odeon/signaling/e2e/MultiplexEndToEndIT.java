package dev.odeon.signaling.e2e;

import org.junit.jupiter.api.Test;

/**
 * Audio multiplexing in real browsers ({@code web-client/e2e/multiplex.mjs}): three publishers whose
 * fake microphones play speech or silence (WAVs made with espeak-ng and sox), a viewer with two
 * multiplexed slots that gets {@code vad} events naming the speakers before their voices and speech
 * on those slots, a projection of one source's video into an extra video slot that must decode
 * frames, and a viewer excluding a source that must never hear of it.
 */
class MultiplexEndToEndIT {
  @Test
  void speakersAreMultiplexedAndProjectedInBrowsers() throws Exception {
    try (BrowserScenario s = BrowserScenario.start("espeak-ng", "sox")) {
      s.run("multiplex.mjs", 4);
    }
  }
}
