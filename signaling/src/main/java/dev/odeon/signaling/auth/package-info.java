/**
 * Access tokens: HS256 JWTs minted and verified with nimbus-jose-jwt. {@link
 * dev.odeon.signaling.auth.TokenService} is immutable after construction and safe to call from any
 * thread (Netty event loops verify tokens during the WebSocket upgrade). RFC 7519 (JWT), RFC 7515
 * (JWS), RFC 8725 (JWT best current practices: pinned algorithm, audience, bounded skew).
 */
package dev.odeon.signaling.auth;
