/**
 * Data channels: SCTP over DTLS (RFC 9260 as profiled by RFC 8831), DCEP (RFC 8832) and the
 * interactive event relay. All code here is sans-IO.
 */
package dev.odeon.datachannel;
