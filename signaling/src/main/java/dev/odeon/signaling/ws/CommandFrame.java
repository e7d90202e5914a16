package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.signaling.http.Json;

/**
 * One parsed command envelope, {@code {"type":"cmd","id":..,"name":..,"data":{..}}}, or the reason
 * a text frame is not one. Parsing never throws: a bad frame yields {@code error != null}. Pure.
 *
 * @param id the client's id (number or string of at most 64 characters), or null
 * @param name the command name
 * @param data the command's data object (empty when absent)
 * @param error why the frame was refused, or null
 */
public record CommandFrame(JsonNode id, String name, ObjectNode data, String error) {
  public static final int MAX_ID_CHARS = 64;

  public boolean isValid() {
    return error == null;
  }

  public static CommandFrame parse(String text) {
    JsonNode root = Json.parse(text);
    if (root == null) {
      return refused(null, "frame is not valid JSON within the limits");
    }
    if (!root.isObject()) {
      return refused(null, "frame is not a JSON object");
    }
    JsonNode id = root.get("id");
    if (id != null && !id.isNull()
        && !(id.isIntegralNumber() || (id.isTextual() && id.textValue().length() <= MAX_ID_CHARS))) {
      return refused(null, "id must be a number or a string of at most 64 characters");
    }
    JsonNode echo = id == null || id.isNull() ? null : id;
    JsonNode type = root.get("type");
    JsonNode name = root.get("name");
    if (type == null || !"cmd".equals(type.textValue())) {
      return refused(echo, "type must be \"cmd\"");
    }
    if (name == null || !name.isTextual()) {
      return refused(echo, "name must be a string");
    }
    JsonNode data = root.get("data");
    if (data != null && !data.isNull() && !data.isObject()) {
      return refused(echo, "data must be an object");
    }
    ObjectNode object = data instanceof ObjectNode o ? o : Json.object();
    return new CommandFrame(echo, name.textValue(), object, null);
  }

  private static CommandFrame refused(JsonNode id, String error) {
    return new CommandFrame(id, null, null, error);
  }
}
