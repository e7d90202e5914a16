package dev.odeon.datachannel.relay;

import java.util.ArrayDeque;

/**
 * One participant of a stream's interactive session: its identity, whether its token carries the
 * interactive-server grant ({@code official}), its rate limiter and its bounded outbound queue. The
 * relay's thread only.
 */
final class RelayConnection {
  final ConnectionId id;
  final String stream;
  final String identity;
  final boolean official;
  final Delivery delivery;
  final Transport transport;
  final TokenBucket bucket;
  final ArrayDeque<String> queue = new ArrayDeque<>();
  boolean closed;

  RelayConnection(ConnectionId id, String stream, String identity, boolean official,
      Delivery delivery, Transport transport, TokenBucket bucket) {
    this.id = id;
    this.stream = stream;
    this.identity = identity;
    this.official = official;
    this.delivery = delivery;
    this.transport = transport;
    this.bucket = bucket;
  }

  /**
   * Queues one message and pushes what the transport takes. Returns false when a reliable queue
   * overflowed: the caller must disconnect this connection.
   */
  boolean enqueue(String json, int limit, RelayCounters counters) {
    if (closed) {
      return true;
    }
    if (queue.size() >= limit) {
      if (delivery == Delivery.RELIABLE) {
        return false;
      }
      queue.poll();
      counters.droppedOldest++;
    }
    queue.add(json);
    flush(counters);
    return true;
  }

  /** Hands queued messages to the transport until it is full. */
  void flush(RelayCounters counters) {
    while (!closed && !queue.isEmpty()) {
      if (!transport.offer(queue.peek())) {
        return;
      }
      queue.poll();
      counters.eventsOut++;
    }
  }
}
