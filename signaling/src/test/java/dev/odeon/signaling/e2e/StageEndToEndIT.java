package dev.odeon.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A stage in real browsers ({@code web-client/e2e/stage.mjs}): a host page and two viewer pages;
 * raise hand, invite, accept and publish, viewer 2 decodes the speaker, mute stops the speaker's
 * audio, moving back stops their video within 2 s.
 */
class StageEndToEndIT {
  @Test
  void hostInvitesMutesAndMovesBackASpeakerWhileAnotherViewerWatches() throws Exception {
    try (BrowserScenario s = BrowserScenario.start()) {
      s.run("stage.mjs", 3);
      assertTrue(s.server.output().contains("moveToAudience viewer1 by host"),
          "moderation actions are logged with their actor");
    }
  }
}
