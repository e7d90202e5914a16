package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.signaling.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket that queues every received text message as parsed JSON. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  final WebSocket socket;
  private final StringBuilder partial = new StringBuilder();
  /** Completed with the close status code when the server closes. */
  final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();

  WsClient(HttpClient http, URI uri) throws Exception {
    socket = http.newWebSocketBuilder().buildAsync(uri, this).get(5, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(Json.parse(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  /** The next message, failing the test after 5 s. */
  /** The next message if one arrives within {@code millis}, else null. */
  JsonNode next(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS);
  }

  JsonNode next() throws InterruptedException {
    JsonNode message = messages.poll(5, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 5 s");
    }
    return message;
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** A listener that ignores everything, for refused handshakes. */
  static final class Noop implements WebSocket.Listener {}
}
