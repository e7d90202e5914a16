/**
 * The one place where DTLS touches threads: {@link dev.odeon.sfu.dtls.adapter.QueueDatagramTransport}
 * turns BouncyCastle's blocking {@code DatagramTransport} into two queues, so that the handshake can run
 * as a blocking executor task while the owning event loop pushes datagrams in and polls them out.
 * After the handshake the same transport works non-blocking on the event-loop thread.
 */
package dev.odeon.sfu.dtls.adapter;
