package dev.odeon.datachannel.sctp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Outgoing SSN reset (RFC 6525 §5.1.2, §5.2.2), how WebRTC closes a data channel: we ask the peer
 * to reset our outgoing streams once it has everything up to our last assigned TSN; the peer does
 * the same for its side. One request is outstanding at a time (§5.1.1); it is retransmitted each RTO
 * until a response arrives. A peer request waits ("deferred reset processing") until our cumulative
 * TSN reaches its last assigned TSN, then the streams' SSNs restart at 0. Owned by one association.
 */
final class StreamResetter {
  private static final int RESULT_BAD_SEQUENCE = 5;

  private final ReceiveTracker rx;
  private final Reassembler reassembler;
  private final OutboundQueue out;
  private final ArrayDeque<SctpEvent> events;
  private final Set<Integer> queued = new LinkedHashSet<>();
  private final List<byte[]> responses = new ArrayList<>();
  private int nextRequestSeq;
  private int peerExpectedSeq;
  private ReconfigChunk.ResetRequest outstanding;
  private boolean due;
  private long deadline = Long.MAX_VALUE;
  private ReconfigChunk.ResetRequest deferred;
  private byte[] lastResponse;

  StreamResetter(int myInitialTsn, int peerInitialTsn, ReceiveTracker rx, Reassembler reassembler,
      OutboundQueue out, ArrayDeque<SctpEvent> events) {
    this.nextRequestSeq = myInitialTsn;
    this.peerExpectedSeq = peerInitialTsn;
    this.rx = rx;
    this.reassembler = reassembler;
    this.out = out;
    this.events = events;
  }

  boolean isResetting(int sid) {
    if (queued.contains(sid)) {
      return true;
    }
    if (outstanding != null) {
      for (int s : outstanding.streams()) {
        if (s == sid) {
          return true;
        }
      }
    }
    return false;
  }

  void request(int sid) {
    queued.add(sid);
  }

  long deadline() {
    return deadline;
  }

  void handleTimeout(long now) {
    if (outstanding != null && now >= deadline) {
      due = true;
      deadline = Long.MAX_VALUE;
    }
  }

  /** RE-CONFIG chunks to send now: responses first, then our request if new or due again. */
  List<byte[]> poll(long now, long rtoNanos) {
    List<byte[]> chunks = new ArrayList<>(responses);
    responses.clear();
    if (outstanding == null && !queued.isEmpty()) {
      int[] sids = queued.stream().mapToInt(Integer::intValue).toArray();
      queued.clear();
      outstanding = new ReconfigChunk.ResetRequest(nextRequestSeq++, peerExpectedSeq - 1,
          (int) out.lastAssignedTsn(), sids);
      due = true;
    }
    if (due) {
      due = false;
      deadline = now + rtoNanos;
      chunks.add(new ReconfigChunk(outstanding, null).encode());
    }
    return chunks;
  }

  void handle(ReconfigChunk c) {
    if (c.request() != null) {
      handleRequest(c.request());
    }
    if (c.response() != null) {
      handleResponse(c.response());
    }
  }

  private void handleRequest(ReconfigChunk.ResetRequest r) {
    if (r.requestSeq() == peerExpectedSeq) {
      if (deferred != null && deferred.requestSeq() == r.requestSeq()) {
        respond(r.requestSeq(), ReconfigChunk.RESULT_IN_PROGRESS);
        return;
      }
      deferred = r;
      if (!performDeferred()) {
        respond(r.requestSeq(), ReconfigChunk.RESULT_IN_PROGRESS);
      }
    } else if (r.requestSeq() == peerExpectedSeq - 1 && lastResponse != null) {
      responses.add(lastResponse);
    } else {
      respond(r.requestSeq(), RESULT_BAD_SEQUENCE);
    }
  }

  /** Performs a waiting peer request once our cumulative TSN covers its last TSN. */
  boolean performDeferred() {
    if (deferred == null || rx.unwrap(deferred.lastTsn()) > rx.cumulative()) {
      return false;
    }
    for (int sid : deferred.streams()) {
      reassembler.resetIncoming(sid);
      events.add(new SctpEvent.StreamReset(sid, true));
    }
    peerExpectedSeq++;
    lastResponse = respond(deferred.requestSeq(), ReconfigChunk.RESULT_PERFORMED);
    deferred = null;
    return true;
  }

  private byte[] respond(int seq, int result) {
    byte[] c = new ReconfigChunk(null, new ReconfigChunk.Response(seq, result)).encode();
    responses.add(c);
    return c;
  }

  private void handleResponse(ReconfigChunk.Response r) {
    if (outstanding == null || r.responseSeq() != outstanding.requestSeq()
        || r.result() == ReconfigChunk.RESULT_IN_PROGRESS) {
      return;
    }
    boolean ok = r.result() == ReconfigChunk.RESULT_PERFORMED
        || r.result() == ReconfigChunk.RESULT_NOTHING_TO_DO;
    for (int sid : outstanding.streams()) {
      if (ok) {
        out.resetSsn(sid);
        events.add(new SctpEvent.StreamReset(sid, false));
      }
    }
    outstanding = null;
    deadline = Long.MAX_VALUE;
  }
}
