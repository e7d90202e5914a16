package dev.odeon.datachannel.relay;

/** What a connection's transport promises, which decides its queue overflow policy. */
public enum Delivery {
  /** Every event must arrive (WebSocket, reliable data channel): past the bound, disconnect. */
  RELIABLE,
  /** Events may be lost (unordered, partially reliable data channel): past the bound, drop oldest. */
  LOSSY
}
