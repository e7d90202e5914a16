package dev.odeon.signaling.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.signaling.auth.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure stage state machine with a fake clock. */
class StageTest {
  private static final long S = 1_000_000_000L;
  private final Stage stage = new Stage("demo", new StageConfig(Duration.ofSeconds(10), Duration.ofSeconds(2), 100));

  private <T extends StageOutput> List<T> outputs(Class<T> type) {
    return stage.drainOutputs().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void hostGoneLongerThanTheGraceEndsTheStage() {
    stage.hostJoined("h");
    stage.hostLeft(100 * S, "h");
    stage.tick(109 * S);
    assertEquals(Stage.Phase.LIVE, stage.phase());
    stage.hostJoined("h");
    stage.tick(200 * S);
    assertEquals(Stage.Phase.LIVE, stage.phase(), "a returning host cancels the grace");
    stage.hostLeft(300 * S, "h");
    stage.drainOutputs();
    stage.tick(310 * S);
    assertEquals(Stage.Phase.ENDED, stage.phase());
    assertEquals(1, outputs(StageOutput.End.class).size(), "ended once");
  }

  @Test
  void handsAreBoundedThrottledAndSentToModeratorsOnly() throws Exception {
    stage.hostJoined("h");
    for (int i = 0; i < 150; i++) {
      stage.audienceJoined("v" + i);
      stage.raiseHand("v" + i);
    }
    stage.drainOutputs();
    stage.tick(10 * S);
    List<StageOutput.ToModerators> hands = outputs(StageOutput.ToModerators.class);
    assertEquals(1, hands.size());
    assertEquals(150, hands.get(0).data().get("total").asInt());
    assertEquals(100, hands.get(0).data().get("hands").size());
    assertEquals("v0", hands.get(0).data().get("hands").get(0).get("identity").asText());

    stage.lowerHand("v0");
    stage.tick(11 * S);
    assertTrue(outputs(StageOutput.ToModerators.class).isEmpty(), "throttled within 2 s");
    stage.tick(12 * S);
    assertEquals(149, outputs(StageOutput.ToModerators.class).get(0).data().get("total").asInt());
  }

  @Test
  void viewerCountIsThrottled() {
    stage.audienceJoined("a");
    stage.tick(1 * S);
    assertEquals(1, outputs(StageOutput.ToEveryone.class).get(0).data().get("count").asInt());
    stage.audienceJoined("b");
    stage.audienceJoined("c");
    stage.tick(2 * S);
    assertTrue(outputs(StageOutput.ToEveryone.class).isEmpty());
    stage.tick(3 * S);
    assertEquals(3, outputs(StageOutput.ToEveryone.class).get(0).data().get("count").asInt());
    stage.tick(10 * S);
    assertTrue(outputs(StageOutput.ToEveryone.class).isEmpty(), "nothing changed, nothing sent");
  }

  @Test
  void speakerLifecycleFeaturesTheNewestLiveSpeaker() throws Exception {
    stage.hostJoined("h");
    stage.audienceJoined("a");
    stage.audienceJoined("b");
    String sa = stage.invite("h", "a");
    String sb = stage.invite("h", "b");
    assertTrue(!sa.equals(sb));
    assertEquals(2, outputs(StageOutput.Invite.class).size());
    assertEquals("speakers publish only after accepting an invitation, under its sourceId",
        stage.publishRefusal("a", Role.SPEAKER, sa));
    stage.acceptInvite("a");
    stage.acceptInvite("b");
    assertNull(stage.publishRefusal("a", Role.SPEAKER, sa));
    stage.drainOutputs();
    stage.published("a", sa);
    stage.published("b", sb);
    List<StageOutput.Feature> featured = outputs(StageOutput.Feature.class);
    assertEquals(sb, featured.get(1).sourceId());
    stage.mute("h", "b", true);
    assertEquals(new StageOutput.Mute(sb, true), outputs(StageOutput.Mute.class).get(0));
    stage.moveToAudience("h", "b");
    List<StageOutput> out = stage.drainOutputs();
    assertTrue(out.contains(new StageOutput.RevokePublish("b")));
    assertTrue(out.contains(new StageOutput.Feature(sa)), "back to the remaining speaker");
    assertTrue(out.contains(new StageOutput.Mute(sb, false)), "the mute is cleared with the speaker");
    assertTrue(out.contains(new StageOutput.Moderated("h", "moveToAudience", "b")));
    assertEquals("not_speaker", assertThrows(StageError.class, () -> stage.mute("h", "b", true)).code());
  }

  @Test
  void leavingTheAudienceDropsHandAndInvitation() throws Exception {
    stage.hostJoined("h");
    stage.audienceJoined("a");
    stage.raiseHand("a");
    stage.invite("h", "a");
    stage.audienceLeft("a");
    assertEquals("not_invited", assertThrows(StageError.class, () -> stage.acceptInvite("a")).code());
    assertEquals(0, stage.handsData().get("total").asInt());
  }
}
