/**
 * Co-stream layouts as data. Empty until the co-stream issue: nothing here is used yet.
 */
package dev.odeon.layouts;
