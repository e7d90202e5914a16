/**
 * Load generator and benchmarks: {@link dev.odeon.loadtest.Main} is {@code ./odeon loadtest}. It starts
 * (or targets) a real Odeon server, drives it with synthetic publishers and viewers speaking real ICE,
 * DTLS and SRTP ({@code client}), runs a scenario ({@code scenario}) and reports a table, a plot and
 * one JSON line ({@code report}). {@code bench} holds the JMH floor benchmark.
 */
package dev.odeon.loadtest;
