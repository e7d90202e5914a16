package dev.odeon.sfu.router;

import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A viewing peer of a stream and its receive slots, in offer order: the first audio and first
 * video section are the main slots (the pinned source, or the first live source not excluded); the
 * next {@code multiplexedAudioTracks} audio sections are multiplexed slots the server fills with the
 * most active speakers; any further sections are idle until the viewer projects a source into them.
 * Media thread only.
 */
public final class Viewer {
  final SessionId session;
  final StreamId stream;
  final Endpoint endpoint;
  final ViewOptions options;
  final OutSlot audio;
  final OutSlot video;
  final List<OutSlot> slots;
  final OutSlot[] mux;
  /** The source decided for each multiplexed slot (bound now or pending). */
  final Publisher[] muxSources;
  /** Multiplexed slots the viewer projected into: the assigner leaves them alone. */
  final boolean[] muxFixed;
  final Publisher[] previous;
  final Object[] scratch;
  private final Map<String, OutSlot> byMid = new HashMap<>();
  /** The source feeding the main slots. */
  Publisher source;
  /** The stream ranking's version this viewer's assignment was computed from. */
  long seenVersion = -1;
  /** In its stream's list of viewers with announced, not yet bound switches. */
  boolean pending;
  /** Removed from the router (its session closed). */
  boolean removed;
  /**
   * Retransmission budget (GCRA): the theoretical arrival time of the next resent packet. At most
   * {@link #RETRANSMIT_PER_SECOND} per second with bursts of {@link #RETRANSMIT_BURST}, so a viewer
   * cannot turn NACKs into an amplifier.
   */
  private long retransmitTat = Long.MIN_VALUE;
  static final int RETRANSMIT_PER_SECOND = 300;
  static final int RETRANSMIT_BURST = 150;
  private static final long RETRANSMIT_INTERVAL_NANOS = 1_000_000_000L / RETRANSMIT_PER_SECOND;

  Viewer(SessionId session, StreamId stream, Endpoint endpoint, ViewOptions options,
      List<MediaLine> lines, SlotSeeds seeds) {
    this.session = session;
    this.stream = stream;
    this.endpoint = endpoint;
    this.options = options;
    int n = options.multiplexedAudioTracks();
    OutSlot a = null;
    OutSlot v = null;
    List<OutSlot> all = new ArrayList<>();
    OutSlot[] m = new OutSlot[n];
    int muxed = 0;
    for (MediaLine line : lines) {
      OutSlot.Role role;
      int index = -1;
      if (line.kind() == MediaKind.AUDIO && a == null) {
        role = OutSlot.Role.MAIN;
      } else if (line.kind() == MediaKind.VIDEO && v == null) {
        role = OutSlot.Role.MAIN;
      } else if (line.kind() == MediaKind.AUDIO && muxed < n) {
        role = OutSlot.Role.MULTIPLEXED;
        index = muxed;
      } else {
        role = OutSlot.Role.EXTRA;
      }
      OutSlot slot = new OutSlot(this, role, index, line, seeds.ssrc(line.mid()), seeds.nextSeq(), seeds.nextTs());
      all.add(slot);
      byMid.put(line.mid(), slot);
      if (role == OutSlot.Role.MAIN && line.kind() == MediaKind.AUDIO) {
        a = slot;
      } else if (role == OutSlot.Role.MAIN) {
        v = slot;
      } else if (role == OutSlot.Role.MULTIPLEXED) {
        m[muxed++] = slot;
      }
    }
    if (muxed < n) {
      throw new IllegalStateException("validate() lets through too few audio sections");
    }
    this.audio = a;
    this.video = v;
    this.slots = Collections.unmodifiableList(all);
    this.mux = m;
    this.muxSources = new Publisher[n];
    this.muxFixed = new boolean[n];
    this.previous = new Publisher[n];
    this.scratch = new Object[n];
  }

  /**
   * Refuses options the accepted sections cannot honour: {@code too_many_slots} for a count
   * outside 0..16, {@code missing_slots} when the offer has fewer than 1 + N receive-only audio
   * sections, {@code bad_request} for a pinned source that is also excluded.
   */
  public static void validate(ViewOptions options, List<MediaLine> lines) {
    int n = options.multiplexedAudioTracks();
    if (n < 0 || n > ViewOptions.MAX_MULTIPLEXED_AUDIO_TRACKS) {
      throw new MediaException("too_many_slots", "multiplexedAudioTracks must be 0.."
          + ViewOptions.MAX_MULTIPLEXED_AUDIO_TRACKS + ", got " + n);
    }
    long audio = lines.stream().filter(l -> l.kind() == MediaKind.AUDIO).count();
    if (audio < 1L + n) {
      throw new MediaException("missing_slots", "multiplexedAudioTracks " + n + " needs " + (1 + n)
          + " recvonly audio transceivers in the offer, it has " + audio);
    }
    SourceId pinned = options.pinnedSourceId();
    if (pinned != null && options.excludedSourceIds().contains(pinned)) {
      throw new MediaException("bad_request", "the pinned source " + pinned + " is also excluded");
    }
  }

  public StreamId stream() {
    return stream;
  }

  public SessionId session() {
    return session;
  }

  OutSlot slot(MediaKind kind) {
    return kind == MediaKind.AUDIO ? audio : video;
  }

  OutSlot slotByMid(String mid) {
    return mid == null ? null : byMid.get(mid);
  }

  OutSlot slotBySsrc(int ssrc) {
    for (OutSlot s : slots) {
      if (s.outSsrc == ssrc) {
        return s;
      }
    }
    return null;
  }

  /** Takes one packet of retransmission budget; false when the budget is spent. */
  boolean takeRetransmission(long nowNanos) {
    long tat = retransmitTat == Long.MIN_VALUE || nowNanos - retransmitTat > 0 ? nowNanos : retransmitTat;
    if (tat - nowNanos > (long) (RETRANSMIT_BURST - 1) * RETRANSMIT_INTERVAL_NANOS) {
      return false;
    }
    retransmitTat = tat + RETRANSMIT_INTERVAL_NANOS;
    return true;
  }

  /** Whether {@code p} may ever reach this viewer. */
  boolean admits(Publisher p) {
    return !options.excludedSourceIds().contains(p.source);
  }

  /** The SSRCs and initial sequence numbers/timestamps of a new viewer's slots. */
  public interface SlotSeeds {
    int ssrc(String mid);

    int nextSeq();

    long nextTs();
  }
}
