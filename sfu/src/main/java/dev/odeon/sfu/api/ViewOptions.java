package dev.odeon.sfu.api;

import java.util.Set;

/**
 * How a viewer wants to watch a multisource stream (docs/multiplexing.md).
 *
 * @param pinnedSourceId the source whose audio and video go to the main slots; null: the first
 *     live source that is not excluded
 * @param multiplexedAudioTracks extra audio slots the server fills with the most active speakers;
 *     the engine accepts 0 to {@link #MAX_MULTIPLEXED_AUDIO_TRACKS} and refuses anything else with
 *     {@code too_many_slots} (this record does not throw, so bad input reaches that check)
 * @param excludedSourceIds sources never sent to this viewer (typically its own)
 */
public record ViewOptions(SourceId pinnedSourceId, int multiplexedAudioTracks, Set<SourceId> excludedSourceIds) {
  /** The most multiplexed audio slots one viewer may open. */
  public static final int MAX_MULTIPLEXED_AUDIO_TRACKS = 16;

  /** One audio and one video slot fed from the first live source: the pre-multisource behaviour. */
  public static final ViewOptions DEFAULT = new ViewOptions(null, 0, Set.of());

  public ViewOptions {
    excludedSourceIds = excludedSourceIds == null ? Set.of() : Set.copyOf(excludedSourceIds);
  }
}
