/**
 * The media engine: the table of sessions, the demultiplexing of every datagram on the shared port
 * (RFC 7983 by first byte, then by 5-tuple, new 5-tuples only through an authenticated STUN
 * binding request), and the commands that create and end sessions. Media thread only; sans-IO:
 * datagrams come in as method calls and leave through a {@link dev.odeon.sfu.engine.Transmitter}.
 */
package dev.odeon.sfu.engine;
