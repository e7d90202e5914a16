package dev.odeon.sfu.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripted level sequences for K sources, one script character per 200 ms interval and source:
 * {@code S} speech (level 30, 10 packets), {@code q} quiet speech (level 55), {@code n} background
 * noise (level 68), {@code .} silence (level 127), {@code -} nothing sent (DTX). The expected ranking
 * after each interval is written as the source names, most active first.
 */
class SpeakerRankingTest {
  private static final long MS = 1_000_000L;

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("nobody speaks: join order",
            List.of("....", "----", "...."), List.of("ABC", "ABC", "ABC", "ABC")),
        Arguments.of("C speaks: first after one window",
            List.of("....", "....", ".SSS"), List.of("ABC", "CAB", "CAB", "CAB")),
        Arguments.of("DTX counts as silence, even after loud speech",
            List.of("SS------", "........", "..SSSSSS"),
            List.of("ABC", "ABC", "CAB", "CAB", "CAB", "CAB", "CAB", "CAB")),
        Arguments.of("noise never counts as speech",
            List.of("nnnnnn", "......", "......"), List.of("ABC", "ABC", "ABC", "ABC", "ABC", "ABC")),
        Arguments.of("a louder challenger overtakes only by the ratio: quiet B never passes loud-ish A",
            List.of("SSSSSS", "..qqqq", "......"), List.of("ABC", "ABC", "ABC", "ABC", "ABC", "ABC")),
        Arguments.of("most recent speaker first among the silent",
            List.of("SSS.....", "....SSS.", "........"),
            List.of("ABC", "ABC", "ABC", "ABC", "BAC", "BAC", "BAC", "BAC")),
        Arguments.of("loud newcomer passes a quiet speaker",
            List.of("qqqqqqq", "...SSSS", "......."),
            List.of("ABC", "ABC", "ABC", "BAC", "BAC", "BAC", "BAC")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void scriptedLevelsGiveExpectedRankings(String name, List<String> script, List<String> expected) {
    SpeakerRanking<String> ranking = new SpeakerRanking<>(ActivityConfig.DEFAULT);
    List<SourceActivity<String>> sources = new ArrayList<>();
    for (int i = 0; i < script.size(); i++) {
      sources.add(ranking.add(String.valueOf((char) ('A' + i))));
    }
    long now = 0;
    ranking.handleTimeout(now);
    List<String> got = new ArrayList<>();
    for (int tick = 0; tick < expected.size(); tick++) {
      for (int i = 0; i < sources.size(); i++) {
        feed(sources.get(i), script.get(i).charAt(tick));
      }
      now += 200 * MS;
      ranking.handleTimeout(now);
      got.add(String.join("", ranking.ranked()));
    }
    assertEquals(expected, got, name);
  }

  private static void feed(SourceActivity<String> a, char c) {
    int level = switch (c) {
      case 'S' -> 30;
      case 'q' -> 55;
      case 'n' -> 68;
      case '.' -> 127;
      default -> -1;
    };
    for (int p = 0; level >= 0 && p < 10; p++) {
      a.handleLevel(level);
    }
  }

  @Test
  void speakingHasHysteresis() {
    SpeakerRanking<String> r = new SpeakerRanking<>(ActivityConfig.DEFAULT);
    SourceActivity<String> a = r.add("A");
    long now = 0;
    r.handleTimeout(now);
    List<Boolean> speaking = new ArrayList<>();
    // Speech (energy 40) for two windows, then a level whose energy (6) lies between off (4) and on
    // (8): the source keeps speaking, then silence ends it.
    int[] levels = {30, 30, 64, 64, 64, 64, 127, 127, 127};
    for (int level : levels) {
      for (int p = 0; p < 10; p++) {
        a.handleLevel(level);
      }
      r.handleTimeout(now += 200 * MS);
      speaking.add(a.isSpeaking());
    }
    assertEquals(List.of(true, true, true, true, true, true, false, false, false), speaking);
  }

  @Test
  void levelsOutOfRangeAreIgnoredAndCounted() {
    SpeakerRanking<String> r = new SpeakerRanking<>(ActivityConfig.DEFAULT);
    SourceActivity<String> a = r.add("A");
    r.handleTimeout(0);
    for (int bad : new int[] {-1, 128, 255, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertFalse(a.handleLevel(bad));
    }
    assertEquals(5, a.ignoredLevels());
    r.handleTimeout(200 * MS);
    assertEquals(0.0, a.score());
    assertTrue(a.handleLevel(0));
  }

  @Test
  void rankingRunsOncePerIntervalNotPerCall() {
    SpeakerRanking<String> r = new SpeakerRanking<>(ActivityConfig.DEFAULT);
    SourceActivity<String> a = r.add("A");
    r.add("B");
    SourceActivity<String> c = r.add("C");
    r.handleTimeout(0);
    long v = r.version();
    for (int p = 0; p < 10; p++) {
      c.handleLevel(20);
    }
    for (long t = 1; t < 200; t++) {
      assertFalse(r.handleTimeout(t * MS), "no re-rank before the interval");
    }
    assertEquals(v, r.version());
    assertTrue(r.handleTimeout(200 * MS));
    assertEquals(List.of("C", "A", "B"), r.ranked());
    r.remove(a);
    r.remove(a);
    assertEquals(List.of("C", "B"), r.ranked());
    assertEquals(2, r.size());
  }

  @Test
  void badConfigIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ActivityConfig(0, 1, 70, 0.5, 8, 4, 1.3));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ActivityConfig(200, 20, 70, 0.5, 4, 8, 1.3));
  }
}
