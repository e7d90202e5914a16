/**
 * SCTP (RFC 9260) as WebRTC profiles it (RFC 8831): one association per DTLS connection, each SCTP
 * packet carried in one DTLS application-data record, no multi-homing, ports 5000/5000.
 *
 * <p>Sans-IO: {@link dev.odeon.datachannel.sctp.SctpAssociation} takes packets and time as method
 * arguments and queues packets, events and its next deadline for the caller to poll. Nothing here
 * opens sockets, starts threads, takes locks or reads the clock; every object is confined to the
 * thread that owns the association (the shard's event loop). Extensions: FORWARD-TSN (RFC 3758),
 * stream reconfiguration (RFC 6525, outgoing SSN reset only). Wire types live one per file with the
 * RFC diagram on top; bad network input is dropped and counted in {@link
 * dev.odeon.datachannel.sctp.SctpCounters}, never thrown.
 */
package dev.odeon.datachannel.sctp;
