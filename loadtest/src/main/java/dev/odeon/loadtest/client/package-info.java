/**
 * Synthetic WebRTC clients built from Odeon's own protocol code (STUN binding requests, the DTLS client
 * role, SRTP, RTP/RTCP, SDP): {@link dev.odeon.loadtest.client.SignalingClient} does the WebSocket
 * commands, {@link dev.odeon.loadtest.client.UdpLoop} owns every peer's socket, DTLS endpoint and SRTP
 * session on one thread, {@link dev.odeon.loadtest.client.MediaSource} shapes the publisher's media,
 * {@link dev.odeon.loadtest.client.DataChannelClient} is a viewer's data channel (SCTP and DCEP over DTLS).
 */
package dev.odeon.loadtest.client;
