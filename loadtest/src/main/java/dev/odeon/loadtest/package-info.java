/**
 * Load generator and benchmarks. Empty until the benchmarks issue: nothing here runs yet.
 */
package dev.odeon.loadtest;
