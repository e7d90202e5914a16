package dev.odeon.sfu.engine;

import java.net.InetSocketAddress;

/**
 * Where the engine's outgoing datagrams go. The UDP adapter sends them on the shared socket by the
 * end of the media thread's turn; tests collect them. Called only on the media thread; the buffer is
 * reused after return.
 */
@FunctionalInterface
public interface Transmitter {
  /** Sends one datagram; returns false when it could not be sent (counted by the caller). */
  boolean send(InetSocketAddress to, byte[] buf, int off, int len);

  /**
   * Sends one datagram that may wait a few milliseconds for its successors ({@code deferrable}: a
   * video packet that is not the last of its frame), so that they can leave together in one GSO
   * send. The frame is complete no later than it would have been: its last packet is not deferrable.
   */
  default boolean send(InetSocketAddress to, byte[] buf, int off, int len, boolean deferrable) {
    return send(to, buf, off, len);
  }
}
