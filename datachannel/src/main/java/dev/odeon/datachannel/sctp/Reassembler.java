package dev.odeon.datachannel.sctp;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Incoming fragments to messages (RFC 9260 §6.9) and per-stream ordered delivery (§6.6). The
 * fragments of one message carry consecutive TSNs, so a message is a run of TSNs from a B chunk to
 * an E chunk on the same stream. The maximum message size is enforced while a run grows: once a
 * run holds more than the limit, its fragments are freed and "discard edges" remember that the
 * neighbouring TSNs still to come belong to the refused message. Memory held here (fragments plus
 * complete ordered messages waiting for an earlier SSN) is reported by {@link #bufferedBytes()}.
 * Owned by one association.
 */
final class Reassembler {
  private static final int MAX_EDGES = 64;
  private static final byte[] TOMBSTONE = new byte[0];

  private record Pending(int ppid, byte[] data) {}

  private static final class InboundStream {
    int nextSsn;
    final Map<Integer, Pending> waiting = new HashMap<>();
  }

  private final int maxMessageSize;
  private final int inboundStreams;
  private final ArrayDeque<SctpEvent> events;
  private final SctpCounters counters;
  private final TreeMap<Long, DataChunk> fragments = new TreeMap<>();
  /** Discarded non-E fragment at key: key + 1 belongs to a refused message. */
  private final TreeMap<Long, DataChunk> upperEdges = new TreeMap<>();
  /** Discarded non-B fragment at key: key - 1 belongs to a refused message. */
  private final TreeMap<Long, DataChunk> lowerEdges = new TreeMap<>();
  private final Map<Integer, InboundStream> streams = new HashMap<>();
  private long bufferedBytes;

  Reassembler(int maxMessageSize, int inboundStreams, ArrayDeque<SctpEvent> events,
      SctpCounters counters) {
    this.maxMessageSize = maxMessageSize;
    this.inboundStreams = inboundStreams;
    this.events = events;
    this.counters = counters;
  }

  long bufferedBytes() {
    return bufferedBytes;
  }

  /** Takes a new (not duplicate) DATA chunk with unwrapped TSN {@code tsn}. */
  void add(long tsn, DataChunk c) {
    if (c.streamId() >= inboundStreams) {
      counters.malformedChunks++;
      return;
    }
    if (extendsRefusal(tsn, c)) {
      return;
    }
    if (c.beginning() && c.ending()) {
      complete(c.streamId(), c.ssn(), c.unordered(), c.ppid(), c.payload());
      return;
    }
    fragments.put(tsn, c);
    bufferedBytes += c.payload().length;
    assemble(tsn, c);
  }

  private static boolean sameMessage(DataChunk a, DataChunk b) {
    return a.streamId() == b.streamId() && a.unordered() == b.unordered()
        && (a.unordered() || a.ssn() == b.ssn());
  }

  private void assemble(long tsn, DataChunk c) {
    long start = tsn;
    DataChunk first = c;
    long bytes = c.payload().length;
    while (!first.beginning()) {
      DataChunk p = fragments.get(start - 1);
      if (p == null || p.ending() || !sameMessage(p, c)) {
        break;
      }
      start--;
      first = p;
      bytes += p.payload().length;
    }
    long end = tsn;
    DataChunk last = c;
    while (!last.ending()) {
      DataChunk n = fragments.get(end + 1);
      if (n == null || n.beginning() || !sameMessage(n, c)) {
        break;
      }
      end++;
      last = n;
      bytes += n.payload().length;
    }
    if (bytes > maxMessageSize) {
      refuse(start, end, first, last, bytes);
    } else if (first.beginning() && last.ending()) {
      byte[] msg = new byte[(int) bytes];
      int p = 0;
      for (long t = start; t <= end; t++) {
        DataChunk f = fragments.remove(t);
        System.arraycopy(f.payload(), 0, msg, p, f.payload().length);
        p += f.payload().length;
      }
      bufferedBytes -= bytes;
      complete(c.streamId(), c.ssn(), c.unordered(), first.ppid(), msg);
    }
  }

  private void refuse(long start, long end, DataChunk first, DataChunk last, long bytes) {
    fragments.subMap(start, true, end, true).clear();
    bufferedBytes -= bytes;
    if (!first.beginning()) {
      putEdge(lowerEdges, start, first);
    }
    if (!last.ending()) {
      putEdge(upperEdges, end, last);
    }
    skipOrdered(first);
    counters.refusedMessages++;
    events.add(new SctpEvent.MessageRefused(first.streamId(),
        "message exceeds max-message-size " + maxMessageSize + " (" + bytes + "+ bytes)"));
  }

  private void putEdge(TreeMap<Long, DataChunk> edges, long tsn, DataChunk c) {
    if (edges.size() >= MAX_EDGES) {
      edges.pollFirstEntry();
    }
    edges.put(tsn, c);
  }

  /** Discards {@code c} (and neighbours already stored) if it continues a refused message. */
  private boolean extendsRefusal(long tsn, DataChunk c) {
    DataChunk up = upperEdges.get(tsn - 1);
    if (up != null && !c.beginning() && sameMessage(up, c)) {
      upperEdges.remove(tsn - 1);
      long t = tsn;
      DataChunk d = c;
      while (!d.ending()) {
        DataChunk n = fragments.get(t + 1);
        if (n == null || n.beginning() || !sameMessage(n, c)) {
          putEdge(upperEdges, t, d);
          break;
        }
        fragments.remove(++t);
        bufferedBytes -= n.payload().length;
        d = n;
      }
      return true;
    }
    DataChunk low = lowerEdges.get(tsn + 1);
    if (low != null && !c.ending() && sameMessage(low, c)) {
      lowerEdges.remove(tsn + 1);
      long t = tsn;
      DataChunk d = c;
      while (!d.beginning()) {
        DataChunk p = fragments.get(t - 1);
        if (p == null || p.ending() || !sameMessage(p, c)) {
          putEdge(lowerEdges, t, d);
          break;
        }
        fragments.remove(--t);
        bufferedBytes -= p.payload().length;
        d = p;
      }
      return true;
    }
    return false;
  }

  private void skipOrdered(DataChunk c) {
    if (c.unordered()) {
      return;
    }
    InboundStream s = stream(c.streamId());
    if ((short) (c.ssn() - s.nextSsn) >= 0 && !s.waiting.containsKey(c.ssn())) {
      s.waiting.put(c.ssn(), new Pending(0, TOMBSTONE));
      deliver(c.streamId(), s);
    }
  }

  private InboundStream stream(int id) {
    return streams.computeIfAbsent(id, k -> new InboundStream());
  }

  private void complete(int sid, int ssn, boolean unordered, int ppid, byte[] data) {
    if (unordered) {
      events.add(new SctpEvent.MessageReceived(sid, ppid, data));
      return;
    }
    InboundStream s = stream(sid);
    if ((short) (ssn - s.nextSsn) < 0 || s.waiting.containsKey(ssn)) {
      counters.duplicateTsns++;
      return;
    }
    s.waiting.put(ssn, new Pending(ppid, data));
    bufferedBytes += data.length;
    deliver(sid, s);
  }

  private void deliver(int sid, InboundStream s) {
    Pending p;
    while ((p = s.waiting.remove(s.nextSsn)) != null) {
      s.nextSsn = (s.nextSsn + 1) & 0xffff;
      if (p.data() != TOMBSTONE) {
        bufferedBytes -= p.data().length;
        events.add(new SctpEvent.MessageReceived(sid, p.ppid(), p.data()));
      }
    }
  }

  /**
   * FORWARD-TSN (RFC 3758 §3.6): frees fragments at or below {@code newCum}, then for each listed
   * ordered stream delivers what waits up to the skipped SSN and moves past it.
   */
  void forward(long newCum, int[] sids, int[] ssns) {
    Iterator<Map.Entry<Long, DataChunk>> it = fragments.headMap(newCum, true).entrySet().iterator();
    while (it.hasNext()) {
      bufferedBytes -= it.next().getValue().payload().length;
      it.remove();
    }
    upperEdges.headMap(newCum, true).clear();
    lowerEdges.headMap(newCum + 1, true).clear();
    for (int i = 0; i < sids.length; i++) {
      InboundStream s = streams.get(sids[i]);
      if (s == null) {
        s = stream(sids[i]);
      }
      int skip = ssns[i];
      if ((short) (skip - s.nextSsn) < 0) {
        continue;
      }
      // Deliver complete messages up to the skipped SSN in order, dropping the gaps.
      while ((short) (skip - s.nextSsn) >= 0) {
        Pending p = s.waiting.remove(s.nextSsn);
        if (p != null && p.data() != TOMBSTONE) {
          bufferedBytes -= p.data().length;
          events.add(new SctpEvent.MessageReceived(sids[i], p.ppid(), p.data()));
        }
        s.nextSsn = (s.nextSsn + 1) & 0xffff;
        if (s.waiting.isEmpty()) {
          s.nextSsn = (skip + 1) & 0xffff;
          break;
        }
      }
      deliver(sids[i], s);
    }
  }

  /** RFC 6525 incoming SSN reset: the peer's next message on {@code sid} carries SSN 0. */
  void resetIncoming(int sid) {
    InboundStream s = streams.remove(sid);
    if (s != null) {
      for (Pending p : s.waiting.values()) {
        bufferedBytes -= p.data().length;
      }
    }
  }

  /** Drops everything held; used when the association closes. */
  void clear() {
    fragments.clear();
    upperEdges.clear();
    lowerEdges.clear();
    streams.clear();
    bufferedBytes = 0;
  }
}
