package dev.odeon.sfu.router;

import static dev.odeon.sfu.router.MuxHarness.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.ViewOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multisource viewing through the router with scripted speakers: which source fills which
 * multiplexed slot, the {@code vad} events and their times, and that every event precedes the
 * slot's first packet from the new source while the slot's stream stays continuous.
 *
 * <p>Scripts: one character per source per 200 ms: {@code S} speech (level 30), {@code .} silence
 * (127), {@code -} nothing (DTX). Sources join in the order given (the first one is the main
 * source unless pinned); the viewer joins after them, at time 0.
 */
class MultiplexTest {
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("join fills slots in join order; a speaker replaces the last one",
            2, null, Set.of(), Map.of("host", "......", "a", "......", "b", "......", "c", "..SSSS"),
            List.of("a1=a@0", "a2=b@0", "a2=c@610")),
        Arguments.of("two speakers take turns, the slot holding a keeps it",
            2, null, Set.of(), Map.of("host", "..........", "a", "SSSS......", "b", "..........",
                "c", "..........", "d", "......SSSS"),
            List.of("a1=a@0", "a2=b@0", "a2=d@1410")),
        Arguments.of("excluded source never named, even as the loudest",
            1, null, Set.of("a"), Map.of("host", "......", "a", "SSSSSS", "b", "......"),
            List.of("a1=b@0")),
        Arguments.of("pinned source is never multiplexed; the default source is",
            1, "b", Set.of(), Map.of("host", "......", "a", "......", "b", "SSSSSS"),
            List.of("a1=host@0")),
        Arguments.of("DTX: a source sending nothing loses its slot to a speaker",
            1, null, Set.of(), Map.of("host", "------", "a", "------", "b", "---SSS"),
            List.of("a1=a@0", "a1=b@810")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scriptedSpeakers(String name, int n, String pinned, Set<String> excluded, Map<String, String> scripts,
      List<String> expectedVad) {
    MuxHarness h = new MuxHarness();
    List<String> order = scripts.keySet().stream().sorted((x, y) -> x.equals("host") ? -1 : y.equals("host") ? 1 : x.compareTo(y)).toList();
    for (String s : order) {
      h.publish(s.equals("host") ? null : s, 100);
    }
    Set<SourceId> ex = new java.util.HashSet<>();
    excluded.forEach(x -> ex.add(new SourceId(x)));
    MuxHarness.View viewer = h.new View(
        new ViewOptions(pinned == null ? null : new SourceId(pinned), n, ex), 1 + n, 1);
    long start = h.now;
    int length = scripts.values().iterator().next().length();
    Map<MuxHarness.Pub, String> byPub = new HashMap<>();
    for (String s : order) {
      byPub.put(h.pubs.get(s.equals("host") ? null : s), scripts.get(s));
    }
    h.run(length * 200L, pub -> {
      int tick = (int) ((h.now - start - 1) / (200 * MS));
      char c = byPub.get(pub).charAt(Math.min(tick, length - 1));
      return c == 'S' ? 30 : c == '.' ? 127 : Integer.MIN_VALUE;
    });
    List<String> vad = h.vad(viewer, start);
    assertEquals(expectedVad, vad, name);
    assertEventsPrecedePackets(h, viewer);
    for (String x : excluded) {
      int id = h.pubs.get(x).id;
      assertTrue(viewer.got.stream().noneMatch(r -> r.sourceByte() == id), "excluded " + x + " reached the viewer");
    }
    for (int i = 0; i <= n; i++) {
      assertContinuous(viewer.on("a" + i));
    }
  }

  /** Every packet of source X on mid M comes after the vad event that named X for M. */
  static void assertEventsPrecedePackets(MuxHarness h, MuxHarness.View viewer) {
    Map<String, Long> announced = new HashMap<>();
    for (MuxHarness.Timed t : h.events) {
      if (t.event() instanceof MediaEvent.SlotChanged c && c.viewer().equals(viewer.session) && c.source() != null) {
        announced.putIfAbsent(c.mid() + "/" + h.pubs.get(c.source().wire()).id, t.at());
      }
    }
    for (int i = 1; i < viewer.v.slots.size(); i++) {
      OutSlot slot = viewer.v.slots.get(i);
      if (slot.role != OutSlot.Role.MULTIPLEXED) {
        continue;
      }
      for (MuxHarness.Received r : viewer.on(slot.mid)) {
        Long at = announced.get(slot.mid + "/" + r.sourceByte());
        assertTrue(at != null && r.at() - at >= Multiplexer.SWITCH_DELAY_NANOS,
            "packet of source " + r.sourceByte() + " on " + slot.mid + " at " + r.at() + " before its vad " + at);
      }
    }
  }

  /** One continuous RTP stream: sequence numbers +1 each packet, timestamps strictly increasing. */
  static void assertContinuous(List<MuxHarness.Received> packets) {
    for (int i = 1; i < packets.size(); i++) {
      MuxHarness.Received a = packets.get(i - 1);
      MuxHarness.Received b = packets.get(i);
      assertEquals((a.seq() + 1) & 0xFFFF, b.seq(), "sequence continuous at packet " + i);
      long d = (b.ts() - a.ts()) & 0xFFFF_FFFFL;
      assertTrue(d > 0 && d < 0x8000_0000L, "timestamp advances at packet " + i + ": " + d);
    }
  }
}
