package dev.odeon.sfu.engine;

import java.net.InetSocketAddress;

/**
 * Where the engine's outgoing datagrams go. The UDP adapter sends them on the shared socket at
 * once; tests collect them. Called only on the media thread; the buffer is reused after return.
 */
@FunctionalInterface
public interface Transmitter {
  /** Sends one datagram; returns false when it could not be sent (counted by the caller). */
  boolean send(InetSocketAddress to, byte[] buf, int off, int len);
}
