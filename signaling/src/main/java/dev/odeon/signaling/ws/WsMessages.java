package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.Track;
import dev.odeon.signaling.http.Json;

/** Builds the envelopes of docs/protocol.md: responses and events. Pure; any thread. */
public final class WsMessages {
  private WsMessages() {}

  public static String ok(JsonNode id, ObjectNode data) {
    ObjectNode root = response(id, true);
    root.set("data", data);
    return Json.write(root);
  }

  public static String error(JsonNode id, String code, String message) {
    ObjectNode root = response(id, false);
    root.putObject("error").put("code", code).put("message", message);
    return Json.write(root);
  }

  public static String event(String name, ObjectNode data) {
    ObjectNode root = Json.object();
    root.put("type", "event");
    root.put("name", name);
    root.set("data", data);
    return Json.write(root);
  }

  /** The data of an {@code active} event. */
  public static ObjectNode active(MediaEvent.SourceActive event) {
    ObjectNode data = source(event.stream(), event.source());
    var tracks = data.putArray("tracks");
    for (Track track : event.tracks()) {
      tracks.addObject().put("media", track.media()).put("trackId", track.trackId());
    }
    return data;
  }

  /** The data of an {@code inactive} event. */
  public static ObjectNode inactive(MediaEvent.SourceInactive event) {
    return source(event.stream(), event.source());
  }

  /** The data of a {@code vad} event: which source now feeds the multiplexed slot {@code mid}. */
  public static ObjectNode vad(MediaEvent.SlotChanged event) {
    ObjectNode data = Json.object();
    data.put("mid", event.mid());
    data.put("sourceId", event.source() == null ? null : event.source().wire());
    data.put("idle", event.source() == null);
    data.put("sessionId", event.viewer().value());
    return data;
  }

  private static ObjectNode source(StreamId stream, SourceId source) {
    ObjectNode data = Json.object();
    data.put("streamId", stream.value());
    data.put("sourceId", source.wire());
    return data;
  }

  private static ObjectNode response(JsonNode id, boolean ok) {
    ObjectNode root = Json.object();
    root.put("type", "response");
    root.set("id", id == null ? NullNode.getInstance() : id);
    root.put("ok", ok);
    return root;
  }
}
