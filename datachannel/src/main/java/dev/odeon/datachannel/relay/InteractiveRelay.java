package dev.odeon.datachannel.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The interactive event relay (docs/interactive.md). Connections register per stream with their
 * token identity and whether they hold the interactive-server grant; messages are JSON objects
 * routed by {@code type}:
 *
 * <ul>
 *   <li>{@code event}: a custom event. The relay strips any client copy of {@code from} and
 *       {@code official}, stamps the sender's identity and grant, and routes viewer events to the
 *       stream's backends and backend events to every viewer (or the identities in {@code to}).
 *   <li>{@code vote}: a viewer's vote in an open poll ({@link Polls}).
 *   <li>backend only: {@code session.start}, {@code session.close}, {@code poll.open},
 *       {@code poll.close}, {@code viewercount.get}.
 * </ul>
 *
 * <p>System events ({@code type:"system"}): {@code user.joined}/{@code user.left} to backends,
 * {@code session.started}/{@code session.closed} to everyone, {@code viewercount} to the asker.
 * Every refusal is an {@code error} event to the sender and a counter.
 *
 * <p>Sans-IO and single-threaded (the media thread in the server): time is a parameter, output goes
 * through each connection's {@link Transport} via a bounded queue.
 */
public final class InteractiveRelay {
  private static final long FLUSH_RETRY_NANOS = 50_000_000L;

  private final RelayConfig config;
  private final RelayCounters counters = new RelayCounters();
  private final EventParser parser;
  private final Map<ConnectionId, RelayConnection> connections = new HashMap<>();
  private final Map<String, Room> rooms = new HashMap<>();
  private final Set<RelayConnection> backlogged = new LinkedHashSet<>();
  private final Polls polls;
  private long nextId = 1;
  private long flushAt = Long.MAX_VALUE;
  private long lastNow;

  public InteractiveRelay(RelayConfig config) {
    this.config = Objects.requireNonNull(config);
    this.parser = new EventParser(config.maxEventBytes(), config.maxDepth());
    this.polls = new Polls(this, config);
  }

  public RelayCounters counters() {
    return counters;
  }

  /** Registers a connection to {@code stream}'s interactive session (started or not). */
  public ConnectionId connect(long nowNanos, String stream, String identity, boolean official,
      Delivery delivery, Transport transport) {
    lastNow = nowNanos;
    ConnectionId id = new ConnectionId(nextId++);
    RelayConnection c = new RelayConnection(id, stream, identity, official, delivery, transport,
        new TokenBucket(config.ratePerSecond(), config.burst()));
    connections.put(id, c);
    Room room = rooms.computeIfAbsent(stream, Room::new);
    room.members.put(id, c);
    counters.connections++;
    if (room.active) {
      sendTo(List.of(c), system(nowNanos, "session.started"));
    }
    if (!official) {
      sendTo(room.officials(), system(nowNanos, "user.joined").put("identity", identity));
    }
    return id;
  }

  /** The connection's transport is gone; forgets it and tells the backends. Unknown ids are ignored. */
  public void disconnect(long nowNanos, ConnectionId id) {
    RelayConnection c = connections.remove(id);
    if (c == null) {
      return;
    }
    c.closed = true;
    backlogged.remove(c);
    counters.connections--;
    Room room = rooms.get(c.stream);
    room.members.remove(id);
    if (!c.official) {
      sendTo(room.officials(), system(nowNanos, "user.left").put("identity", c.identity));
    }
    if (room.isEmpty()) {
      rooms.remove(c.stream);
    }
  }

  /** The transport has room again: pushes what is queued. */
  public void handleWritable(ConnectionId id) {
    RelayConnection c = connections.get(id);
    if (c != null) {
      c.flush(counters);
      if (c.queue.isEmpty()) {
        backlogged.remove(c);
      }
    }
  }

  /** Starts {@code stream}'s session on its owner's request; false if it was already active. */
  public boolean startSession(long nowNanos, String stream) {
    Room room = rooms.computeIfAbsent(stream, Room::new);
    if (room.active) {
      return false;
    }
    room.active = true;
    counters.sessionsActive++;
    sendTo(new ArrayList<>(room.members.values()), system(nowNanos, "session.started"));
    return true;
  }

  /** Closes {@code stream}'s session: final poll results, then {@code session.closed} to everyone. */
  public boolean closeSession(long nowNanos, String stream) {
    Room room = rooms.get(stream);
    if (room == null || !room.active) {
      return false;
    }
    polls.closeAll(nowNanos, room);
    room.active = false;
    counters.sessionsActive--;
    sendTo(new ArrayList<>(room.members.values()), system(nowNanos, "session.closed"));
    if (room.isEmpty()) {
      rooms.remove(stream);
    }
    return true;
  }

  /** Whether {@code stream} has an active session. */
  public boolean isActive(String stream) {
    Room room = rooms.get(stream);
    return room != null && room.active;
  }

