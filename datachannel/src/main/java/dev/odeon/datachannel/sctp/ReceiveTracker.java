package dev.odeon.datachannel.sctp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Which TSNs we have received (RFC 9260 §6.2): the cumulative TSN, the set above it, duplicates
 * since the last SACK; builds the SACK. TSNs are unwrapped to 64 bits relative to the cumulative
 * TSN, so serial-number wrap needs no special case. Owned by one association.
 */
final class ReceiveTracker {
  /** Largest distance ahead of the cumulative TSN we accept; farther DATA is dropped. */
  static final long WINDOW = 65535;
  private static final int MAX_GAP_BLOCKS = 64;
  private static final int MAX_DUPLICATES = 16;

  enum Result { NEW, DUPLICATE, OUT_OF_WINDOW }

  private long cum;
  private final TreeSet<Long> above = new TreeSet<>();
  private final List<Integer> duplicates = new ArrayList<>();

  ReceiveTracker(int peerInitialTsn) {
    cum = (peerInitialTsn & 0xffffffffL) - 1 + (1L << 32);
  }

  long unwrap(int tsn) {
    return cum + (tsn - (int) cum);
  }

  long cumulative() {
    return cum;
  }

  long highest() {
    return above.isEmpty() ? cum : above.last();
  }

  boolean hasGaps() {
    return !above.isEmpty();
  }

  Result offer(long tsn) {
    if (tsn <= cum || above.contains(tsn)) {
      if (duplicates.size() < MAX_DUPLICATES) {
        duplicates.add((int) tsn);
      }
      return Result.DUPLICATE;
    }
    if (tsn - cum > WINDOW) {
      return Result.OUT_OF_WINDOW;
    }
    above.add(tsn);
    advance();
    return Result.NEW;
  }

  /** FORWARD-TSN: treat everything up to {@code newCum} as received. */
  void forward(long newCum) {
    if (newCum <= cum) {
      return;
    }
    cum = newCum;
    above.headSet(newCum, true).clear();
    advance();
  }

  private void advance() {
    Iterator<Long> it = above.iterator();
    while (it.hasNext()) {
      long t = it.next();
      if (t != cum + 1) {
        break;
      }
      cum = t;
      it.remove();
    }
  }

  SackChunk buildSack(long aRwnd) {
    List<int[]> blocks = new ArrayList<>();
    long start = -1;
    long prev = -1;
    for (long t : above) {
      if (start < 0) {
        start = t;
      } else if (t != prev + 1) {
        blocks.add(new int[] {(int) (start - cum), (int) (prev - cum)});
        start = t;
      }
      prev = t;
      if (blocks.size() == MAX_GAP_BLOCKS) {
        break;
      }
    }
    if (start >= 0 && blocks.size() < MAX_GAP_BLOCKS) {
      blocks.add(new int[] {(int) (start - cum), (int) (prev - cum)});
    }
    int[] starts = new int[blocks.size()];
    int[] ends = new int[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      starts[i] = blocks.get(i)[0];
      ends[i] = blocks.get(i)[1];
    }
    int[] dups = duplicates.stream().mapToInt(Integer::intValue).toArray();
    duplicates.clear();
    return new SackChunk((int) cum, aRwnd, starts, ends, dups);
  }
}
