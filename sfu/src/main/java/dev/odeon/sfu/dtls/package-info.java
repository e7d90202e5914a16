/**
 * DTLS 1.2 (RFC 6347) with the DTLS-SRTP extension (RFC 5764) over BouncyCastle's low-level
 * {@code org.bouncycastle.tls} API: the self-signed ECDSA P-256 certificate and its SDP fingerprint
 * (RFC 8122 §5), the server and client peers (ECDHE-ECDSA suites, {@code use_srtp} negotiation, peer
 * fingerprint check), and {@link dev.odeon.sfu.dtls.DtlsEndpoint}, the push-style (sans-IO) face of
 * BouncyCastle's pull-style handshake.
 *
 * <p>Threading: an endpoint is owned by its session's event-loop thread. The one exception to the sans-IO
 * rule is the handshake, which BouncyCastle runs as a blocking call: it runs on an executor task over
 * the queue transport in {@code dev.odeon.sfu.dtls.adapter}; after the handshake no thread is involved.
 */
package dev.odeon.sfu.dtls;
