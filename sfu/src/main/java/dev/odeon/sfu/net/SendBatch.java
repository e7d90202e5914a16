package dev.odeon.sfu.net;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The datagrams the media thread sends during one turn (one batch of received datagrams, one
 * command, one timer), kept and sent together at the end of the turn so that several datagrams to
 * the same address leave in one UDP GSO send (Linux {@code UDP_SEGMENT}): the kernel's per-datagram
 * send path is most of what a forwarded packet costs, and GSO pays it once per batch.
 *
 * <p>At {@link #flush} the datagrams are grouped by address, each address's in the order they were
 * added; a run of equal-sized datagrams, optionally closed by one shorter datagram, becomes one send
 * of at most {@link #MAX_GSO_SEGMENTS} segments and {@link #MAX_GSO_BYTES} bytes — the shape GSO
 * allows. Order between different addresses is not kept (no peer can see it). With
 * {@code maxSegments} 1 every datagram is its own send. Media thread only.
 */
final class SendBatch {
  /** Segments per GSO send (the kernel's UDP_MAX_SEGMENTS is 64 on older kernels). */
  static final int MAX_GSO_SEGMENTS = 64;
  /** Bytes per GSO send: a UDP payload must stay below 65,507 bytes. */
  static final int MAX_GSO_BYTES = 63 * 1024;

  /** Where grouped sends go: {@code data[off, off+len)} to {@code to}, cut into {@code segmentSize} pieces. */
  interface Sink {
    void send(InetSocketAddress to, byte[] data, int off, int len, int segmentSize);
  }

  private final Sink sink;
  private final int maxSegments;
  private final byte[] arena;
  private final byte[] grouped;
  private final int[] offsets;
  private final int[] lengths;
  private final int[] next;
  private final Map<InetSocketAddress, Integer> chainOf = new HashMap<>();
  private int[] heads = new int[64];
  private int[] tails = new int[64];
  private InetSocketAddress[] chainTargets = new InetSocketAddress[64];
  private int chains;
  private int count;
  private int used;
  /** Every pending datagram may wait for its successors. */
  private boolean deferrable = true;
  /** Sends handed to the sink so far (read by the metrics scrape; a stale value is fine). */
  private long sends;

  /**
   * @param capacityBytes bytes kept before an automatic flush
   * @param maxDatagrams datagrams kept before an automatic flush
   * @param maxSegments datagrams per send: {@link #MAX_GSO_SEGMENTS} with GSO, 1 without
   */
  SendBatch(int capacityBytes, int maxDatagrams, int maxSegments, Sink sink) {
    if (maxSegments < 1 || maxSegments > MAX_GSO_SEGMENTS) {
      throw new IllegalArgumentException("maxSegments " + maxSegments);
    }
    this.sink = sink;
    this.maxSegments = maxSegments;
    this.arena = new byte[capacityBytes];
    this.grouped = new byte[capacityBytes];
    this.offsets = new int[maxDatagrams];
    this.lengths = new int[maxDatagrams];
    this.next = new int[maxDatagrams];
  }

  /** Keeps a copy of {@code buf[off, off+len)} for {@code to}; flushes first when full. */
  void add(InetSocketAddress to, byte[] buf, int off, int len) {
    add(to, buf, off, len, false);
  }

  /**
   * As {@link #add(InetSocketAddress, byte[], int, int)}; {@code mayWait} marks a datagram that may
   * wait for its successors (see {@link #onlyDeferrable}).
   */
  void add(InetSocketAddress to, byte[] buf, int off, int len, boolean mayWait) {
    if (len <= 0 || len > arena.length) {
      throw new IllegalArgumentException("datagram length " + len);
    }
    if (count == offsets.length || used + len > arena.length) {
      flush();
    }
    System.arraycopy(buf, off, arena, used, len);
    offsets[count] = used;
    lengths[count] = len;
    next[count] = -1;
    Integer chain = chainOf.get(to);
    if (chain == null) {
      addChain(to, count);
    } else {
      next[tails[chain]] = count;
      tails[chain] = count;
    }
    used += len;
    count++;
    deferrable &= mayWait;
  }

  /** True when something is pending and all of it may wait for more (the caller may hold the flush). */
  boolean onlyDeferrable() {
    return count > 0 && deferrable;
  }

  /** Sends handed to the sink since this batch was made. */
  long sends() {
    return sends;
  }

  /** Datagrams waiting for {@link #flush}. */
  int pending() {
    return count;
  }

  /** Sends everything kept, grouped, and empties the batch. */
  void flush() {
    if (count == 0) {
      return;
    }
    int out = 0;
    for (int c = 0; c < chains; c++) {
      InetSocketAddress to = chainTargets[c];
      int start = out;
      int segment = 0;
      int segments = 0;
      for (int i = heads[c]; i >= 0; i = next[i]) {
        int len = lengths[i];
        boolean fits = segments > 0 && segments < maxSegments && out - start + len <= MAX_GSO_BYTES
            && len <= segment && (out - start) % segment == 0;
        if (segments > 0 && !fits) {
          sends++;
          sink.send(to, grouped, start, out - start, segment);
          start = out;
          segments = 0;
        }
        if (segments == 0) {
          segment = len;
        }
        System.arraycopy(arena, offsets[i], grouped, out, len);
        out += len;
        segments++;
      }
      sends++;
      sink.send(to, grouped, start, out - start, segment);
    }
    clear();
  }

  private void addChain(InetSocketAddress to, int first) {
    if (chains == heads.length) {
      heads = Arrays.copyOf(heads, chains * 2);
      tails = Arrays.copyOf(tails, chains * 2);
      chainTargets = Arrays.copyOf(chainTargets, chains * 2);
    }
    heads[chains] = first;
    tails[chains] = first;
    chainTargets[chains] = to;
    chainOf.put(to, chains);
    chains++;
  }

  private void clear() {
    Arrays.fill(chainTargets, 0, chains, null);
    chainOf.clear();
    chains = 0;
    count = 0;
    used = 0;
    deferrable = true;
  }
}
