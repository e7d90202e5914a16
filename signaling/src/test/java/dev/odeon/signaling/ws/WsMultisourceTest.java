package dev.odeon.signaling.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.ViewOptions;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.signaling.TestServer;
import dev.odeon.signaling.auth.Role;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The multisource fields of {@code view} and the {@code project}/{@code unproject} commands. */
class WsMultisourceTest {
  private static final String OFFER = "v=0\\r\\no=browser-offer\\r\\n";
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(true);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String cmd(int id, String name, String data) {
    return "{\"type\":\"cmd\",\"id\":" + id + ",\"name\":\"" + name + "\",\"data\":" + data + "}";
  }

  @Test
  void viewOptionsReachTheEngine() throws Exception {
    try (WsClient c = new WsClient(server.http, server.ws(server.token(Role.VIEWER, "demo", null)))) {
      c.send(cmd(1, "view", "{\"sdp\":\"" + OFFER + "\",\"pinnedSourceId\":\"host\",\"multiplexedAudioTracks\":3,"
          + "\"excludedSourceIds\":[\"me\",\"me\"],\"events\":[\"active\",\"vad\"]}"));
      assertTrue(c.next().get("ok").asBoolean());
      ViewRequest r = server.media.views.poll(5, TimeUnit.SECONDS);
      assertEquals(new ViewOptions(new SourceId("host"), 3, Set.of(new SourceId("me"))), r.options());
    }
  }

  @Test
  void malformedViewOptionsAreBadRequests() throws Exception {
    try (WsClient c = new WsClient(server.http, server.ws(server.token(Role.VIEWER, "demo", null)))) {
      String[] bad = {
          "\"multiplexedAudioTracks\":\"2\"", "\"multiplexedAudioTracks\":1.5", "\"multiplexedAudioTracks\":99999999999",
          "\"excludedSourceIds\":\"me\"", "\"excludedSourceIds\":[1]", "\"pinnedSourceId\":7",
          "\"pinnedSourceId\":\"" + "x".repeat(129) + "\"", "\"events\":[\"everything\"]",
          "\"excludedSourceIds\":[" + "\"a\",".repeat(300) + "\"a\"]"};
      int id = 1;
      for (String field : bad) {
        c.send(cmd(id++, "view", "{\"sdp\":\"" + OFFER + "\"," + field + "}"));
        JsonNode r = c.next();
        assertEquals("bad_request", r.get("error").get("code").asText(), field);
      }
      assertEquals(null, server.media.views.poll());
    }
  }

  @Test
  void projectTargetsOnlyThisConnectionsViewingSession() throws Exception {
    try (WsClient c = new WsClient(server.http, server.ws(server.token(Role.VIEWER, "demo", null)))) {
      String mapping = "\"mapping\":[{\"media\":\"video\",\"mid\":\"3\"}]";
      c.send(cmd(1, "project", "{\"sourceId\":\"a\"," + mapping + "}"));
      assertEquals("unknown_session", c.next().get("error").get("code").asText());
      c.send(cmd(2, "view", "{\"sdp\":\"" + OFFER + "\"}"));
      String session = c.next().get("data").get("sessionId").asText();
      c.send(cmd(3, "project", "{\"sourceId\":\"a\"," + mapping + ",\"sessionId\":\"someone-elses\"}"));
      assertEquals("unknown_session", c.next().get("error").get("code").asText());
      c.send(cmd(4, "project", "{\"sourceId\":\"a\",\"mapping\":[]}"));
      assertEquals("bad_request", c.next().get("error").get("code").asText());
      c.send(cmd(5, "project", "{\"sourceId\":\"nobody\"," + mapping + "}"));
      assertEquals("unknown_source", c.next().get("error").get("code").asText());
      c.send(cmd(6, "project", "{\"sourceId\":\"a\"," + mapping + "}"));
      assertTrue(c.next().get("ok").asBoolean());
      assertEquals(session + " a [video:3]", server.media.projections.poll(5, TimeUnit.SECONDS));
      c.send(cmd(7, "unproject", "{\"mids\":[\"3\"]}"));
      assertTrue(c.next().get("ok").asBoolean());
      assertEquals(session + " unproject [3]", server.media.projections.poll(5, TimeUnit.SECONDS));
      c.send(cmd(8, "unproject", "{\"mids\":[]}"));
      assertEquals("bad_request", c.next().get("error").get("code").asText());
    }
  }
}
