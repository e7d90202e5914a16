/** The server under test: started as its own process (or targeted), and its CPU and memory read from /proc. */
package dev.odeon.loadtest.server;
