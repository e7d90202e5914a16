package dev.odeon.sfu.audio;

import java.util.List;
import java.util.function.Predicate;

/**
 * Decides which sources fill one viewer's multiplexed audio slots: the most active eligible
 * sources of the stream's ranking, with the least movement. A source already in a slot keeps that
 * slot while it stays among the top N eligible sources (so a voice never hops between tracks);
 * newcomers take the slots that were idle or whose source fell out, in slot order. Pure; it
 * allocates one boolean per slot. Cost per call: O(N^2) for N slots (N <= 16) plus
 * walking the ranking until N eligible sources are found — independent of the number of viewers.
 */
public final class SlotAssigner {
  private SlotAssigner() {}

  /**
   * Computes the new assignment in place.
   *
   * @param ranked the stream's sources, most active first
   * @param eligible whether a source may reach this viewer (not excluded, not already in its main
   *     slot)
   * @param slots the current source of each slot (null: idle); overwritten with the new one
   * @param fixed slots the assigner must leave alone (projected by the viewer), or null
   * @param scratch a caller-owned array at least {@code slots.length} long
   * @return how many slots changed
   */
  public static <K> int assign(List<K> ranked, Predicate<K> eligible, K[] slots, boolean[] fixed,
      Object[] scratch) {
    int free = 0;
    for (int i = 0; i < slots.length; i++) {
      if (fixed == null || !fixed[i]) {
        free++;
      }
    }
    // The desired set: the first `free` eligible sources not already shown in a fixed slot.
    int want = 0;
    for (int r = 0, n = ranked.size(); r < n && want < free; r++) {
      K k = ranked.get(r);
      if (k != null && eligible.test(k) && !inFixed(k, slots, fixed)) {
        scratch[want++] = k;
      }
    }
    // Keep every slot whose source is still desired; mark it taken.
    boolean[] keep = new boolean[slots.length];
    for (int i = 0; i < slots.length; i++) {
      if ((fixed != null && fixed[i]) || slots[i] == null) {
        continue;
      }
      int at = indexOf(scratch, want, slots[i]);
      if (at >= 0) {
        keep[i] = true;
        scratch[at] = null;
      }
    }
    int changed = 0;
    int next = 0;
    for (int i = 0; i < slots.length; i++) {
      if (keep[i] || (fixed != null && fixed[i])) {
        continue;
      }
      while (next < want && scratch[next] == null) {
        next++;
      }
      @SuppressWarnings("unchecked")
      K k = next < want ? (K) scratch[next++] : null;
      if (k != slots[i]) {
        slots[i] = k;
        changed++;
      }
    }
    for (int i = 0; i < want; i++) {
      scratch[i] = null;
    }
    return changed;
  }

  private static <K> boolean inFixed(K k, K[] slots, boolean[] fixed) {
    if (fixed == null) {
      return false;
    }
    for (int i = 0; i < slots.length; i++) {
      if (fixed[i] && slots[i] == k) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(Object[] a, int n, Object k) {
    for (int i = 0; i < n; i++) {
      if (a[i] == k) {
        return i;
      }
    }
    return -1;
  }
}
