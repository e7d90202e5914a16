package dev.odeon.signaling.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.signaling.TestServer;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenRequest;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interactive commands over real WebSockets (server over a fake engine whose media thread is
 * one serial executor): a backend with the interactive-server grant and a WebSocket viewer.
 */
class WsInteractiveTest {
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(true);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WsClient connect(String identity, Role role, Set<Grant> grants) throws Exception {
    String token = server.tokens.mint(new TokenRequest(identity, "play", role, null, grants, null), Instant.now()).token();
    return new WsClient(server.http, server.ws(token));
  }

  private static void cmd(WsClient c, int id, String name, String data) throws Exception {
    c.send("{\"type\":\"cmd\",\"id\":" + id + ",\"name\":\"" + name + "\",\"data\":" + data + "}");
  }

  /** The next message matching {@code want}, skipping others (events may interleave). */
  private static JsonNode until(WsClient c, Predicate<JsonNode> want) throws Exception {
    for (int i = 0; i < 50; i++) {
      JsonNode m = c.next();
      assertNotNull(m, "no matching message within the client's wait");
      if (want.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching message in 50");
  }

  private static Predicate<JsonNode> response(int id) {
    return m -> "response".equals(m.path("type").asText()) && m.path("id").asInt() == id;
  }

  private static Predicate<JsonNode> relayed(String eventName) {
    return m -> "interactive".equals(m.path("name").asText())
        && eventName.equals(m.path("data").path("eventName").asText());
  }

  /**
   * The join is answered from the media thread once the relay has the connection, so a client that
   * has the answer gets everything broadcast after it (a poll opened right after its join).
   */
  @Test
  void joinIsAnsweredOnlyOnceTheRelayHasTheConnection() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (WsClient viewer = connect("bob", Role.VIEWER, Set.of(Grant.VIEW))) {
      server.media.execute(now -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      cmd(viewer, 1, "interactive.join", "{}");
      long end = System.nanoTime() + 300_000_000L;
      for (JsonNode m; (m = viewer.next(Math.max(1, (end - System.nanoTime()) / 1_000_000))) != null; ) {
        assertFalse(response(1).test(m), "no answer while the media thread has not run the join: " + m);
      }
      release.countDown();
      assertFalse(until(viewer, response(1)).path("data").path("official").asBoolean());
    } finally {
      release.countDown();
    }
  }

  @Test
  void backendAndWebSocketViewerExchangeStampedEvents() throws Exception {
    assertNotNull(server.media.dataPlanes, "the server plugged its data planes into the engine");
    try (WsClient backend = connect("game", Role.VIEWER, Set.of(Grant.INTERACTIVE_SERVER));
         WsClient viewer = connect("alice", Role.VIEWER, Set.of(Grant.VIEW))) {
      cmd(backend, 1, "interactive.join", "{}");
      assertTrue(until(backend, response(1)).path("data").path("official").asBoolean());
      cmd(backend, 2, "interactive.start", "{}");
      assertTrue(until(backend, response(2)).path("data").path("changed").asBoolean());

      cmd(viewer, 1, "interactive.join", "{}");
      assertFalse(until(viewer, response(1)).path("data").path("official").asBoolean());
      until(viewer, relayed("session.started"));
      assertEquals("alice", until(backend, relayed("user.joined")).path("data").path("identity").asText());

      cmd(viewer, 2, "interactive", "{\"type\":\"event\",\"eventName\":\"click\",\"official\":true,\"from\":\"game\"}");
      JsonNode click = until(backend, relayed("click")).path("data");
      assertEquals("alice", click.path("from").asText());
      assertFalse(click.path("official").asBoolean());

      cmd(backend, 3, "interactive", "{\"type\":\"event\",\"eventName\":\"board\",\"n\":1}");
      JsonNode board = until(viewer, relayed("board")).path("data");
      assertTrue(board.path("official").asBoolean());
      assertEquals("game", board.path("from").asText());

      cmd(viewer, 3, "interactive", "{\"type\":\"poll.open\"}");
      JsonNode error = until(viewer, m -> "error".equals(m.path("data").path("type").asText())).path("data");
      assertEquals("not_allowed", error.path("code").asText());
    }
  }

  @Test
  void commandsAreCheckedAgainstTheToken() throws Exception {
    try (WsClient viewer = connect("bob", Role.VIEWER, Set.of(Grant.VIEW));
         WsClient nobody = connect("eve", Role.VIEWER, Set.of());
         WsClient owner = connect("host", Role.PUBLISHER, Set.of(Grant.PUBLISH, Grant.VIEW))) {
      cmd(viewer, 1, "interactive", "{\"type\":\"event\",\"eventName\":\"x\"}");
      assertEquals("not_joined", until(viewer, response(1)).path("error").path("code").asText());
      cmd(viewer, 2, "interactive.start", "{}");
      assertEquals("unauthorized", until(viewer, response(2)).path("error").path("code").asText());
      cmd(viewer, 3, "interactive.join", "{}");
      until(viewer, response(3));
      cmd(viewer, 4, "interactive.join", "{}");
      assertEquals("already_joined", until(viewer, response(4)).path("error").path("code").asText());
      cmd(nobody, 1, "interactive.join", "{}");
      assertEquals("unauthorized", until(nobody, response(1)).path("error").path("code").asText());
      cmd(viewer, 5, "interactive.bogus", "{}");
      assertEquals("bad_request", until(viewer, response(5)).path("error").path("code").asText());

      // The stream's owner starts the session without joining; the joined viewer hears it.
      cmd(owner, 1, "interactive.start", "{}");
      assertTrue(until(owner, response(1)).path("data").path("changed").asBoolean());
      until(viewer, relayed("session.started"));
      cmd(owner, 2, "interactive.close", "{}");
      until(owner, response(2));
      until(viewer, relayed("session.closed"));
    }
  }
}
