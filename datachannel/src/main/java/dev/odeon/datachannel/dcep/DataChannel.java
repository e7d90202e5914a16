package dev.odeon.datachannel.dcep;

/**
 * One data channel as the {@link DataChannelManager} tracks it: its stream id, what the OPEN said,
 * and where it is in its life. Mutable state belongs to the manager; same thread.
 */
public final class DataChannel {
  /** Lifecycle of a channel. */
  public enum State { OPENING, OPEN, CLOSING, CLOSED }

  private final int id;
  private final DcepOpen open;
  private final boolean remote;
  State state;
  boolean outgoingReset;
  boolean incomingReset;

  DataChannel(int id, DcepOpen open, boolean remote, State state) {
    this.id = id;
    this.open = open;
    this.remote = remote;
    this.state = state;
  }

  /** The SCTP stream id (same in both directions). */
  public int id() {
    return id;
  }

  public String label() {
    return open.label();
  }

  public String protocol() {
    return open.protocol();
  }

  public ChannelType type() {
    return open.channelType();
  }

  public long reliabilityParameter() {
    return open.reliabilityParameter();
  }

  /** True when the peer opened it. */
  public boolean isRemote() {
    return remote;
  }

  public State state() {
    return state;
  }
}
