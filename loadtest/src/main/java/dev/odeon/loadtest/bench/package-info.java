/**
 * JMH benchmarks. {@link dev.odeon.loadtest.bench.FloorBench} measures the least work a forwarded packet
 * needs on this machine (UDP receive + SRTP unprotect + N x (SRTP protect + UDP send) on 127.0.0.1),
 * the floor that Odeon's CPU per forwarded packet is reported against.
 */
package dev.odeon.loadtest.bench;
