/**
 * SRTP and SRTCP (RFC 3711, AES-GCM per RFC 7714) over jitsi-srtp: {@link dev.odeon.sfu.srtp.SrtpSession}
 * protects and unprotects packets in place, one crypto context per SSRC and direction, derived on demand
 * from the DTLS-SRTP keys ({@link dev.odeon.sfu.srtp.SrtpKeys}, RFC 5764 §4.2).
 *
 * <p>Threading: a session is owned by the event-loop thread of its media session; nothing here starts a
 * thread or reads the clock. The crypto provider is forced to SunJCE once per JVM ({@code JceCrypto}),
 * because jitsi-srtp's bundled OpenSSL path measured 1.5–2x slower here.
 *
 * <p>Buffers: protect grows the packet by the auth tag (and the SRTCP index); callers allocate
 * {@link dev.odeon.sfu.srtp.SrtpSession#MAX_OVERHEAD} spare bytes after every outbound packet.
 */
package dev.odeon.sfu.srtp;
