package dev.odeon.sfu.router;

import static dev.odeon.sfu.router.MuxHarness.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.ViewOptions;
import dev.odeon.sfu.rtp.RtpBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Long runs, bad input and projection for multisource viewing, driven through the router. */
class MultiplexEdgeTest {
  private static final SourceId A = new SourceId("a");
  private static final SourceId B = new SourceId("b");

  @Test
  void thousandSwitchesIncludingWraparoundStayContinuous() {
    MuxHarness h = new MuxHarness();
    h.publish(null, 100);
    MuxHarness.Pub a = h.publish("a", 65_000);
    MuxHarness.Pub b = h.publish("b", 30_000);
    MuxHarness.View viewer = h.new View(new ViewOptions(null, 1, Set.of()), 2, 1);
    long start = h.now;
    // a and b take turns, 800 ms each: every turn moves the single multiplexed slot.
    int switches = 0;
    for (int round = 0; round < 2000 && switches < 1000; round++) {
      MuxHarness.Pub speaker = round % 2 == 0 ? b : a;
      h.run(800, pub -> pub == speaker ? 30 : 127);
      switches = h.vad(viewer, start).size();
    }
    assertTrue(switches >= 1000, "switches: " + switches);
    List<MuxHarness.Received> slot = viewer.on("a1");
    assertTrue(slot.size() > 30_000, "packets on the slot: " + slot.size());
    MultiplexTest.assertContinuous(slot);
    MultiplexTest.assertContinuous(viewer.on("a0"));
    MultiplexTest.assertEventsPrecedePackets(h, viewer);
    // Output and both inputs wrapped at least once.
    assertTrue(slot.stream().anyMatch(r -> r.seq() == 0), "output sequence number wrapped");
  }

  @Test
  void tenThousandUnsignalledSsrcsAreDroppedAndCountedWithoutEffect() {
    MuxHarness h = new MuxHarness();
    h.publish(null, 1);
    MuxHarness.Pub a = h.publish("a", 1);
    h.publish("b", 1);
    MuxHarness.View viewer = h.new View(new ViewOptions(null, 1, Set.of()), 2, 1);
    h.run(400, pub -> 127);
    long start = h.now;
    int before = viewer.got.size();
    int legit = a.ssrc;
    for (int i = 0; i < 10_000; i++) {
      a.ssrc = 0x4000_0000 + i;
      a.audio(0);
    }
    a.ssrc = legit;
    assertEquals(10_000, h.drops.get(DropReason.UNKNOWN_SSRC));
    assertEquals(before, viewer.got.size(), "nothing of the unsignalled SSRCs reached the viewer");
    h.run(1000, pub -> 127);
    assertEquals(List.of(), h.vad(viewer, start), "loud levels on unsignalled SSRCs did not move the ranking");
  }

  @Test
  void lyingAudioLevelExtensionsAreIgnoredAndCounted() {
    MuxHarness h = new MuxHarness();
    h.publish(null, 1);
    h.publish("a", 1);
    MuxHarness.Pub b = h.publish("b", 1);
    MuxHarness.View viewer = h.new View(new ViewOptions(null, 2, Set.of()), 3, 1);
    long start = h.now + 1; // after the join's own vad events
    h.run(60, pub -> Integer.MIN_VALUE); // the join's switches are bound after the switch delay
    int broken = 0;
    for (int step = 0; step < 100; step++) {
      h.run(20, pub -> Integer.MIN_VALUE);
      for (int variant = 0; variant < 4; variant++) {
        byte[] pkt = new RtpBuilder().payloadType(111).sequenceNumber(b.seq++).timestamp(b.ts += 960).ssrc(b.ssrc)
            .extension(MuxHarness.LEVEL_EXT, new byte[] {(byte) 0x80}).payload(new byte[] {(byte) b.id}).build();
        // Bytes 16.. are the first element: id/len, then the level (0 = loudest).
        switch (variant) {
          case 0 -> pkt[16] = (byte) 0xF0; // id 15: reserved, parsing stops (RFC 8285 4.2)
          case 1 -> pkt[16] = (byte) 0x1F; // length 16 in a 4-byte block
          case 2 -> pkt[16] = (byte) 0x00; // id 0: padding, then the level byte reads as a header
          default -> pkt[16] = (byte) 0x21; // wrong id (2) with a 2-byte element
        }
        b.raw(pkt);
        broken++;
      }
    }
    assertEquals(broken, h.drops.get(DropReason.AUDIO_LEVEL_INVALID));
    assertEquals(List.of(), h.vad(viewer, start), "broken levels never made b a speaker");
    assertEquals(broken, viewer.on("a2").size(), "the packets themselves were still forwarded");
  }

