package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.datachannel.relay.ConnectionId;
import dev.odeon.datachannel.relay.Delivery;
import dev.odeon.datachannel.relay.Transport;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenClaims;
import dev.odeon.signaling.http.Json;
import dev.odeon.signaling.interactive.Interactive;

/**
 * The interactive commands of one WebSocket (docs/interactive.md): {@code interactive.join},
 * {@code interactive} (one relay message in {@code data}), {@code interactive.leave}, and the stream
 * owner's {@code interactive.start} / {@code interactive.close}. A backend is a connection whose
 * token carries the {@code interactive-server} grant; a viewer without WebRTC data channels joins
 * the same way and gets the same events. Relay events arrive as WebSocket events named
 * {@code interactive}. Command handling runs on the channel's event loop; relay calls are posted to
 * the media thread, and {@link #relayId} is touched only there.
 */
final class WsInteractive {
  private final TokenClaims claims;
  private final Interactive interactive;
  private final WsConnection out;
  private final WsSession.Deps deps;
  private boolean joined;
  /** Media thread only. */
  private ConnectionId relayId;
  /** Media thread only: the socket closed before the join ran. */
  private boolean gone;

  WsInteractive(TokenClaims claims, WsSession.Deps deps, WsConnection out) {
    this.claims = claims;
    this.deps = deps;
    this.interactive = deps.interactive();
    this.out = out;
  }

  /** Runs an interactive command; false when {@code frame} is not one. Event loop. */
  boolean handle(CommandFrame frame) {
    String name = frame.name();
    if (!name.equals("interactive") && !name.startsWith("interactive.")) {
      return false;
    }
    if (interactive == null) {
      fail(name, frame.id(), "unavailable", "interactive sessions are not enabled on this server");
      return true;
    }
    switch (name) {
      case "interactive.join" -> join(frame.id());
      case "interactive" -> message(frame.id(), frame.data());
      case "interactive.leave" -> leave(frame.id());
      case "interactive.start", "interactive.close" -> control(name, frame.id());
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean official() {
    return claims.has(Grant.INTERACTIVE_SERVER);
  }

  private void join(JsonNode id) {
    if (!official() && !claims.has(Grant.VIEW)) {
      fail("interactive.join", id, "unauthorized", "this token may neither view nor serve");
      return;
    }
    if (joined) {
      fail("interactive.join", id, "already_joined", "this connection already joined");
      return;
    }
    joined = true;
    boolean official = official();
    // Answered from the media thread, as the relay connects this socket: the response comes before any
    // relay event, and a client that has it is in the session (a poll opened after it reaches it).
    post(id, "interactive.join", (now, relay) -> {
      if (!gone) {
        succeed("interactive.join", id, Json.object().put("official", official));
        relayId = relay.connect(now, claims.stream(), claims.identity(), official,
            Delivery.RELIABLE, new SocketTransport());
      }
    });
  }

  private void message(JsonNode id, ObjectNode data) {
    if (!joined) {
      fail("interactive", id, "not_joined", "send interactive.join first");
      return;
    }
    String json = Json.write(data);
    // No response per message: replies and errors come back as relay events.
    post(id, "interactive", (now, relay) -> {
      if (relayId != null) {
        relay.handleMessage(now, relayId, json);
      }
    });
  }

  private void leave(JsonNode id) {
    if (!joined) {
      fail("interactive.leave", id, "not_joined", "this connection has not joined");
      return;
    }
    joined = false;
    succeed("interactive.leave", id, Json.object());
    post(id, "interactive.leave", (now, relay) -> disconnect(now, relay));
  }

  private void control(String name, JsonNode id) {
    boolean owner = claims.role() == Role.PUBLISHER && claims.has(Grant.PUBLISH);
    if (!owner && !official()) {
      fail(name, id, "unauthorized", "only the stream's owner or its backend controls the session");
      return;
    }
    boolean start = name.equals("interactive.start");
    String stream = claims.stream();
    post(id, name, (now, relay) -> {
      boolean changed = start ? relay.startSession(now, stream) : relay.closeSession(now, stream);
      out.send(WsMessages.ok(id, Json.object().put("changed", changed)));
    });
    deps.metrics().commandHandled(name, "ok");
  }

  /** The socket closed. Event loop. */
  void close() {
    if (interactive != null) {
      interactive.run((now, relay) -> {
        gone = true;
        disconnect(now, relay);
      });
    }
  }

  private void disconnect(long now, dev.odeon.datachannel.relay.InteractiveRelay relay) {
    if (relayId != null) {
      relay.disconnect(now, relayId);
      relayId = null;
    }
  }

  private void post(JsonNode id, String name,
      java.util.function.BiConsumer<Long, dev.odeon.datachannel.relay.InteractiveRelay> task) {
    if (!interactive.run(task)) {
      fail(name, id, "unavailable", "the media engine is not running");
    }
  }

  private void succeed(String command, JsonNode id, ObjectNode data) {
    deps.metrics().commandHandled(command, "ok");
    out.send(WsMessages.ok(id, data));
  }

  private void fail(String command, JsonNode id, String code, String message) {
    deps.metrics().commandHandled(command, code);
    out.send(WsMessages.error(id, code, message));
  }

  /** The relay's view of this socket: events named {@code interactive}. Media thread. */
  private final class SocketTransport implements Transport {
    @Override
    public boolean offer(String json) {
      return out.offerRaw("{\"type\":\"event\",\"name\":\"interactive\",\"data\":" + json + "}");
    }

    @Override
    public void disconnect(String reason) {
      relayId = null;
      out.closeWithReason(reason);
    }
  }
}
