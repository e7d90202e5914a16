package dev.odeon.datachannel.dcep;

/** Our DTLS role, which fixes stream-id parity (RFC 8832 §6): client even, server odd. */
public enum DtlsRole {
  CLIENT,
  SERVER;

  int parity() {
    return this == CLIENT ? 0 : 1;
  }
}
