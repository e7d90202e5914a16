package dev.odeon.datachannel.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

/**
 * Two associations wired in memory with a fake clock and a seeded network that drops, duplicates
 * and reorders (random per-packet delay) packets.
 */
final class Link {
  static final long MS = 1_000_000L;

  private record InFlight(long at, long seq, boolean toB, byte[] bytes) {}

  final SctpAssociation a;
  final SctpAssociation b;
  final List<SctpEvent> eventsA = new ArrayList<>();
  final List<SctpEvent> eventsB = new ArrayList<>();
  final Random net;
  double loss;
  double duplicate;
  long delayMs = 10;
  long jitterMs = 20;
  /** (fromA, packet) -> true drops the packet; applied before random loss. */
  BiPredicate<Boolean, byte[]> dropIf = (fromA, p) -> false;
  long now = 1_000 * MS;
  long packetsCarried;
  private long seq;
  private final PriorityQueue<InFlight> queue = new PriorityQueue<>(
      (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));

  Link(SctpConfig config, long seed) {
    this(config, config, seed);
  }

  Link(SctpConfig configA, SctpConfig configB, long seed) {
    a = new SctpAssociation(configA, new Random(seed * 31 + 1));
    b = new SctpAssociation(configB, new Random(seed * 31 + 2));
    net = new Random(seed);
  }

  static SctpConfig lossTolerant(SctpConfig c) {
    return new SctpConfig(c.localPort(), c.remotePort(), c.mtu(), c.maxMessageSize(),
        c.maxReassemblyBytes(), c.receiveWindow(), c.maxSendBufferBytes(), c.numStreams(),
        c.rtoInitialMs(), c.rtoMinMs(), c.rtoMaxMs(), 30, 30, c.delayedAckMs(),
        c.heartbeatIntervalMs(), c.cookieLifetimeMs());
  }

  void connect() {
    a.connect(now);
    runUntil(() -> a.state() == SctpState.ESTABLISHED && b.state() == SctpState.ESTABLISHED,
        600_000 * MS);
  }

  void pump() {
    byte[] p;
    while ((p = a.pollTransmit()) != null) {
      carry(true, p);
    }
    while ((p = b.pollTransmit()) != null) {
      carry(false, p);
    }
    SctpEvent e;
    while ((e = a.pollEvent()) != null) {
      eventsA.add(e);
    }
    while ((e = b.pollEvent()) != null) {
      eventsB.add(e);
    }
  }

  private void carry(boolean fromA, byte[] p) {
    if (dropIf.test(fromA, p) || net.nextDouble() < loss) {
      return;
    }
    int copies = net.nextDouble() < duplicate ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      long delay = (delayMs + (jitterMs == 0 ? 0 : net.nextInt((int) jitterMs + 1))) * MS;
      queue.add(new InFlight(now + delay, seq++, fromA, p.clone()));
    }
  }

  /** Advances to the next packet or timer; returns false if nothing is pending. */
  boolean step() {
    pump();
    long next = Math.min(a.pollTimeout(), b.pollTimeout());
    if (!queue.isEmpty()) {
      next = Math.min(next, queue.peek().at);
    }
    if (next == Long.MAX_VALUE) {
      return false;
    }
    now = Math.max(now, next);
    while (!queue.isEmpty() && queue.peek().at <= now) {
      InFlight f = queue.poll();
      packetsCarried++;
      (f.toB ? b : a).handleInput(now, f.bytes, 0, f.bytes.length);
    }
    if (a.pollTimeout() <= now) {
      a.handleTimeout(now);
    }
    if (b.pollTimeout() <= now) {
      b.handleTimeout(now);
    }
    pump();
    return true;
  }

  void runUntil(BooleanSupplier done, long maxNanos) {
    long end = now + maxNanos;
    int steps = 0;
    while (!done.getAsBoolean() && now < end && step()) {
      if (++steps > 5_000_000) {
        throw new AssertionError("no progress: timer loop");
      }
    }
  }

  void runFor(long nanos) {
    runUntil(() -> false, nanos);
  }

  static <T> List<T> ofType(List<SctpEvent> events, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SctpEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
