/** Results: a latency histogram, the human-readable table, the HTML/SVG plot and the closing JSON line. */
package dev.odeon.loadtest.report;
