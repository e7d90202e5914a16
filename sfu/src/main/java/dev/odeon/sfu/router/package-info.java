/**
 * Streams, their published sources, and the viewers they fan out to. Owns the per-packet
 * forwarding decision and the per-viewer rewriting that keeps each viewer's streams continuous.
 * Media thread only; sans-IO (packets leave through {@link dev.odeon.sfu.router.Endpoint}).
 * State that spans packets is described in {@code docs/forwarding.md}.
 */
package dev.odeon.sfu.router;
