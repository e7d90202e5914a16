/**
 * The Data Channel Establishment Protocol (RFC 8832) over an {@link
 * dev.odeon.datachannel.sctp.SctpAssociation}: DATA_CHANNEL_OPEN / ACK codecs, channel types,
 * the WebRTC PPIDs (RFC 8831 §8) and {@link dev.odeon.datachannel.dcep.DataChannelManager}, which
 * opens, accepts, closes (RFC 6525 stream reset) and carries messages for channels. Sans-IO and
 * confined to the association's thread; malformed DCEP messages are dropped and counted.
 */
package dev.odeon.datachannel.dcep;
