package dev.odeon.datachannel.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A transport that records what it was given; {@code full} makes it refuse like a slow reader. */
final class FakeTransport implements Transport {
  private static final ObjectMapper JSON = new ObjectMapper();
  final List<JsonNode> received = new ArrayList<>();
  boolean full;
  String disconnected;

  @Override
  public boolean offer(String json) {
    if (full) {
      return false;
    }
    try {
      received.add(JSON.readTree(json));
    } catch (Exception e) {
      throw new AssertionError("relay wrote invalid JSON: " + json, e);
    }
    return true;
  }

  @Override
  public void disconnect(String reason) {
    disconnected = reason;
  }

  List<JsonNode> named(String eventName) {
    return received.stream().filter(n -> eventName.equals(n.path("eventName").asText())).toList();
  }

  List<JsonNode> errors() {
    return received.stream().filter(n -> "error".equals(n.path("type").asText())).toList();
  }

  JsonNode last() {
    return received.get(received.size() - 1);
  }
}
