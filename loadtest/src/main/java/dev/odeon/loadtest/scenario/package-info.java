/**
 * The scenarios: {@code fanout} (1 publisher, N viewers, optional ramp), {@code join} (N viewers at
 * once), {@code stage} (scripted speakers, viewers with multiplexed audio slots excluding one speaker)
 * and {@code poll} (vote storms over the WebSocket or data channels, a backend reading tallies).
 */
package dev.odeon.loadtest.scenario;
