package dev.odeon.sfu.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendBatchTest {
  private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 5001);
  private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 5002);

  /** One send as the sink saw it: address, segment size and the datagrams it splits into. */
  record Send(InetSocketAddress to, int segmentSize, List<byte[]> datagrams) {
    @Override
    public String toString() {
      return to.getPort() + ":" + segmentSize + ":" + datagrams.stream().map(d -> d[0] + "/" + d.length).toList();
    }
  }

  private final List<Send> sends = new ArrayList<>();
  private final SendBatch.Sink sink = (to, data, off, len, seg) -> {
    List<byte[]> parts = new ArrayList<>();
    for (int p = off; p < off + len; p += seg) {
      parts.add(Arrays.copyOfRange(data, p, Math.min(p + seg, off + len)));
    }
    sends.add(new Send(to, seg, parts));
  };

  /** A datagram whose first byte is its tag and whose length is {@code len}. */
  private static byte[] d(int tag, int len) {
    byte[] b = new byte[len];
    Arrays.fill(b, (byte) tag);
    return b;
  }

  private static void add(SendBatch batch, InetSocketAddress to, byte[] datagram) {
    byte[] framed = new byte[datagram.length + 8];
    System.arraycopy(datagram, 0, framed, 4, datagram.length);
    batch.add(to, framed, 4, datagram.length);
  }

  @Test
  void groupsPerAddressInOrderIntoGsoShapes() {
    SendBatch batch = new SendBatch(1 << 20, 1024, SendBatch.MAX_GSO_SEGMENTS, sink);
    add(batch, A, d(1, 1200));
    add(batch, B, d(2, 1200));
    add(batch, A, d(3, 1200));
    add(batch, A, d(4, 100)); // shorter: closes A's first send
    add(batch, B, d(5, 1300)); // longer: B starts a second send
    add(batch, A, d(6, 1200));
    add(batch, A, d(7, 1200));
    batch.flush();
    assertEquals("[5001:1200:[1/1200, 3/1200, 4/100], 5001:1200:[6/1200, 7/1200], 5002:1200:[2/1200], 5002:1300:[5/1300]]",
        sends.toString());
    assertEquals(0, batch.pending());
    batch.flush();
    assertEquals(4, sends.size(), "an empty flush sends nothing");
  }

  @Test
  void everyByteArrivesUnchanged() {
    SendBatch batch = new SendBatch(1 << 20, 1024, SendBatch.MAX_GSO_SEGMENTS, sink);
    byte[] x = new byte[700];
    for (int i = 0; i < x.length; i++) {
      x[i] = (byte) (i * 31);
    }
    add(batch, A, x);
    add(batch, A, x);
    batch.flush();
    assertArrayEquals(x, sends.get(0).datagrams().get(0));
    assertArrayEquals(x, sends.get(0).datagrams().get(1));
  }

  @Test
  void capsSegmentsAndBytesPerSend() {
    SendBatch batch = new SendBatch(1 << 20, 1024, SendBatch.MAX_GSO_SEGMENTS, sink);
    for (int i = 0; i < 100; i++) {
      add(batch, A, d(i, 500));
    }
    for (int i = 0; i < 60; i++) {
      add(batch, B, d(i, 1400));
    }
    batch.flush();
    List<Integer> counts = sends.stream().map(s -> s.datagrams().size()).toList();
    int perSend = SendBatch.MAX_GSO_BYTES / 1400;
    assertEquals(List.of(64, 36, perSend, 60 - perSend), counts);
  }

  @Test
  void withoutGsoEveryDatagramIsItsOwnSend() {
    SendBatch batch = new SendBatch(1 << 20, 1024, 1, sink);
    add(batch, A, d(1, 1200));
    add(batch, A, d(2, 1200));
    add(batch, B, d(3, 1200));
    batch.flush();
    assertEquals("[5001:1200:[1/1200], 5001:1200:[2/1200], 5002:1200:[3/1200]]", sends.toString());
  }

  @Test
  void flushesByItselfWhenFull() {
    SendBatch batch = new SendBatch(3000, 4, SendBatch.MAX_GSO_SEGMENTS, sink);
    add(batch, A, d(1, 1200));
    add(batch, A, d(2, 1200));
    add(batch, A, d(3, 1200)); // 3600 bytes would not fit: the first two go out
    assertEquals("[5001:1200:[1/1200, 2/1200]]", sends.toString());
    add(batch, A, d(4, 10));
    add(batch, A, d(5, 10));
    add(batch, A, d(6, 10));
    add(batch, A, d(7, 10)); // the fifth datagram: the four before go out
    assertEquals("[5001:1200:[1/1200, 2/1200], 5001:1200:[3/1200, 4/10], 5001:10:[5/10, 6/10]]", sends.toString());
    assertEquals(1, batch.pending());
  }

  @Test
  void tellsWhetherEverythingPendingMayWait() {
    SendBatch batch = new SendBatch(1 << 20, 1024, SendBatch.MAX_GSO_SEGMENTS, sink);
    assertEquals(false, batch.onlyDeferrable(), "nothing pending");
    batch.add(A, d(1, 1200), 0, 1200, true);
    batch.add(B, d(2, 1200), 0, 1200, true);
    assertEquals(true, batch.onlyDeferrable());
    batch.add(A, d(3, 900), 0, 900, false); // a frame's last packet, or audio
    assertEquals(false, batch.onlyDeferrable());
    batch.flush();
    batch.add(A, d(4, 1200), 0, 1200, true);
    assertEquals(true, batch.onlyDeferrable(), "a flush starts over");
  }
}
