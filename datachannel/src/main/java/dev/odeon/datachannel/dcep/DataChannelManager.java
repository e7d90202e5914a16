package dev.odeon.datachannel.dcep;

import dev.odeon.datachannel.dcep.DataChannel.State;
import dev.odeon.datachannel.sctp.ReliabilityPolicy;
import dev.odeon.datachannel.sctp.SctpAssociation;
import dev.odeon.datachannel.sctp.SctpEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Data channels over one association (RFC 8831, RFC 8832). Opens channels on stream ids of our
 * DTLS role's parity, accepts the peer's OPENs (refusing duplicates and wrong parity), carries
 * text/binary/empty messages with the WebRTC PPIDs, and closes channels by resetting both
 * directions of the stream (RFC 8831 §6.7).
 *
 * <p>Drive it after the association: call {@link #handleEvents(long)} whenever the association may
 * have events (after each {@code handleInput}/{@code handleTimeout}); it drains them and queues
 * {@link DataChannelEvent}s. Same thread as the association; sans-IO.
 */
public final class DataChannelManager {
  private final SctpAssociation association;
  private final DtlsRole role;
  private final Map<Integer, DataChannel> channels = new HashMap<>();
  private final ArrayDeque<DataChannelEvent> events = new ArrayDeque<>();
  private int nextId;
  private long malformed;
  private long duplicateOpens;
  private long unknownStream;

  public DataChannelManager(SctpAssociation association, DtlsRole role) {
    this.association = Objects.requireNonNull(association);
    this.role = Objects.requireNonNull(role);
    this.nextId = role.parity();
  }

  /**
   * Opens a channel: sends DATA_CHANNEL_OPEN on a free stream of our parity. Returns the channel
   * id, or -1 if the association is not established or no stream id is free. Messages may be sent
   * at once; they are ordered after the OPEN.
   */
  public int open(long nowNanos, String label, String protocol, ChannelType type,
      long reliabilityParameter) {
    DcepOpen open = new DcepOpen(type, 0, reliabilityParameter, label, protocol);
    int limit = association.outboundStreams();
    int id = nextId;
    while (id < limit && channels.containsKey(id)) {
      id += 2;
    }
    if (id >= limit) {
      id = role.parity();
      while (id < limit && channels.containsKey(id)) {
        id += 2;
      }
      if (id >= limit) {
        return -1;
      }
    }
    if (!association.send(nowNanos, id, Ppid.DCEP, open.encode(), true, ReliabilityPolicy.RELIABLE)) {
      return -1;
    }
    channels.put(id, new DataChannel(id, open, false, State.OPENING));
    nextId = id + 2;
    return id;
  }

  public boolean sendText(long nowNanos, int channelId, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return b.length == 0 ? send(nowNanos, channelId, Ppid.STRING_EMPTY, new byte[1])
        : send(nowNanos, channelId, Ppid.STRING, b);
  }

  public boolean sendBinary(long nowNanos, int channelId, byte[] data) {
    return data.length == 0 ? send(nowNanos, channelId, Ppid.BINARY_EMPTY, new byte[1])
        : send(nowNanos, channelId, Ppid.BINARY, data.clone());
  }

  private boolean send(long now, int id, int ppid, byte[] payload) {
    DataChannel c = channels.get(id);
    if (c == null || (c.state != State.OPEN && c.state != State.OPENING)) {
      return false;
    }
    // Until the ACK arrives, messages go ordered so none can overtake the OPEN (RFC 8832 §6).
    boolean ordered = c.type().ordered() || c.state == State.OPENING;
    return association.send(now, id, ppid, payload, ordered,
        c.type().policy(c.reliabilityParameter()));
  }

  /** Starts closing: resets our outgoing stream; {@code ChannelClosed} follows when both are. */
  public boolean close(long nowNanos, int channelId) {
    DataChannel c = channels.get(channelId);
    if (c == null || c.state == State.CLOSING || c.state == State.CLOSED) {
      return false;
    }
    c.state = State.CLOSING;
    return association.resetStream(nowNanos, channelId);
  }

  public DataChannel channel(int id) {
    return channels.get(id);
  }

  public DataChannelEvent pollEvent() {
    return events.poll();
  }

  /** Drains the association's events into channel events. */
  public void handleEvents(long nowNanos) {
    SctpEvent e;
    while ((e = association.pollEvent()) != null) {
      if (e instanceof SctpEvent.MessageReceived m) {
        handleMessage(nowNanos, m);
      } else if (e instanceof SctpEvent.StreamReset r) {
        handleReset(nowNanos, r);
      } else {
        events.add(new DataChannelEvent.AssociationEvent(e));
      }
    }
  }

  private void handleMessage(long now, SctpEvent.MessageReceived m) {
    int sid = m.streamId();
    if (m.ppid() == Ppid.DCEP) {
      DcepMessage msg = DcepMessage.parse(m.data());
      if (msg instanceof DcepOpen open) {
        handleOpen(now, sid, open);
      } else if (msg instanceof DcepAck) {
        DataChannel c = channels.get(sid);
        if (c != null && c.state == State.OPENING) {
          c.state = State.OPEN;
          events.add(new DataChannelEvent.ChannelOpened(c));
        }
      } else {
        malformed++;
        events.add(new DataChannelEvent.OpenRefused(sid, "malformed DCEP message"));
      }
      return;
    }
    DataChannel c = channels.get(sid);
    if (c == null || c.state == State.CLOSED) {
      unknownStream++;
      return;
    }
    switch (m.ppid()) {
      case Ppid.STRING -> events.add(new DataChannelEvent.TextMessage(sid,
          new String(m.data(), StandardCharsets.UTF_8)));
      case Ppid.STRING_EMPTY -> events.add(new DataChannelEvent.TextMessage(sid, ""));
      case Ppid.BINARY -> events.add(new DataChannelEvent.BinaryMessage(sid, m.data()));
      case Ppid.BINARY_EMPTY -> events.add(new DataChannelEvent.BinaryMessage(sid, new byte[0]));
      default -> malformed++;
    }
  }

  private void handleOpen(long now, int sid, DcepOpen open) {
    if (sid % 2 == role.parity()) {
      events.add(new DataChannelEvent.OpenRefused(sid, "stream id has our parity"));
      return;
    }
    if (channels.containsKey(sid)) {
      duplicateOpens++;
      events.add(new DataChannelEvent.OpenRefused(sid, "duplicate OPEN"));
      return;
    }
    DataChannel c = new DataChannel(sid, open, true, State.OPEN);
    channels.put(sid, c);
    association.send(now, sid, Ppid.DCEP, new DcepAck().encode(), true, ReliabilityPolicy.RELIABLE);
    events.add(new DataChannelEvent.ChannelOpened(c));
  }

  private void handleReset(long now, SctpEvent.StreamReset r) {
    DataChannel c = channels.get(r.streamId());
    if (c == null) {
      return;
    }
    if (r.incoming()) {
      c.incomingReset = true;
      if (c.state != State.CLOSING) {
        c.state = State.CLOSING;
        association.resetStream(now, c.id());
      }
    } else {
      c.outgoingReset = true;
    }
    if (c.incomingReset && c.outgoingReset) {
      c.state = State.CLOSED;
      channels.remove(c.id());
      events.add(new DataChannelEvent.ChannelClosed(c.id()));
    }
  }

  /** DCEP messages dropped as malformed, or with an unknown PPID. */
  public long malformedCount() {
    return malformed;
  }

  public long duplicateOpenCount() {
    return duplicateOpens;
  }

  /** Messages on streams with no open channel. */
  public long unknownStreamCount() {
    return unknownStream;
  }
}
