package dev.odeon.datachannel.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Built-in polls (docs/interactive.md#polls). A backend opens a poll with a question, 2-16 options
 * and a window; each viewer identity's first vote counts (later ones get {@code already_voted});
 * {@code poll.tally} goes to the backends (and viewers when {@code showViewers}) every
 * {@link RelayConfig#tallyIntervalMs()} while the poll is open, and {@code poll.result} with the
 * exact final counts exactly once when the window ends, the backend closes it, or the session
 * closes. The relay's thread only.
 */
final class Polls {
  private static final int MAX_OPTIONS = 16;
  private static final long MIN_WINDOW_MS = 1_000;
  private static final long MAX_WINDOW_MS = 3_600_000;
  private static final long DEFAULT_WINDOW_MS = 30_000;
  private static final long MS = 1_000_000L;

  private final InteractiveRelay relay;
  private final RelayConfig config;

  Polls(InteractiveRelay relay, RelayConfig config) {
    this.relay = relay;
    this.config = config;
  }

  void open(long nowNanos, RelayConnection c, Room room, ObjectNode e) {
    String id = text(e.get("pollId"), 64);
    String question = text(e.get("question"), 512);
    JsonNode opts = e.get("options");
    List<String> options = new ArrayList<>();
    if (opts != null && opts.isArray() && opts.size() >= 2 && opts.size() <= MAX_OPTIONS) {
      for (JsonNode o : opts) {
        String text = text(o, 128);
        if (text == null) {
          options = null;
          break;
        }
        options.add(text);
      }
    } else {
      options = null;
    }
    JsonNode windowNode = e.get("windowMs");
    long windowMs = windowNode == null ? DEFAULT_WINDOW_MS
        : windowNode.canConvertToLong() ? windowNode.asLong() : -1;
    if (id == null || question == null || options == null || windowMs < MIN_WINDOW_MS
        || windowMs > MAX_WINDOW_MS) {
      relay.refuse(c, RelayError.BAD_REQUEST, "poll.open needs pollId (1-64 chars), question,"
          + " 2-16 options and windowMs in [1000, 3600000]");
      return;
    }
    if (!room.active) {
      relay.refuse(c, RelayError.SESSION_NOT_ACTIVE, "no interactive session is active on this stream");
      return;
    }
    if (room.polls.containsKey(id)) {
      relay.refuse(c, RelayError.BAD_REQUEST, "poll " + id + " is already open");
      return;
    }
    boolean showViewers = e.path("showViewers").asBoolean(false);
    Poll poll = new Poll(id, question, options, showViewers, nowNanos + windowMs * MS,
        nowNanos + config.tallyIntervalMs() * MS);
    room.polls.put(id, poll);
    relay.counters().pollsOpen++;
    ObjectNode opened = relay.system(nowNanos, "poll.opened");
    opened.put("type", "poll");
    opened.put("pollId", id);
    opened.put("question", question);
    ArrayNode list = opened.putArray("options");
    options.forEach(list::add);
    opened.put("windowMs", windowMs);
    opened.put("showViewers", showViewers);
    relay.sendTo(new ArrayList<>(room.members.values()), opened);
  }

  void close(long nowNanos, RelayConnection c, Room room, ObjectNode e) {
    Poll poll = room.polls.get(e.path("pollId").asText(""));
    if (poll == null) {
      relay.refuse(c, RelayError.UNKNOWN_POLL, "no open poll with that pollId");
      return;
    }
    finish(nowNanos, room, poll);
  }

  void vote(RelayConnection c, Room room, ObjectNode e) {
    if (c.official) {
      relay.refuse(c, RelayError.NOT_ALLOWED, "backends do not vote");
      return;
    }
    Poll poll = room.polls.get(e.path("pollId").asText(""));
    if (poll == null) {
      relay.refuse(c, RelayError.UNKNOWN_POLL, "no open poll with that pollId");
      return;
    }
    JsonNode option = e.get("option");
    if (option == null || !option.isIntegralNumber()) {
      relay.refuse(c, RelayError.BAD_VOTE, "option must be the index of one of the poll's options");
      return;
    }
    RelayError error = poll.vote(c.identity, option.canConvertToInt() ? option.intValue() : -1);
    if (error != null) {
      relay.refuse(c, error, error == RelayError.ALREADY_VOTED
          ? "this identity already voted in poll " + poll.id + "; the first vote counts"
          : "option must be the index of one of the poll's options");
      return;
    }
    relay.counters().votes++;
  }

  void closeAll(long nowNanos, Room room) {
    for (Poll p : new ArrayList<>(room.polls.values())) {
      finish(nowNanos, room, p);
    }
  }

  long pollTimeout(Collection<Room> rooms) {
    long t = Long.MAX_VALUE;
    for (Room room : rooms) {
      for (Poll p : room.polls.values()) {
        t = Math.min(t, Math.min(p.nextTally, p.endsAt));
      }
    }
    return t;
  }

  void handleTimeout(long nowNanos, List<Room> rooms) {
    for (Room room : rooms) {
      for (Poll p : new ArrayList<>(room.polls.values())) {
        if (p.endsAt <= nowNanos) {
          finish(nowNanos, room, p);
        } else if (p.nextTally <= nowNanos) {
          // Steady cadence: the next tally is one interval after this one was due, not after now.
          p.nextTally = Math.max(p.nextTally + config.tallyIntervalMs() * MS, nowNanos + MS);
          relay.sendTo(audience(room, p), counts(nowNanos, p, "poll.tally"));
        }
      }
    }
  }

  /** Removes the poll and sends its result: once, since it is no longer open afterwards. */
  private void finish(long nowNanos, Room room, Poll p) {
    if (room.polls.remove(p.id) == null) {
      return;
    }
    relay.counters().pollsOpen--;
    ObjectNode result = counts(nowNanos, p, "poll.result");
    result.put("final", true);
    relay.sendTo(audience(room, p), result);
  }

  private static List<RelayConnection> audience(Room room, Poll p) {
    return p.showViewers ? new ArrayList<>(room.members.values()) : room.officials();
  }

  private ObjectNode counts(long nowNanos, Poll p, String eventName) {
    ObjectNode e = relay.system(nowNanos, eventName);
    e.put("type", "poll");
    e.put("pollId", p.id);
    ArrayNode counts = e.putArray("counts");
    for (long n : p.counts) {
      counts.add(n);
    }
    e.put("total", p.total());
    return e;
  }

  private static String text(JsonNode node, int max) {
    return node != null && node.isTextual() && !node.textValue().isEmpty()
        && node.textValue().length() <= max ? node.textValue() : null;
  }
}
