package dev.odeon.loadtest.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's signaling connection (docs/protocol.md): a dev token from {@code GET /api/dev/token},
 * a WebSocket to {@code /ws?token=}, and {@code cmd}/{@code response} matching by id. Thread-safe;
 * responses complete futures on the HTTP client's threads.
 */
public final class SignalingClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket ws;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile java.util.function.Consumer<JsonNode> events;

  private SignalingClient(WebSocket ws) {
    this.ws = ws;
  }

  /** Mints a dev token for {@code stream} and {@code role} ("publisher" or "viewer") and connects. */
  public static CompletableFuture<SignalingClient> connect(HttpClient http, URI base, String stream, String role) {
    return connect(http, base, stream, role, "");
  }

  /**
   * As {@link #connect(HttpClient, URI, String, String)}, with more dev-token query parameters
   * ({@code extraQuery}, e.g. {@code "&grants=interactive-server"}).
   */
  public static CompletableFuture<SignalingClient> connect(HttpClient http, URI base, String stream, String role,
      String extraQuery) {
    HttpRequest tokenRequest = HttpRequest.newBuilder(base.resolve("/api/dev/token?stream="
        + URLEncoder.encode(stream, StandardCharsets.UTF_8) + "&role=" + role + extraQuery)).GET().build();
    return http.sendAsync(tokenRequest, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
      if (r.statusCode() != 200) {
        throw new IllegalStateException("dev token: HTTP " + r.statusCode() + " " + r.body());
      }
      String token = readTree(r.body()).path("token").asText();
      URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws?token=" + token);
      Listener listener = new Listener();
      return http.newWebSocketBuilder().buildAsync(ws, listener).thenApply(socket -> {
        SignalingClient c = new SignalingClient(socket);
        listener.client = c;
        return c;
      });
    });
  }

  /** Sends {@code publish} with {@code sdp}; completes with the answer SDP. */
  public CompletableFuture<String> publish(String sdp) {
    ObjectNode data = JSON.createObjectNode().put("sdp", sdp);
    return command("publish", data).thenApply(d -> d.path("sdp").asText());
  }

  /** Sends {@code view} with {@code sdp}; completes with the answer SDP. */
  public CompletableFuture<String> view(String sdp) {
    ObjectNode data = JSON.createObjectNode().put("sdp", sdp);
    return command("view", data).thenApply(d -> d.path("sdp").asText());
  }

  /** Sends {@code keepalive} (the server closes sockets idle for 60 s). */
  public CompletableFuture<JsonNode> keepalive() {
    return command("keepalive", JSON.createObjectNode());
  }

  /** Sends one command; completes with the response's {@code data}, or fails with its error code. */
  public CompletableFuture<JsonNode> command(String name, ObjectNode data) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode cmd = JSON.createObjectNode().put("type", "cmd").put("id", id).put("name", name);
    cmd.set("data", data);
    synchronized (this) {
      // java.net.http allows one outstanding sendText at a time: chain them.
      ws.sendText(cmd.toString(), true).join();
    }
    return f;
  }

  /** Events ({@code {"type":"event","name",...,"data"}}) go to {@code listener}, on the HTTP client's threads. */
  public void onEvent(java.util.function.Consumer<JsonNode> listener) {
    this.events = listener;
  }

  /** Sends a command that has no response (e.g. {@code interactive}); completes when it is written. */
  public void send(String name, ObjectNode data) {
    ObjectNode cmd = JSON.createObjectNode().put("type", "cmd").put("id", ids.incrementAndGet()).put("name", name);
    cmd.set("data", data);
    synchronized (this) {
      ws.sendText(cmd.toString(), true).join();
    }
  }

  private void onMessage(String text) {
    JsonNode msg = readTree(text);
    if (!"response".equals(msg.path("type").asText())) {
      java.util.function.Consumer<JsonNode> l = events;
      if (l != null && "event".equals(msg.path("type").asText())) {
        l.accept(msg);
      }
      return;
    }
    CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt(-1));
    if (f == null) {
      return;
    }
    if (msg.path("ok").asBoolean()) {
      f.complete(msg.path("data"));
    } else {
      JsonNode e = msg.path("error");
      f.completeExceptionally(new IOException(e.path("code").asText() + ": " + e.path("message").asText()));
    }
  }

  private void onClosed(String reason) {
    IOException e = new IOException("websocket closed: " + reason);
    pending.values().forEach(f -> f.completeExceptionally(e));
    pending.clear();
  }

  @Override
  public void close() {
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    ws.abort();
  }

  private static JsonNode readTree(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new IllegalStateException("bad JSON from the server: " + s, e);
    }
  }

  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    volatile SignalingClient client;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        if (client != null) {
          client.onMessage(message);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (client != null) {
        client.onClosed(statusCode + " " + reason);
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (client != null) {
        client.onClosed(String.valueOf(error));
      }
    }
  }
}
