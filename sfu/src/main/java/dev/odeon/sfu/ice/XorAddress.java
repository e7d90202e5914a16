package dev.odeon.sfu.ice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * XOR-MAPPED-ADDRESS value codec (RFC 8489 §14.2). The port is XORed with the top 16 bits of the magic
 * cookie, an IPv4 address with the cookie, an IPv6 address with the cookie followed by the
 * transaction id — that is, with header bytes 4..19 in order. Stateless; any thread.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                X-Address (Variable: 32 bits IPv4, 128 bits IPv6)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class XorAddress {
  private static final int FAMILY_IPV4 = 0x01;
  private static final int FAMILY_IPV6 = 0x02;

  private XorAddress() {}

  /**
   * Decodes the value at {@code msg[valueOff .. valueOff+valueLen)}; {@code headerOff} is where the
   * message starts. Returns null when the family or length is wrong.
   */
  static InetSocketAddress decode(byte[] msg, int headerOff, int valueOff, int valueLen) {
    if (valueLen < 4) {
      return null;
    }
    int family = msg[valueOff + 1] & 0xFF;
    int addrLen = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
    if (addrLen < 0 || valueLen != 4 + addrLen) {
      return null;
    }
    int port = (((msg[valueOff + 2] ^ msg[headerOff + 4]) & 0xFF) << 8)
        | ((msg[valueOff + 3] ^ msg[headerOff + 5]) & 0xFF);
    byte[] addr = new byte[addrLen];
    for (int i = 0; i < addrLen; i++) {
      addr[i] = (byte) (msg[valueOff + 4 + i] ^ msg[headerOff + 4 + i]);
    }
    try {
      // Inet6Address.getByAddress keeps an IPv4-mapped IPv6 address as IPv6, as it was sent.
      InetAddress ip = addrLen == 4
          ? InetAddress.getByAddress(addr)
          : Inet6Address.getByAddress(null, addr, -1);
      return new InetSocketAddress(ip, port);
    } catch (UnknownHostException e) {
      // Unreachable: the length is 4 or 16. Treat like any other malformed value.
      return null;
    }
  }

  /** Encodes {@code address} for a message whose header bytes 4..19 are {@code cookieAndTxId}. */
  static byte[] encode(InetSocketAddress address, byte[] cookieAndTxId) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      throw new IllegalArgumentException("unresolved address " + address);
    }
    byte[] addr = ip.getAddress();
    byte[] value = new byte[4 + addr.length];
    value[1] = (byte) (ip instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6);
    int port = address.getPort();
    value[2] = (byte) ((port >>> 8) ^ cookieAndTxId[0]);
    value[3] = (byte) (port ^ cookieAndTxId[1]);
    for (int i = 0; i < addr.length; i++) {
      value[4 + i] = (byte) (addr[i] ^ cookieAndTxId[i]);
    }
    return value;
  }
}