  @Test
  void slotRequestsBeyondTheOfferOrTheLimitAreRefused() {
    List<MediaLine> lines = List.of(
        new MediaLine("0", MediaKind.AUDIO, List.of(new RtpCodec(111, "opus", 48000, "")), "t"),
        new MediaLine("1", MediaKind.VIDEO, List.of(new RtpCodec(96, "VP8", 90000, "")), "t"),
        new MediaLine("2", MediaKind.AUDIO, List.of(new RtpCodec(111, "opus", 48000, "")), "t"));
    assertEquals("too_many_slots", code(() -> Viewer.validate(new ViewOptions(null, 1000, Set.of()), lines)));
    assertEquals("too_many_slots", code(() -> Viewer.validate(new ViewOptions(null, -1, Set.of()), lines)));
    assertEquals("too_many_slots", code(() -> Viewer.validate(new ViewOptions(null, 17, Set.of()), lines)));
    assertEquals("missing_slots", code(() -> Viewer.validate(new ViewOptions(null, 2, Set.of()), lines)));
    assertEquals("bad_request", code(() -> Viewer.validate(new ViewOptions(A, 1, Set.of(A)), lines)));
    Viewer.validate(new ViewOptions(null, 1, Set.of()), lines);
  }

  @Test
  void projectionStartsOnAKeyframeAndRefusesBadMappings() {
    MuxHarness h = new MuxHarness();
    MuxHarness.Pub host = h.publish(null, 1);
    MuxHarness.Pub a = h.publish("a", 1);
    h.publish("b", 1);
    h.publish("x", 1);
    MuxHarness.View viewer = h.new View(new ViewOptions(null, 1, Set.of(new SourceId("x"))), 2, 2);
    MuxHarness.View other = h.new View(new ViewOptions(null, 0, Set.of()), 1, 1);

    assertEquals("unknown_mid", code(() -> h.router.project(h.now, viewer.v, A, List.of(new Projection("video", "v9", null)))));
    assertEquals("unknown_mid", code(() -> h.router.project(h.now, other.v, A, List.of(new Projection("video", "v1", null)))));
    assertEquals("kind_mismatch", code(() -> h.router.project(h.now, viewer.v, A, List.of(new Projection("video", "a0", null)))));
    assertEquals("bad_request", code(() -> h.router.project(h.now, viewer.v, A, List.of(new Projection("data", "v1", null)))));
    assertEquals("bad_request", code(() -> h.router.project(h.now, viewer.v, A, List.of())));
    assertEquals("unknown_source", code(() -> h.router.project(h.now, viewer.v, new SourceId("nobody"), List.of(new Projection("video", "v1", null)))));
    assertEquals("excluded_source", code(() -> h.router.project(h.now, viewer.v, new SourceId("x"), List.of(new Projection("video", "v1", null)))));
    // A mapping with one bad entry changes nothing.
    assertEquals("unknown_mid", code(() -> h.router.project(h.now, viewer.v, A,
        List.of(new Projection("video", "v1", null), new Projection("audio", "nope", null)))));
    assertEquals(null, viewer.v.slotByMid("v1").source);

    a.video(true); // the source's video SSRC is known (nobody receives it yet)
    int plis = a.plis();
    h.router.project(h.now, viewer.v, A, List.of(new Projection("video", "v1", null)));
    assertEquals(plis + 1, a.plis(), "projection asks the source for a keyframe");
    a.video(false);
    assertEquals(0, viewer.on("v1").size(), "no delta frame before the first keyframe");
    a.video(true);
    a.video(false);
    assertEquals(2, viewer.on("v1").size());
    host.video(true);
    assertTrue(viewer.on("v1").stream().allMatch(r -> r.sourceByte() == a.id), "v1 carries a only");
    assertTrue(other.got.stream().noneMatch(r -> r.sourceByte() == a.id), "the other viewer got nothing of a");

    h.router.unproject(h.now, viewer.v, List.of("v1"));
    a.video(true);
    assertEquals(2, viewer.on("v1").size(), "an unprojected extra slot idles");
    assertEquals("unknown_mid", code(() -> h.router.unproject(h.now, viewer.v, List.of("zz"))));
  }

  @Test
  void projectingIntoAMultiplexedSlotPinsItUntilUnprojected() {
    MuxHarness h = new MuxHarness();
    h.publish(null, 1);
    h.publish("a", 1);
    h.publish("b", 1);
    MuxHarness.View viewer = h.new View(new ViewOptions(null, 1, Set.of()), 2, 1);
    long start = h.now + 1; // after the join's own vad event
    h.router.project(h.now, viewer.v, B, List.of(new Projection("audio", "a1", null)));
    h.run(1000, pub -> pub.p.source.equals(A) ? 30 : 127);
    assertEquals(List.of(), h.vad(viewer, start), "the assigner leaves a projected slot alone");
    int bId = h.pubs.get("b").id;
    assertTrue(viewer.on("a1").stream().allMatch(r -> r.sourceByte() == bId));
    h.router.unproject(h.now, viewer.v, List.of("a1"));
    assertEquals(List.of("a1=a@" + (h.now - start) / MS), h.vad(viewer, start));
    assertFalse(viewer.on("a1").isEmpty());
  }

  private static String code(Runnable r) {
    return assertThrows(MediaException.class, r::run).code();
  }
}
