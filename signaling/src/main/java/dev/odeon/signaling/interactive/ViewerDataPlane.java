package dev.odeon.signaling.interactive;

import dev.odeon.datachannel.dcep.ChannelType;
import dev.odeon.datachannel.dcep.DataChannel;
import dev.odeon.datachannel.dcep.DataChannelEvent;
import dev.odeon.datachannel.dcep.DataChannelManager;
import dev.odeon.datachannel.dcep.DtlsRole;
import dev.odeon.datachannel.relay.ConnectionId;
import dev.odeon.datachannel.relay.Delivery;
import dev.odeon.datachannel.relay.InteractiveRelay;
import dev.odeon.datachannel.relay.Transport;
import dev.odeon.datachannel.sctp.SctpAssociation;
import dev.odeon.datachannel.sctp.SctpConfig;
import dev.odeon.datachannel.sctp.SctpEvent;
import dev.odeon.sfu.data.DataPlane;
import dev.odeon.sfu.data.DataSession;
import dev.odeon.sfu.data.DataSink;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer session's data channels: an SCTP association (we are the DTLS server, so odd stream
 * ids are ours; the browser's INIT is answered, we never initiate) and DCEP over it. Each channel
 * the browser opens joins the stream's interactive session as one relay connection with the
 * session's identity, never official; reliable channels get the reliable queue policy, partially
 * reliable ones the lossy one. Media thread only.
 */
final class ViewerDataPlane implements DataPlane {
  private static final Logger LOG = LoggerFactory.getLogger(ViewerDataPlane.class);
  /** Past this much unacknowledged SCTP data the relay keeps events queued for this viewer. */
  private static final long BUFFERED_MARK = 256 * 1024;
  /** Channels per session that join the relay; more would multiply the per-connection rate limit. */
  static final int MAX_CHANNELS = 4;

  private final InteractiveRelay relay;
  private final DataSession session;
  private final DataSink sink;
  private final SctpAssociation sctp;
  private final DataChannelManager channels;
  private final Map<Integer, ConnectionId> joined = new HashMap<>();
  private final MediaClock clock;
  private boolean closed;

  ViewerDataPlane(InteractiveRelay relay, DataSession session, DataSink sink, Random random,
      MediaClock clock) {
    this.relay = relay;
    this.clock = clock;
    this.session = session;
    this.sink = sink;
    this.sctp = new SctpAssociation(SctpConfig.defaults(), random);
    this.channels = new DataChannelManager(sctp, DtlsRole.SERVER);
  }

  @Override
  public void handleData(long nowNanos, byte[] record) {
    clock.advance(nowNanos);
    sctp.handleInput(nowNanos, record, 0, record.length);
    pump(nowNanos);
  }

  @Override
  public void handleTimeout(long nowNanos) {
    clock.advance(nowNanos);
    sctp.handleTimeout(nowNanos);
    pump(nowNanos);
  }

  @Override
  public long pollTimeout() {
    return closed ? Long.MAX_VALUE : sctp.pollTimeout();
  }

  @Override
  public void close(long nowNanos, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    for (ConnectionId id : joined.values()) {
      relay.disconnect(nowNanos, id);
    }
    joined.clear();
  }

  private void pump(long nowNanos) {
    channels.handleEvents(nowNanos);
    for (DataChannelEvent e; (e = channels.pollEvent()) != null; ) {
      if (e instanceof DataChannelEvent.ChannelOpened opened) {
        join(nowNanos, opened.channel());
      } else if (e instanceof DataChannelEvent.TextMessage text) {
        ConnectionId id = joined.get(text.channelId());
        if (id != null) {
          relay.handleMessage(nowNanos, id, text.text());
        }
      } else if (e instanceof DataChannelEvent.ChannelClosed c) {
        ConnectionId id = joined.remove(c.channelId());
        if (id != null) {
          relay.disconnect(nowNanos, id);
        }
      } else if (e instanceof DataChannelEvent.AssociationEvent a
          && (a.event() instanceof SctpEvent.Aborted || a.event() instanceof SctpEvent.Closed)) {
        LOG.debug("session {}: SCTP ended: {}", session.session().value(), a.event());
        close(nowNanos, "association ended");
      }
      // Binary messages are not part of the interactive protocol; DCEP counted refused OPENs.
    }
    if (sctp.bufferedAmount() < BUFFERED_MARK) {
      for (ConnectionId id : joined.values()) {
        relay.handleWritable(id);
      }
    }
    transmit();
  }

  private void join(long nowNanos, DataChannel channel) {
    if (closed || joined.containsKey(channel.id())) {
      return;
    }
    if (joined.size() >= MAX_CHANNELS) {
      LOG.debug("session {}: refusing data channel {} past {}", session.session().value(), channel.id(), MAX_CHANNELS);
      channels.close(nowNanos, channel.id());
      return;
    }
    ChannelType type = channel.type();
    Delivery delivery = type == ChannelType.RELIABLE || type == ChannelType.RELIABLE_UNORDERED
        ? Delivery.RELIABLE : Delivery.LOSSY;
    int channelId = channel.id();
    ConnectionId id = relay.connect(nowNanos, session.stream().value(), session.identity(), false,
        delivery, new ChannelTransport(channelId));
    joined.put(channelId, id);
  }

  private void transmit() {
    for (byte[] packet; (packet = sctp.pollTransmit()) != null; ) {
      sink.send(packet);
    }
  }

  /** The relay's view of one data channel. */
  private final class ChannelTransport implements Transport {
    private final int channelId;

    ChannelTransport(int channelId) {
      this.channelId = channelId;
    }

    @Override
    public boolean offer(String json) {
      if (closed) {
        return true;
      }
      if (sctp.bufferedAmount() >= BUFFERED_MARK || !channels.sendText(clock.now(), channelId, json)) {
        return false;
      }
      transmit();
      return true;
    }

    @Override
    public void disconnect(String reason) {
      joined.remove(channelId);
      LOG.info("session {}: closing data channel {}: {}", session.session().value(), channelId, reason);
      channels.close(clock.now(), channelId);
      transmit();
    }
  }
}
