package dev.odeon.loadtest.client;

import dev.odeon.datachannel.dcep.ChannelType;
import dev.odeon.datachannel.dcep.DataChannelEvent;
import dev.odeon.datachannel.dcep.DataChannelManager;
import dev.odeon.datachannel.dcep.DtlsRole;
import dev.odeon.datachannel.sctp.SctpAssociation;
import dev.odeon.datachannel.sctp.SctpConfig;
import dev.odeon.datachannel.sctp.SctpEvent;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A viewer's WebRTC data channel, as a browser's {@code pc.createDataChannel('odeon')}: Odeon's own
 * SCTP association ({@link SctpAssociation}, the initiator, as the DTLS client) and DCEP
 * ({@link DataChannelManager}) carried in DTLS application data. Once the association is up it opens
 * one reliable channel labelled {@code odeon}; text messages go to {@code onText}. Owned by the
 * {@link UdpLoop} thread (sans-IO: time is a parameter; SCTP packets go out through {@code out}).
 */
public final class DataChannelClient {
  private final SctpAssociation sctp;
  private final DataChannelManager channels;
  private final Consumer<String> onText;
  private final CompletableFuture<DataChannelClient> open = new CompletableFuture<>();
  private Consumer<byte[]> out;
  private final String label;
  private int channelId = -1;

  public DataChannelClient(Random random, Consumer<String> onText) {
    this(random, "odeon", onText);
  }

  /** A client whose channel is labelled {@code label} (Janus's TextRoom answers on {@code JanusDataChannel}). */
  public DataChannelClient(Random random, String label, Consumer<String> onText) {
    this.label = label;
    this.sctp = new SctpAssociation(SctpConfig.defaults(), random);
    this.channels = new DataChannelManager(sctp, DtlsRole.CLIENT);
    this.onText = onText;
  }

  /** Completes when the channel is open (the server acknowledged it). */
  public CompletableFuture<DataChannelClient> opened() {
    return open;
  }

  /** DTLS is up: starts the SCTP handshake; {@code out} sends one SCTP packet as DTLS application data. */
  void start(long nowNanos, Consumer<byte[]> out) {
    this.out = out;
    sctp.connect(nowNanos);
    pump(nowNanos);
  }

  /** One decrypted DTLS application-data record (an SCTP packet). */
  void handleRecord(long nowNanos, byte[] record) {
    sctp.handleInput(nowNanos, record, 0, record.length);
    pump(nowNanos);
  }

  /** Runs SCTP timers that are due (retransmissions, SACK delay, heartbeats). */
  void tick(long nowNanos) {
    if (out != null && nowNanos >= sctp.pollTimeout()) {
      sctp.handleTimeout(nowNanos);
      pump(nowNanos);
    }
  }

  /** Sends a text message on the channel; false when it is not open or the send buffer is full. */
  boolean send(long nowNanos, String text) {
    if (channelId < 0 || !channels.sendText(nowNanos, channelId, text)) {
      return false;
    }
    pump(nowNanos);
    return true;
  }

  private void pump(long nowNanos) {
    channels.handleEvents(nowNanos);
    for (DataChannelEvent e; (e = channels.pollEvent()) != null; ) {
      if (e instanceof DataChannelEvent.AssociationEvent a && a.event() instanceof SctpEvent.Connected) {
        channelId = channels.open(nowNanos, label, "", ChannelType.RELIABLE, 0);
      } else if (e instanceof DataChannelEvent.ChannelOpened o && o.channel().id() == channelId) {
        open.complete(this);
      } else if (e instanceof DataChannelEvent.TextMessage t) {
        onText.accept(t.text());
      } else if (e instanceof DataChannelEvent.AssociationEvent a
          && (a.event() instanceof SctpEvent.Aborted || a.event() instanceof SctpEvent.Closed)) {
        open.completeExceptionally(new java.io.IOException("SCTP ended: " + a.event()));
      }
    }
    for (byte[] p; (p = sctp.pollTransmit()) != null; ) {
      out.accept(p);
    }
  }
}
