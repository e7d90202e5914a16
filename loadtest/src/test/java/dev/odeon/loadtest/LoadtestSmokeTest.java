package dev.odeon.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.loadtest.scenario.FanoutScenario;
import dev.odeon.loadtest.scenario.FanoutStep;
import dev.odeon.loadtest.scenario.JoinResult;
import dev.odeon.loadtest.scenario.JoinScenario;
import dev.odeon.loadtest.scenario.Options;
import dev.odeon.loadtest.scenario.PollResult;
import dev.odeon.loadtest.scenario.PollScenario;
import dev.odeon.loadtest.scenario.StageScenario;
import dev.odeon.loadtest.scenario.StageStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each available scenario at small N against a real server jar that the test starts (as
 * {@code ./odeon loadtest} does): correct delivery, not speed.
 */
class LoadtestSmokeTest {
  private static Options options() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("signaling/target/odeon-server.jar"))) {
      root = root.getParent();
    }
    assertNotNull(root, "signaling/target/odeon-server.jar is missing; it is built by the package phase (mvn verify)");
    return Options.defaults().withServerJar(root.resolve("signaling/target/odeon-server.jar"))
        .withServerJvmArgs(List.of("-Xmx256m")).withOutDir(Path.of("target/loadtest-smoke"));
  }

  @Test
  void fanoutDeliversEveryPacketToEveryViewer() throws Exception {
    List<FanoutStep> steps = new FanoutScenario(options().withViewers(5).withSeconds(8), s -> { }).run();
    assertEquals(1, steps.size());
    FanoutStep s = steps.get(0);
    assertEquals(5, s.viewers());
    // 50 audio + ~160 video packets per second per viewer at 1.5 Mbit/s.
    assertTrue(s.forwardedPps() > 5 * 180, "every viewer receives audio and video: " + s);
    assertEquals(0.0, s.lossPct(), "no loss on loopback at this load: " + s);
    assertTrue(s.p50Ms() > 0 && s.p99Ms() >= s.p50Ms(), "delays were measured: " + s);
    assertTrue(s.cpuPerKPackets() > 0, "server CPU was read from /proc: " + s);
  }

  @Test
  void everyJoiningViewerGetsVideo() throws Exception {
    JoinResult r = new JoinScenario(options().withViewers(5), s -> { }).run();
    assertEquals(0, r.failed(), () -> "first failure: " + r.firstError());
    assertEquals(5, r.sortedMs().length);
    assertTrue(r.p50Ms() > 0 && r.p99Ms() >= r.p50Ms());
  }

  @Test
  void stageViewersNeverGetTheirExcludedSpeakerAndHearVad() throws Exception {
    // Six speakers taking turns: each viewer has 4 eligible speakers for its 3 slots, so turns switch slots.
    List<StageStep> steps = new StageScenario(options().withViewers(5).withSeconds(8).withVideoBitsPerSecond(200_000),
        6, s -> { }).run();
    assertEquals(1, steps.size());
    StageStep s = steps.get(0);
    assertEquals(5, s.viewers());
    assertEquals(0, s.excludedLeaks(), "no packet of an excluded speaker reached its viewer: " + s);
    assertTrue(s.minSpeakersHeard() >= 3, "every viewer heard main + multiplexed speakers by their stamps: " + s);
    assertTrue(s.vadEventsTotal() >= 5, "every viewer got vad events for its slots: " + s);
    assertTrue(s.vadEvents() > 0, "speakers' turns switched slots during the window: " + s);
    assertEquals(0.0, s.slotGapLossPct(), "no gap in any slot's sequence on loopback at this load: " + s);
    assertTrue(s.lossPct() < 0.5, "no shortfall against what the speakers sent: " + s);
    // Per viewer: 4 audio slots x 50 packets/s + the main video.
    assertTrue(s.forwardedPps() > 5 * 150, "audio in the slots and video reached every viewer: " + s);
    assertTrue(s.cpuPerKPackets() > 0, "server CPU was read from /proc: " + s);
  }

  @Test
  void pollCountsEveryVoteExactly() throws Exception {
    PollResult r = new PollScenario(options().withViewers(20), 3, s -> { }).run();
    assertEquals(60, r.votesSent());
    assertEquals(r.votesSent(), r.votesCounted(), "every vote counted once: " + r);
    assertEquals(0, r.relayErrors(), () -> "no relay error: " + r.firstError());
    assertTrue(r.tallyLatencyMs() > 0 && r.tallyLatencyMs() < 5000, "a full tally arrived: " + r);
    assertTrue(r.cpuPerKVotes() > 0, "server CPU was read from /proc: " + r);
  }

  @Test
  void pollOverDataChannelsCountsEveryVoteExactly() throws Exception {
    // Each voter is a viewer with its own ICE, DTLS, SCTP association and DCEP channel.
    PollResult r = new PollScenario(options().withViewers(10), 2, true, s -> { }).run();
    assertEquals(20, r.votesSent());
    assertEquals(r.votesSent(), r.votesCounted(), "every vote counted once: " + r);
    assertEquals(0, r.relayErrors(), () -> "no relay error: " + r.firstError());
  }
}
