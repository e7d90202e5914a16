package dev.odeon.datachannel.dcep;

/** SCTP Payload Protocol Identifiers used by WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
  public static final int DCEP = 50;
  public static final int STRING = 51;
  public static final int BINARY = 53;
  public static final int STRING_EMPTY = 56;
  public static final int BINARY_EMPTY = 57;

  private Ppid() {}
}
