/**
 * The composition root: {@link dev.odeon.signaling.Main} (command line), {@link
 * dev.odeon.signaling.Launcher} (start order: media engine, then HTTP; the ready line) and {@link
 * dev.odeon.signaling.SignalingServer} (Netty bootstrap wiring http, ws, auth and metrics). Runs on
 * the main thread; the server's own threads are Netty's and the stream hub's.
 */
package dev.odeon.signaling;
