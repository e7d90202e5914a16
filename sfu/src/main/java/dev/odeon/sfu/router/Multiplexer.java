package dev.odeon.sfu.router;

import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.audio.SlotAssigner;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which source feeds which viewer slot: main slots, multiplexed audio slots (from the stream's
 * speaker ranking) and projected slots. A multiplexing switch is announced at once (a
 * {@link MediaEvent.SlotChanged}, the {@code vad} event) and bound {@link #SWITCH_DELAY_NANOS} later,
 * so the event leaves before the slot's first packet from the new source; the slot's
 * {@link dev.odeon.sfu.rtp.RtpRewriter} keeps the outgoing stream continuous. Media thread only.
 */
final class Multiplexer {
  /** Delay between announcing a multiplexing switch and binding it (docs/multiplexing.md). */
  static final long SWITCH_DELAY_NANOS = 50_000_000L;

  private final Router router;
  private final Consumer<MediaEvent> events;

  Multiplexer(Router router, Consumer<MediaEvent> events) {
    this.router = router;
    this.events = events;
  }

  /** Feeds {@code slot} from {@code p}'s track of the slot's kind, or idles it (p null). */
  void bind(long nowNanos, OutSlot slot, Publisher p) {
    InputTrack track = p == null ? null : p.track(slot.kind);
    if (slot.input == track && slot.source == (track == null ? null : p)) {
      return;
    }
    if (slot.source != null) {
      slot.source.slots(slot.kind).remove(slot);
    }
    slot.bind(track);
    slot.source = track == null ? null : p;
    if (track != null) {
      p.slots(slot.kind).add(slot);
      if (slot.kind == MediaKind.VIDEO && slot.viewer.endpoint.isReady()) {
        router.requestKeyframe(nowNanos, p);
      }
    }
  }

  /** Re-derives every slot of {@code v}: main source, projections, multiplexed speakers. */
  void refresh(long nowNanos, Stream s, Viewer v) {
    Publisher main = s.mainSourceFor(v);
    v.source = main;
    for (OutSlot slot : v.slots) {
      if (slot.projected != null) {
        Publisher p = s.sources.get(slot.projected);
        bind(nowNanos, slot, p != null && p.active ? p : null);
      } else if (slot.role == OutSlot.Role.MAIN) {
        bind(nowNanos, slot, main);
      }
    }
    reassign(nowNanos, s, v, true);
  }

  /**
   * Recomputes the viewer's multiplexed slots from the stream's ranking. Changes are announced now;
   * a slot that goes idle unbinds now, a slot that gets a source binds after the switch delay.
   */
  void reassign(long nowNanos, Stream s, Viewer v, boolean force) {
    long version = s.ranking.version();
    if (v.mux.length == 0 || (!force && v.seenVersion == version)) {
      return;
    }
    v.seenVersion = version;
    System.arraycopy(v.muxSources, 0, v.previous, 0, v.mux.length);
    int changed = SlotAssigner.assign(s.ranking.ranked(), p -> eligible(v, p), v.muxSources, v.muxFixed, v.scratch);
    if (changed == 0) {
      return;
    }
    for (int i = 0; i < v.mux.length; i++) {
      Publisher now = v.muxSources[i];
      if (now == v.previous[i] || v.muxFixed[i]) {
        continue;
      }
      OutSlot slot = v.mux[i];
      events.accept(new MediaEvent.SlotChanged(v.session, slot.mid, now == null ? null : now.source));
      if (now == null) {
        slot.hasPending = false;
        slot.pending = null;
        bind(nowNanos, slot, null);
      } else {
        slot.pending = now;
        slot.hasPending = true;
        slot.pendingAt = nowNanos + SWITCH_DELAY_NANOS;
        if (!v.pending) {
          v.pending = true;
          s.pending.add(v);
        }
      }
    }
  }

  private static boolean eligible(Viewer v, Publisher p) {
    return p.active && p.audio != null && p != v.source && v.admits(p);
  }

  /**
   * One timer pass over a stream: binds due switches, re-ranks when an interval passed and then
   * re-assigns viewers whose ranking changed. Returns when the stream next has work.
   */
  long tick(long nowNanos, Stream s) {
    long next = s.pending.isEmpty() ? Long.MAX_VALUE : applyPending(nowNanos, s);
    if (s.ranking.handleTimeout(nowNanos)) {
      for (Viewer v : s.viewers) {
        reassign(nowNanos, s, v, false);
      }
      if (!s.pending.isEmpty()) {
        next = Math.min(next, nowNanos + SWITCH_DELAY_NANOS);
      }
    }
    return Math.min(next, s.ranking.nextTimeoutNanos(nowNanos));
  }

  /** Binds announced switches that are due. Returns the earliest still pending, or Long.MAX_VALUE. */
  private long applyPending(long nowNanos, Stream s) {
    long next = Long.MAX_VALUE;
    int kept = 0;
    // Compacts the list in place: one pass, whatever the number of viewers.
    for (int i = 0, n = s.pending.size(); i < n; i++) {
      Viewer v = s.pending.get(i);
      boolean left = false;
      for (OutSlot slot : v.mux) {
        if (!slot.hasPending) {
          continue;
        }
        if (nowNanos - slot.pendingAt >= 0) {
          slot.hasPending = false;
          Publisher p = slot.pending;
          slot.pending = null;
          bind(nowNanos, slot, p != null && p.active ? p : null);
        } else {
          left = true;
          next = Math.min(next, slot.pendingAt);
        }
      }
      if (left) {
        s.pending.set(kept++, v);
      } else {
        v.pending = false;
      }
    }
    s.pending.subList(kept, s.pending.size()).clear();
    return next;
  }

  /** Projects {@code source} into the viewer's slots; validates the whole mapping first. */
  void project(long nowNanos, Stream s, Viewer v, SourceId source, List<Projection> mapping) {
    if (mapping == null || mapping.isEmpty() || mapping.size() > v.slots.size()) {
      throw new MediaException("bad_request", "project needs 1.." + v.slots.size() + " mapping entries");
    }
    Publisher p = s.sources.get(source);
    if (p == null || !p.active) {
      throw new MediaException("unknown_source", "source " + source + " is not live in this stream");
    }
    if (!v.admits(p)) {
      throw new MediaException("excluded_source", "source " + source + " is excluded by this viewer");
    }
    OutSlot[] targets = new OutSlot[mapping.size()];
    for (int i = 0; i < targets.length; i++) {
      Projection m = mapping.get(i);
      MediaKind kind = m == null ? null : MediaKind.parse(m.media());
      OutSlot slot = m == null ? null : v.slotByMid(m.mid());
      if (kind == null) {
        throw new MediaException("bad_request", "mapping media must be 'audio' or 'video'");
      }
      if (slot == null) {
        throw new MediaException("unknown_mid", "this viewer has no receive slot with mid " + m.mid());
      }
      if (slot.kind != kind) {
        throw new MediaException("kind_mismatch", "mid " + m.mid() + " receives " + slot.kind.wire() + ", not " + m.media());
      }
      if (p.track(kind) == null) {
        throw new MediaException("kind_mismatch", "source " + source + " publishes no " + m.media());
      }
      targets[i] = slot;
    }
    for (OutSlot slot : targets) {
      slot.projected = source;
      fix(slot, p);
      bind(nowNanos, slot, p);
    }
    reassign(nowNanos, s, v, true);
  }

  /** Returns the slots {@code mids} to their default role. */
  void unproject(long nowNanos, Stream s, Viewer v, List<String> mids) {
    if (mids == null || mids.isEmpty() || mids.size() > v.slots.size()) {
      throw new MediaException("bad_request", "unproject needs 1.." + v.slots.size() + " mids");
    }
    OutSlot[] targets = new OutSlot[mids.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = v.slotByMid(mids.get(i));
      if (targets[i] == null) {
        throw new MediaException("unknown_mid", "this viewer has no receive slot with mid " + mids.get(i));
      }
    }
    for (OutSlot slot : targets) {
      slot.projected = null;
      if (slot.role == OutSlot.Role.MULTIPLEXED) {
        v.muxFixed[slot.muxIndex] = false;
        v.muxSources[slot.muxIndex] = null;
        bind(nowNanos, slot, null);
      } else if (slot.role == OutSlot.Role.EXTRA) {
        bind(nowNanos, slot, null);
      }
    }
    refresh(nowNanos, s, v);
  }

  private static void fix(OutSlot slot, Publisher p) {
    if (slot.role == OutSlot.Role.MULTIPLEXED) {
      slot.viewer.muxFixed[slot.muxIndex] = true;
      slot.viewer.muxSources[slot.muxIndex] = p;
      slot.hasPending = false;
      slot.pending = null;
    }
  }
}
