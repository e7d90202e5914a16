package dev.odeon.sfu.audio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The speaker ranking of one stream: every audio source in order of activity, most active first,
 * recomputed once per {@link ActivityConfig#intervalNanos() interval} — never per packet or per
 * viewer. Viewers' slot assignments read {@link #ranked()} and re-run only when
 * {@link #version()} moved. Media thread only; sans-IO.
 *
 * <p>Ordering (docs/multiplexing.md): speaking sources first, by smoothed score, where a source
 * passes the one ahead of it only by exceeding its score by the overtake ratio (an insertion sort
 * that keeps the previous order otherwise, so equal voices never swap); then silent sources, most
 * recent speaker first, then by the order they joined.
 *
 * @param <K> what identifies a source to the caller (the router uses its publisher object)
 */
public final class SpeakerRanking<K> {
  private final ActivityConfig config;
  private final List<SourceActivity<K>> order = new ArrayList<>();
  private final List<K> ranked = new ArrayList<>();
  private final List<K> view = Collections.unmodifiableList(ranked);
  private long joined;
  private long version;
  private long nextRankNanos;
  private boolean started;

  public SpeakerRanking(ActivityConfig config) {
    this.config = config;
  }

  public ActivityConfig config() {
    return config;
  }

  /** Adds a source (it ranks last until it speaks); the caller feeds levels to the result. */
  public SourceActivity<K> add(K key) {
    SourceActivity<K> a = new SourceActivity<>(key, joined++, config);
    order.add(a);
    publish();
    return a;
  }

  /** Removes a source at once (not at the next interval): its slots must empty now. */
  public void remove(SourceActivity<K> activity) {
    if (activity == null || activity.removed) {
      return;
    }
    activity.removed = true;
    order.remove(activity);
    publish();
  }

  /** When {@link #handleTimeout} next has work. */
  public long nextTimeoutNanos(long nowNanos) {
    return started ? nextRankNanos : nowNanos;
  }

  /**
   * Closes every source's window and re-ranks when an interval has passed. Returns true when the
   * order changed (the version moved).
   */
  public boolean handleTimeout(long nowNanos) {
    if (!started) {
      started = true;
      nextRankNanos = nowNanos + config.intervalNanos();
      return false;
    }
    if (nowNanos - nextRankNanos < 0) {
      return false;
    }
    // Skip missed intervals rather than replaying them: a late tick closes one (longer) window.
    nextRankNanos = Math.max(nextRankNanos + config.intervalNanos(), nowNanos + 1);
    for (SourceActivity<K> a : order) {
      a.closeWindow(nowNanos);
    }
    // Insertion sort: an element moves up only while it overtakes the one ahead of it.
    boolean moved = false;
    for (int i = 1; i < order.size(); i++) {
      SourceActivity<K> a = order.get(i);
      int j = i;
      while (j > 0 && a.overtakes(order.get(j - 1))) {
        order.set(j, order.get(j - 1));
        j--;
      }
      if (j != i) {
        order.set(j, a);
        moved = true;
      }
    }
    if (moved) {
      publish();
    }
    return moved;
  }

  private void publish() {
    ranked.clear();
    for (SourceActivity<K> a : order) {
      ranked.add(a.key());
    }
    version++;
  }

  /** The sources, most active first. Read-only view; valid until the next call that changes it. */
  public List<K> ranked() {
    return view;
  }

  /** Moves whenever {@link #ranked()} changes. */
  public long version() {
    return version;
  }

  /** The activity of the source ranked at {@code i} (for tests and stats). */
  public SourceActivity<K> activityAt(int i) {
    return order.get(i);
  }

  public int size() {
    return order.size();
  }
}
