package dev.odeon.datachannel.relay;

/**
 * How the relay reaches one connection: a data channel or a WebSocket, supplied by the adapter
 * that registered it. Called on the relay's thread; must not block.
 */
public interface Transport {

  /**
   * Hands one serialized event to the transport now. False when the transport is full (its own
   * buffer is past its mark); the relay keeps the message queued and retries on
   * {@link InteractiveRelay#handleWritable} or its flush timer.
   */
  boolean offer(String json);

  /** The relay gave up on this connection (its reliable queue overflowed): close it with a reason. */
  void disconnect(String reason);
}
