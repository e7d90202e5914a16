package dev.odeon.sfu.router;

import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.audio.ActivityConfig;
import dev.odeon.sfu.audio.SpeakerRanking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream: its sources by id (in publish order), its viewers, its speaker ranking, and the viewers
 * with a multiplexing switch announced but not yet bound. Media thread only.
 */
final class Stream {
  final StreamId id;
  final Map<dev.odeon.sfu.api.SourceId, Publisher> sources = new LinkedHashMap<>();
  final List<Viewer> viewers = new ArrayList<>();
  final SpeakerRanking<Publisher> ranking;
  final List<Viewer> pending = new ArrayList<>();
  /** Sources a moderator muted: their audio is received but not forwarded, across re-publishing. */
  final java.util.Set<dev.odeon.sfu.api.SourceId> muted = new java.util.HashSet<>();
  /** The stage's featured source (its newest speaker): main slots show it while it is live. */
  dev.odeon.sfu.api.SourceId featured;

  Stream(StreamId id, ActivityConfig config) {
    this.id = id;
    this.ranking = new SpeakerRanking<>(config);
  }

  /**
   * The viewer's pinned source (null while not live); else the featured source when it is live and
   * the viewer admits it; else the first live source this viewer admits.
   */
  Publisher mainSourceFor(Viewer v) {
    if (v.options.pinnedSourceId() != null) {
      Publisher p = sources.get(v.options.pinnedSourceId());
      return p != null && p.active ? p : null;
    }
    Publisher f = featured == null ? null : sources.get(featured);
    if (f != null && f.active && v.admits(f)) {
      return f;
    }
    for (Publisher p : sources.values()) {
      if (p.active && v.admits(p)) {
        return p;
      }
    }
    return null;
  }

  boolean isEmpty() {
    return sources.isEmpty() && viewers.isEmpty() && featured == null && muted.isEmpty();
  }
}
