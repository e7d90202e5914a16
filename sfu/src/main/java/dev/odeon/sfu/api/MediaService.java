package dev.odeon.sfu.api;

import java.util.concurrent.CompletableFuture;

/**
 * What the signaling layer may ask of the media engine. Every method is thread-safe: it posts a
 * command to the media thread that owns the sessions and returns at once.
 */
public interface MediaService {

  /**
   * Accepts a browser's SDP offer to publish one source of a stream. The future completes with the
   * SDP answer, or exceptionally with a {@link MediaException} carrying a client-facing code.
   */
  CompletableFuture<SessionAnswer> publish(PublishRequest request);

  /** Accepts a browser's recvonly SDP offer to watch a stream. */
  CompletableFuture<SessionAnswer> view(ViewRequest request);

  /**
   * Sends {@code source}'s tracks into the viewer session's chosen receive slots. Completes
   * exceptionally with a {@link MediaException}: {@code unknown_session}, {@code unknown_source},
   * {@code unknown_mid}, {@code kind_mismatch}, {@code excluded_source} or {@code bad_request}.
   */
  default CompletableFuture<Void> project(SessionId viewer, SourceId source, java.util.List<Projection> mapping) {
    return CompletableFuture.failedFuture(new MediaException("unsupported", "projection is not supported"));
  }

  /** Empties the viewer session's slots {@code mids} (they return to their default role). */
  default CompletableFuture<Void> unproject(SessionId viewer, java.util.List<String> mids) {
    return CompletableFuture.failedFuture(new MediaException("unsupported", "projection is not supported"));
  }

  /** Closes a media session (publisher or viewer). Unknown ids are ignored. */
  void close(SessionId session, String reason);

  /**
   * Stops (muted) or resumes forwarding the audio of one source of a stream, from the next packet
   * on; holds across re-publishing until unmuted or {@link #forgetStream}. Unknown sources are
   * remembered (a speaker may be muted before its media flows).
   */
  void setMuted(StreamId stream, SourceId source, boolean muted);

  /**
   * Viewers of {@code stream} watch {@code source} whenever it is live (the stage's featured
   * speaker); null returns to the default (the first live source).
   */
  void setFeatured(StreamId stream, SourceId source);

  /** Forgets a stream's moderation state (mutes, featured source) once its stage ended. */
  void forgetStream(StreamId stream);

  /** Registers the single listener for engine events. */
  void setListener(MediaEvents listener);

  /** Counters for metrics, readable from any thread (values may lag by one packet). */
  MediaStats stats();

  /**
   * Plugs in the data channel carrier (see {@link dev.odeon.sfu.data.DataPlanes}); its methods run
   * on the media thread. Engines without data channel support refuse.
   */
  default void setDataPlanes(dev.odeon.sfu.data.DataPlanes planes) {
    throw new UnsupportedOperationException("this media service carries no data channels");
  }

  /**
   * Runs {@code task} on the media thread with the current time in nanoseconds (the data planes'
   * clock), for work that must share that thread's state. False when it could not be queued.
   */
  default boolean execute(java.util.function.LongConsumer task) {
    return false;
  }
}
