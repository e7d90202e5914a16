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

  /** Closes a media session (publisher or viewer). Unknown ids are ignored. */
  void close(SessionId session, String reason);

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
