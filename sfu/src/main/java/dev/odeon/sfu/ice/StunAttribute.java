package dev.odeon.sfu.ice;

/**
 * STUN attribute type numbers used here (RFC 8489 §18.3, RFC 8445 §16.1). Constants only.
 */
public final class StunAttribute {
  /** The only STUN method ICE uses (RFC 8489 §18.2). */
  public static final int METHOD_BINDING = 0x001;

  public static final int USERNAME = 0x0006;
  public static final int MESSAGE_INTEGRITY = 0x0008;
  public static final int ERROR_CODE = 0x0009;
  public static final int XOR_MAPPED_ADDRESS = 0x0020;
  public static final int PRIORITY = 0x0024;
  public static final int USE_CANDIDATE = 0x0025;
  public static final int SOFTWARE = 0x8022;
  public static final int FINGERPRINT = 0x8028;
  public static final int ICE_CONTROLLED = 0x8029;
  public static final int ICE_CONTROLLING = 0x802A;

  /** The fixed magic cookie in every RFC 5389/8489 header. */
  public static final int MAGIC_COOKIE = 0x2112A442;

  private StunAttribute() {}
}
