package dev.odeon.sfu.ice;

import java.util.HexFormat;

/** The RFC 5769 test vectors, shared by the STUN tests. */
final class StunTestBytes {
  static final String PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";

  /** §2.1 sample request: SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME "evtj:h6vY", MI, FP. */
  static final byte[] REQUEST = hex(
      "000100582112a442b7e7a701bc34d686fa87dfae"
          + "802200105354554e207465737420636c69656e74"
          + "002400046e0001ff"
          + "80290008932ff9b151263b36"
          + "000600096576746a3a68367659202020"
          + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
          + "80280004e57a3bcf");

  /** §2.2 sample IPv4 response: SOFTWARE, XOR-MAPPED-ADDRESS 192.0.2.1:32853, MI, FP. */
  static final byte[] RESPONSE_IPV4 = hex(
      "0101003c2112a442b7e7a701bc34d686fa87dfae"
          + "8022000b7465737420766563746f7220"
          + "002000080001a147e112a643"
          + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
          + "80280004c07d4c96");

  /** §2.3 sample IPv6 response: XOR-MAPPED-ADDRESS [2001:db8:1234:5678:11:2233:4455:6677]:32853. */
  static final byte[] RESPONSE_IPV6 = hex(
      "010100482112a442b7e7a701bc34d686fa87dfae"
          + "8022000b7465737420766563746f7220"
          + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
          + "00080014a382954e4be67bf11784c97c8292c275bfe3ed41"
          + "80280004c8fb0b4c");

  static final byte[] TX_ID = hex("b7e7a701bc34d686fa87dfae");

  private StunTestBytes() {}

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