  /** One message from a connection. Never throws for bad input: answers with an error event. */
  public void handleMessage(long nowNanos, ConnectionId id, String text) {
    lastNow = nowNanos;
    RelayConnection c = connections.get(id);
    if (c == null) {
      return;
    }
    if (!c.bucket.tryTake(nowNanos)) {
      refuse(c, RelayError.RATE_LIMITED, "more than " + config.ratePerSecond()
          + " events per second (burst " + config.burst() + ")");
      return;
    }
    EventParser.Result parsed = parser.parse(text);
    if (parsed.error() != null) {
      refuse(c, parsed.error(), parsed.message());
      return;
    }
    counters.eventsIn++;
    ObjectNode event = parsed.event();
    Room room = rooms.get(c.stream);
    String type = event.path("type").asText("");
    switch (type) {
      case "event" -> relayEvent(nowNanos, c, room, event);
      case "vote" -> polls.vote(c, room, event);
      case "session.start", "session.close", "poll.open", "poll.close", "viewercount.get" ->
          control(nowNanos, c, room, type, event);
      default -> refuse(c, RelayError.BAD_REQUEST, "unknown type '" + abbreviate(type) + "'");
    }
  }

  private void control(long nowNanos, RelayConnection c, Room room, String type, ObjectNode e) {
    if (!c.official) {
      refuse(c, RelayError.NOT_ALLOWED, type + " needs the interactive-server grant");
      return;
    }
    switch (type) {
      case "session.start" -> startSession(nowNanos, c.stream);
      case "session.close" -> closeSession(nowNanos, c.stream);
      case "poll.open" -> polls.open(nowNanos, c, room, e);
      case "poll.close" -> polls.close(nowNanos, c, room, e);
      default -> sendTo(List.of(c), system(nowNanos, "viewercount").put("count", room.viewerCount()));
    }
  }

  private void relayEvent(long nowNanos, RelayConnection c, Room room, ObjectNode event) {
    JsonNode name = event.get("eventName");
    if (name == null || !name.isTextual() || name.textValue().isEmpty()
        || name.textValue().length() > 128) {
      refuse(c, RelayError.BAD_REQUEST, "an event needs an eventName of 1-128 characters");
      return;
    }
    if (!room.active) {
      refuse(c, RelayError.SESSION_NOT_ACTIVE, "no interactive session is active on this stream");
      return;
    }
    JsonNode to = event.remove("to");
    // Client-sent copies are never trusted: the server's stamp replaces them.
    event.remove("from");
    event.remove("official");
    event.put("from", c.identity);
    event.put("official", c.official);
    if (!event.has("timestamp")) {
      event.put("timestamp", wallMillis(nowNanos));
    }
    if (!c.official) {
      sendTo(room.officials(), event);
    } else if (to != null && to.isArray()) {
      Set<String> names = new LinkedHashSet<>();
      to.forEach(n -> names.add(n.asText()));
      sendTo(room.viewersNamed(names), event);
    } else {
      sendTo(room.viewers(), event);
    }
  }

  /** Serializes once and queues to every target; reliable overflows are disconnected after. */
  void sendTo(List<RelayConnection> targets, ObjectNode message) {
    if (targets.isEmpty()) {
      return;
    }
    String json = serialize(message);
    List<RelayConnection> overflowed = new ArrayList<>();
    for (RelayConnection t : targets) {
      if (!t.enqueue(json, config.outboundQueueLimit(), counters)) {
        overflowed.add(t);
      } else if (!t.queue.isEmpty()) {
        backlogged.add(t);
      }
    }
    for (RelayConnection t : overflowed) {
      counters.disconnectedSlow++;
      String reason = "outbound queue over " + config.outboundQueueLimit() + " events: reader too slow";
      // Remove first so the transport's own close callback finds nothing to do.
      connections.remove(t.id);
      backlogged.remove(t);
      t.closed = true;
      counters.connections--;
      Room room = rooms.get(t.stream);
      room.members.remove(t.id);
      t.transport.disconnect(reason);
    }
  }

  void refuse(RelayConnection c, RelayError error, String message) {
    counters.reject(error);
    ObjectNode e = parser.mapper().createObjectNode();
    e.put("type", "error");
    e.put("code", error.code());
    e.put("message", message);
    sendTo(List.of(c), e);
  }

  ObjectNode system(long nowNanos, String eventName) {
    ObjectNode e = parser.mapper().createObjectNode();
    e.put("type", "system");
    e.put("eventName", eventName);
    e.put("timestamp", wallMillis(nowNanos));
    e.put("official", true);
    return e;
  }

  ObjectNode object() {
    return parser.mapper().createObjectNode();
  }

  long wallMillis(long nowNanos) {
    return config.wallClockOffsetMillis() + nowNanos / 1_000_000L;
  }

  private String serialize(ObjectNode message) {
    try {
      return parser.mapper().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree node failed to serialize", e);
    }
  }

  /** Next deadline: a poll tally or window end, or a retry for backlogged connections. */
  public long pollTimeout() {
    long t = polls.pollTimeout(rooms.values());
    if (backlogged.isEmpty()) {
      return t;
    }
    return Math.min(t, flushAt == Long.MAX_VALUE ? lastNow + FLUSH_RETRY_NANOS : flushAt);
  }

  public void handleTimeout(long nowNanos) {
    lastNow = nowNanos;
    polls.handleTimeout(nowNanos, new ArrayList<>(rooms.values()));
    if (!backlogged.isEmpty() && (flushAt == Long.MAX_VALUE || flushAt <= nowNanos)) {
      for (RelayConnection c : new ArrayList<>(backlogged)) {
        c.flush(counters);
        if (c.queue.isEmpty()) {
          backlogged.remove(c);
        }
      }
    }
    flushAt = backlogged.isEmpty() ? Long.MAX_VALUE : nowNanos + FLUSH_RETRY_NANOS;
  }

  private static String abbreviate(String s) {
    return s.length() > 32 ? s.substring(0, 32) + "..." : s;
  }
}
