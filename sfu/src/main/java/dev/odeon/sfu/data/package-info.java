/**
 * The plug point for DTLS application data (WebRTC data channels): the media engine hands each
 * session's decrypted application records to a {@link dev.odeon.sfu.data.DataPlane} that the
 * composition root supplies through {@link dev.odeon.sfu.data.DataPlanes}, and the plane answers
 * through a {@link dev.odeon.sfu.data.DataSink}. This keeps {@code sfu} free of any dependency on
 * the {@code datachannel} module (DESIGN.md). Everything here runs on the media thread, with no
 * hand-off per record; time is a {@code long nowNanos} parameter.
 */
package dev.odeon.sfu.data;
