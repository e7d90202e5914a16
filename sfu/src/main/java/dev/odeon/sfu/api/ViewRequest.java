package dev.odeon.sfu.api;

/** A browser offers to watch {@code stream} (recvonly transceivers), with its viewing options. */
public record ViewRequest(StreamId stream, String offerSdp, String identity, ViewOptions options) {
  public ViewRequest {
    options = options == null ? ViewOptions.DEFAULT : options;
  }

  /** A plain view: main slots fed from the first live source, no multiplexing. */
  public ViewRequest(StreamId stream, String offerSdp, String identity) {
    this(stream, offerSdp, identity, ViewOptions.DEFAULT);
  }
}
