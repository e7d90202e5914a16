/** The scenarios: {@code fanout} (1 publisher, N viewers, optional ramp) and {@code join} (N viewers at once). */
package dev.odeon.loadtest.scenario;
