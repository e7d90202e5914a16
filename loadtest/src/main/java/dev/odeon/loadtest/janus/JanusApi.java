package dev.odeon.loadtest.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal client of Janus's JSON API over one WebSocket ({@code janus-protocol}) holding one
 * session: {@code create}, {@code attach}, {@code message} (with an optional JSEP), {@code keepalive}.
 * Requests are matched to replies by {@code transaction}: an {@code ack} is final only for a
 * keepalive; otherwise the {@code success}, {@code event} or {@code error} that carries the same
 * transaction completes the request. Plugin errors ({@code plugindata.data.error}) fail it.
 * Thread-safe.
 */
final class JanusApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private record Pending(CompletableFuture<JsonNode> future, boolean ackIsFinal) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private WebSocket ws;
  private long session;

  private JanusApi() {}

  /** Connects to {@code uri} and creates a session. */
  static JanusApi connect(HttpClient http, URI uri) throws Exception {
    JanusApi api = new JanusApi();
    api.ws = http.newWebSocketBuilder().subprotocols("janus-protocol").buildAsync(uri, api.new Listener())
        .get(10, TimeUnit.SECONDS);
    JsonNode r = api.request(JSON.createObjectNode().put("janus", "create"), false).get(10, TimeUnit.SECONDS);
    api.session = r.path("data").path("id").asLong();
    return api;
  }

  /** Attaches a handle to {@code plugin}; completes with the handle id. */
  CompletableFuture<Long> attach(String plugin) {
    return request(JSON.createObjectNode().put("janus", "attach").put("session_id", session).put("plugin", plugin), false)
        .thenApply(r -> r.path("data").path("id").asLong());
  }

  /**
   * Sends {@code body} (and a JSEP of {@code jsepType} with {@code sdp} unless null) to the plugin on
   * {@code handle}; completes with the whole reply (a synchronous {@code success} or the asynchronous
   * {@code event}, whose {@code jsep} may hold Janus's SDP).
   */
  CompletableFuture<JsonNode> message(long handle, ObjectNode body, String jsepType, String sdp) {
    ObjectNode m = JSON.createObjectNode().put("janus", "message").put("session_id", session).put("handle_id", handle);
    m.set("body", body);
    if (sdp != null) {
      m.putObject("jsep").put("type", jsepType).put("sdp", sdp).put("trickle", true);
    }
    return request(m, false);
  }

  /**
   * Trickles the client's one host candidate on 127.0.0.1 and end-of-candidates: Janus (libnice)
   * needs a remote candidate to check or to accept checks from.
   */
  CompletableFuture<JsonNode> trickle(long handle, int port) {
    return trickle(handle, port, "0");
  }

  /** {@link #trickle(long, int)} for the section {@code mid} (e.g. a TextRoom's data-channel section). */
  CompletableFuture<JsonNode> trickle(long handle, int port, String mid) {
    ObjectNode m = JSON.createObjectNode().put("janus", "trickle").put("session_id", session).put("handle_id", handle);
    var list = m.putArray("candidates");
    list.addObject().put("candidate", "candidate:1 1 udp 2130706431 127.0.0.1 " + port + " typ host")
        .put("sdpMid", mid).put("sdpMLineIndex", 0);
    list.addObject().put("completed", true);
    return request(m, true);
  }

  /** Keeps the session alive (Janus drops sessions idle for its {@code session_timeout}). */
  CompletableFuture<JsonNode> keepalive() {
    return request(JSON.createObjectNode().put("janus", "keepalive").put("session_id", session), true);
  }

  static ObjectNode body() {
    return JSON.createObjectNode();
  }

  private CompletableFuture<JsonNode> request(ObjectNode m, boolean ackIsFinal) {
    String tx = "t" + ids.incrementAndGet();
    m.put("transaction", tx);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(tx, new Pending(f, ackIsFinal));
    synchronized (this) {
      // java.net.http allows one outstanding sendText at a time.
      ws.sendText(m.toString(), true).join();
    }
    return f;
  }

  private void onMessage(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    String kind = msg.path("janus").asText();
    String tx = msg.path("transaction").asText(null);
    Pending p = tx == null ? null : pending.get(tx);
    if (p == null) {
      return; // webrtcup, media, slowlink, hangup, ...: not needed to measure.
    }
    if (kind.equals("ack") && !p.ackIsFinal()) {
      return;
    }
    pending.remove(tx);
    JsonNode data = msg.path("plugindata").path("data");
    if (kind.equals("error")) {
      p.future().completeExceptionally(new IOException("janus error " + msg.path("error").path("code").asInt()
          + ": " + msg.path("error").path("reason").asText()));
    } else if (data.has("error")) {
      p.future().completeExceptionally(new IOException("janus plugin error " + data.path("error_code").asInt()
          + ": " + data.path("error").asText()));
    } else {
      p.future().complete(msg);
    }
  }

  private void onClosed(String why) {
    IOException e = new IOException("janus websocket closed: " + why);
    pending.values().forEach(p -> p.future().completeExceptionally(e));
    pending.clear();
  }

  @Override
  public void close() {
    try {
      request(JSON.createObjectNode().put("janus", "destroy").put("session_id", session), false)
          .get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Janus is stopped right after anyway.
    }
    ws.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        onMessage(message);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      onClosed(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      onClosed(String.valueOf(error));
    }
  }
}
