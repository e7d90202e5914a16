/**
 * STUN (RFC 8489) and the server's ICE-lite agent (RFC 8445 §2.5, controlled role) with consent
 * freshness (RFC 7675).
 *
 * <p>What it owns: the STUN wire codec ({@link dev.odeon.sfu.ice.StunMessage} to parse,
 * {@link dev.odeon.sfu.ice.StunWriter} to encode), ICE credentials
 * ({@link dev.odeon.sfu.ice.IceCredentials}), and one {@link dev.odeon.sfu.ice.IceLiteAgent} per media
 * session that answers the browser's connectivity checks, follows its nomination and tracks consent.
 * The same codec builds the client's binding requests for tests and the load generator.
 *
 * <p>Threading: everything here is sans-IO and single-threaded. An agent belongs to the event-loop
 * thread that owns its session; nothing here opens sockets, starts threads, takes locks or reads the
 * clock (time is a {@code long nowNanos} parameter). The codec classes are stateless or immutable.
 *
 * <p>Bad input: {@link dev.odeon.sfu.ice.StunMessage#parse} returns {@code null} for anything malformed
 * and never throws; the agent answers bad requests with a {@link dev.odeon.sfu.ice.IceLiteAgent.Result}
 * naming the reason.
 */
package dev.odeon.sfu.ice;
