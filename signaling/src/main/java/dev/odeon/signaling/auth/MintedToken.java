package dev.odeon.signaling.auth;

import java.time.Instant;

/** A freshly signed token and the instant it stops being accepted (before clock skew). */
public record MintedToken(String token, Instant expiresAt) {}
