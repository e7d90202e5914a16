package dev.odeon.datachannel.sctp;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Packs encoded chunks, in order, into packets of at most the MTU for one verification tag. */
final class PacketBuilder {
  private final SctpConfig config;
  private final int vtag;
  private final Deque<byte[]> sink;
  private final List<byte[]> chunks = new ArrayList<>();
  private int size = SctpPacket.HEADER;

  PacketBuilder(SctpConfig config, int vtag, Deque<byte[]> sink) {
    this.config = config;
    this.vtag = vtag;
    this.sink = sink;
  }

  void add(byte[] chunk) {
    int len = Wire.padded(chunk.length);
    if (!chunks.isEmpty() && size + len > config.mtu()) {
      finish();
    }
    chunks.add(chunk);
    size += len;
  }

  void finish() {
    if (!chunks.isEmpty()) {
      sink.add(SctpPacket.build(config.localPort(), config.remotePort(), vtag, chunks));
      chunks.clear();
      size = SctpPacket.HEADER;
    }
  }
}
