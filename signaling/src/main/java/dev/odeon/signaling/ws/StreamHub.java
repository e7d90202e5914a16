package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.MediaEvents;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.signaling.http.Json;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Routes media events to WebSocket connections: the single {@link MediaEvents} listener.
 *
 * <p>Owns which sources of each stream are live, which sessions view each stream, and which
 * connection owns each session. All of that state is confined to one serial {@code executor}: the
 * media thread only enqueues (never blocks), and connections enqueue their joins and leaves, so an
 * event and a new viewer's snapshot of live sources are always applied in one order (a new viewer
 * never sees {@code active} after the matching {@code inactive}). Writes to connections are Netty
 * {@code writeAndFlush} calls, safe from this thread.
 */
public final class StreamHub implements MediaEvents {
  /** A connection as the hub sees it. Methods are called on the hub's executor; must not block. */
  public interface Peer {
    void sendEvent(String name, ObjectNode data);

    /** The engine ended {@code session}, which this peer owns. */
    void sessionClosed(SessionId session, String reason);
  }

  private record Owner(Peer peer, StreamId stream, boolean viewer) {}

  private final Executor executor;
  private final Map<StreamId, Map<SourceId, MediaEvent.SourceActive>> live = new HashMap<>();
  private final Map<StreamId, Map<SessionId, Peer>> viewers = new HashMap<>();
  private final Map<SessionId, Owner> owners = new HashMap<>();
  /** Events each viewing session asked for; absent: all. */
  private final Map<SessionId, Set<String>> wanted = new HashMap<>();
  /** The current source of each multiplexed slot, per viewing session (for late joiners' replay). */
  private final Map<SessionId, Map<String, MediaEvent.SlotChanged>> slots = new HashMap<>();

  /** @param executor runs tasks one at a time, in submission order */
  public StreamHub(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void onEvent(MediaEvent event) {
    post(() -> handle(event));
  }

  /** {@code peer} publishes through {@code session}; it will hear if the engine ends it. */
  public void publisherJoined(Peer peer, StreamId stream, SessionId session) {
    post(() -> owners.put(session, new Owner(peer, stream, false)));
  }

  /**
   * {@code peer} views {@code stream} through {@code session}: runs {@code beforeEvents} (which
   * sends the view response), then sends {@code active} for every source already live.
   */
  public void viewerJoined(Peer peer, StreamId stream, SessionId session, Runnable beforeEvents) {
    viewerJoined(peer, stream, session, null, beforeEvents);
  }

  /**
   * As {@link #viewerJoined(Peer, StreamId, SessionId, Runnable)}, for a viewer that only wants the
   * events named in {@code events} (null: all). After the {@code active} events it sends a
   * {@code vad} for each multiplexed slot the engine already filled (those were decided while the
   * view command was still being answered).
   */
  public void viewerJoined(Peer peer, StreamId stream, SessionId session, Set<String> events, Runnable beforeEvents) {
    post(
        () -> {
          beforeEvents.run();
          owners.put(session, new Owner(peer, stream, true));
          viewers.computeIfAbsent(stream, s -> new LinkedHashMap<>()).put(session, peer);
          if (events != null) {
            wanted.put(session, events);
          }
          if (wants(session, "active")) {
            for (MediaEvent.SourceActive active : live.getOrDefault(stream, Map.of()).values()) {
              peer.sendEvent("active", WsMessages.active(active));
            }
          }
          Map<String, MediaEvent.SlotChanged> filled = slots.getOrDefault(session, Map.of());
          if (wants(session, "vad")) {
            for (MediaEvent.SlotChanged changed : filled.values()) {
              if (changed.source() != null) {
                peer.sendEvent("vad", WsMessages.vad(changed));
              }
            }
          }
        });
  }

  private boolean wants(SessionId session, String event) {
    Set<String> w = wanted.get(session);
    return w == null || w.contains(event);
  }

  /** A multiplexed slot changed source: remember it, and tell the owner if it already joined. */
  private void slotChanged(MediaEvent.SlotChanged changed) {
    Owner owner = owners.get(changed.viewer());
    if (owner == null || owner.viewer()) {
      // Bounded: one entry per slot (at most 17 per session), removed when the session is forgotten.
      slots.computeIfAbsent(changed.viewer(), s -> new LinkedHashMap<>()).put(changed.mid(), changed);
    }
    if (owner != null && owner.viewer() && wants(changed.viewer(), "vad")) {
      owner.peer().sendEvent("vad", WsMessages.vad(changed));
    }
  }

  /** The owning connection ended these sessions itself (unpublish, socket closed). */
  public void sessionsEnded(Collection<SessionId> sessions) {
    Set<SessionId> copy = Set.copyOf(sessions);
    post(() -> copy.forEach(this::forget));
  }

  private void post(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // The server is shutting down; nobody is left to tell. Never throw into the media thread.
    }
  }

  private void handle(MediaEvent event) {
    // Java 17 has no pattern switch; the sealed hierarchy has exactly these four records.
    if (event instanceof MediaEvent.SourceActive active) {
      live.computeIfAbsent(active.stream(), s -> new LinkedHashMap<>()).put(active.source(), active);
      broadcast(active.stream(), "active", WsMessages.active(active));
    } else if (event instanceof MediaEvent.SourceInactive inactive) {
      Map<SourceId, MediaEvent.SourceActive> sources = live.get(inactive.stream());
      if (sources != null && sources.remove(inactive.source()) != null && sources.isEmpty()) {
        live.remove(inactive.stream());
      }
      broadcast(inactive.stream(), "inactive", WsMessages.inactive(inactive));
    } else if (event instanceof MediaEvent.SlotChanged changed) {
      slotChanged(changed);
    } else if (event instanceof MediaEvent.SessionClosed closed) {
      Owner owner = forget(closed.session());
      if (owner != null) {
        owner.peer().sessionClosed(closed.session(), closed.reason());
      }
    }
  }

  private void broadcast(StreamId stream, String name, ObjectNode data) {
    Map<SessionId, Peer> watching = viewers.get(stream);
    if (watching == null) {
      return;
    }
    // A connection viewing a stream through two sessions hears each event once, if any of its
    // sessions asked for it.
    Set<Peer> told = new LinkedHashSet<>();
    for (Map.Entry<SessionId, Peer> e : watching.entrySet()) {
      if (wants(e.getKey(), name) && told.add(e.getValue())) {
        e.getValue().sendEvent(name, data.deepCopy());
      }
    }
  }

  private Owner forget(SessionId session) {
    wanted.remove(session);
    slots.remove(session);
    Owner owner = owners.remove(session);
    if (owner != null && owner.viewer()) {
      Map<SessionId, Peer> watching = viewers.get(owner.stream());
      if (watching != null && watching.remove(session) != null && watching.isEmpty()) {
        viewers.remove(owner.stream());
      }
    }
    return owner;
  }

  /** Test and debugging view: how many sources of {@code stream} are live. Hub executor only. */
  int liveSources(StreamId stream) {
    return live.getOrDefault(stream, Map.of()).size();
  }

  static ObjectNode stopped(SessionId session, String reason) {
    return Json.object().put("sessionId", session.value()).put("reason", reason);
  }
}
