package dev.odeon.signaling.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON request body of the HTTP API, read strictly: an object (nesting, size and duplicate keys
 * limited by {@link Json}), no unknown fields, every field of the expected type. Each violation is
 * an {@link ApiError} (400 {@code bad_request}) naming the field. Pure; one request.
 */
final class ApiBody {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

  private final ObjectNode node;

  private ApiBody(ObjectNode node) {
    this.node = node;
  }

  /** Parses {@code bytes}; an empty body is an empty object. Unknown fields are refused. */
  static ApiBody parse(byte[] bytes, Set<String> allowed) throws ApiError {
    if (bytes.length == 0) {
      return new ApiBody(Json.object());
    }
    JsonNode parsed = Json.parse(new String(bytes, StandardCharsets.UTF_8));
    if (parsed == null) {
      throw ApiError.badRequest("the body is not well-formed JSON (or nests too deep, or repeats a key)");
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw ApiError.badRequest("the body must be a JSON object");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiError.badRequest("unknown field " + WsSafe.abbreviate(name) + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return new ApiBody(object);
  }

  /** A string field matching {@code pattern}; null when absent (or JSON null) and optional. */
  String string(String field, Pattern pattern, boolean required) throws ApiError {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiError.badRequest("missing field " + field);
      }
      return null;
    }
    if (!value.isTextual() || !pattern.matcher(value.textValue()).matches()) {
      throw ApiError.badRequest(field + " must be a string of 1-128 characters of " + describe(pattern));
    }
    return value.textValue();
  }

  /** An integer field within {@code min..max}; null when absent. */
  Long integer(String field, long min, long max) throws ApiError {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      throw ApiError.badRequest(field + " must be an integer within " + min + ".." + max);
    }
    return value.longValue();
  }

  /** A boolean field; null when absent. */
  Boolean bool(String field, boolean required) throws ApiError {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiError.badRequest("missing field " + field);
      }
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiError.badRequest(field + " must be true or false");
    }
    return value.booleanValue();
  }

  /** An array of strings (at most 16); null when absent. */
  java.util.List<String> strings(String field) throws ApiError {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray() || value.size() > 16) {
      throw ApiError.badRequest(field + " must be an array of at most 16 strings");
    }
    java.util.List<String> list = new java.util.ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw ApiError.badRequest(field + " must be an array of strings");
      }
      list.add(item.textValue());
    }
    return list;
  }

  private static String describe(Pattern pattern) {
    return pattern == IDENTITY ? "[A-Za-z0-9._@-]" : "[A-Za-z0-9._-]";
  }

  /** Keeps echoed names short. */
  static final class WsSafe {
    private WsSafe() {}

    static String abbreviate(String name) {
      String clean = name.replaceAll("[^A-Za-z0-9._@-]", "?");
      return clean.length() <= 32 ? clean : clean.substring(0, 32) + "...";
    }
  }
}
