package dev.odeon.sfu.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slot assignment tables: ranking, excluded, current slots (_ idle, lower case fixed) -> new slots. */
class SlotAssignerTest {
  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of("fill idle slots in rank order", "ABC", "", "__", "AB", 2),
        Arguments.of("fewer sources than slots: rest idle", "A", "", "___", "A__", 1),
        Arguments.of("a kept source keeps its slot", "BA", "", "AB", "AB", 0),
        Arguments.of("newcomer replaces the one that fell out, in its slot", "CAB", "", "BA", "CA", 1),
        Arguments.of("excluded never assigned", "XAB", "X", "__", "AB", 2),
        Arguments.of("excluded source in a slot is removed", "XAB", "X", "XA", "BA", 1),
        Arguments.of("removed source: slot idles", "A", "", "AB", "A_", 1),
        Arguments.of("fixed slot left alone, its source not duplicated", "ABC", "", "a__", "aBC", 2),
        Arguments.of("fixed slot with a source outside the ranking", "AB", "", "_z", "Az", 1),
        Arguments.of("no slots", "AB", "", "", "", 0),
        Arguments.of("empty ranking idles everything", "", "", "AB", "__", 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void assigns(String name, String ranking, String excluded, String current, String expected, int changes) {
    List<String> ranked = ranking.chars().mapToObj(c -> String.valueOf((char) c).intern()).toList();
    Set<String> ex = Set.copyOf(excluded.chars().mapToObj(c -> String.valueOf((char) c)).toList());
    String[] slots = new String[current.length()];
    boolean[] fixed = new boolean[current.length()];
    for (int i = 0; i < slots.length; i++) {
      char c = current.charAt(i);
      fixed[i] = Character.isLowerCase(c);
      slots[i] = c == '_' ? null : String.valueOf(Character.toUpperCase(c)).intern();
    }
    int changed = SlotAssigner.assign(ranked, k -> !ex.contains(k), slots, fixed, new Object[slots.length]);
    StringBuilder got = new StringBuilder();
    for (int i = 0; i < slots.length; i++) {
      String s = slots[i] == null ? "_" : slots[i];
      got.append(fixed[i] ? s.toLowerCase() : s);
    }
    assertEquals(expected, got.toString(), name + " " + Arrays.toString(slots));
    assertEquals(changes, changed, name);
  }
}
