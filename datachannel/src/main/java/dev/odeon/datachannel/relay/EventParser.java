package dev.odeon.datachannel.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks and parses one incoming message, cheapest check first: UTF-8 size (before any parsing),
 * then JSON with Jackson under tight {@link StreamReadConstraints} (nesting depth, string and number
 * lengths), strict duplicate-key detection and no trailing tokens; the top level must be an object.
 * Never throws for bad input. Stateless after construction; one owner thread.
 */
final class EventParser {
  /** The outcome: the object, or the error to send. */
  record Result(ObjectNode event, RelayError error, String message) {
    static Result ok(ObjectNode event) {
      return new Result(event, null, null);
    }

    static Result fail(RelayError error, String message) {
      return new Result(null, error, message);
    }
  }

  private final int maxBytes;
  private final int maxDepth;
  private final ObjectMapper mapper;

  EventParser(int maxBytes, int maxDepth) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxStringLength(maxBytes)
            .maxNumberLength(64)
            .maxNameLength(maxBytes)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  Result parse(String text) {
    if (text == null) {
      return Result.fail(RelayError.BAD_JSON, "empty message");
    }
    if (utf8Length(text, maxBytes) > maxBytes) {
      return Result.fail(RelayError.EVENT_TOO_LARGE, "events are limited to " + maxBytes + " bytes");
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      return e.getMessage() != null && e.getMessage().contains("depth")
          ? Result.fail(RelayError.TOO_DEEP, "JSON nesting is limited to " + maxDepth + " levels")
          : Result.fail(RelayError.BAD_JSON, "a JSON number or name is over its length limit");
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      return m != null && m.startsWith("Duplicate field")
          ? Result.fail(RelayError.DUPLICATE_KEY, "duplicate keys are not allowed")
          : Result.fail(RelayError.BAD_JSON, "not valid JSON");
    } catch (RuntimeException e) {
      return Result.fail(RelayError.BAD_JSON, "not valid JSON");
    }
    if (node == null || !node.isObject()) {
      return Result.fail(RelayError.BAD_JSON, "an event must be a JSON object");
    }
    return Result.ok((ObjectNode) node);
  }

  /** UTF-8 length of {@code s}, counting stops once past {@code limit}. */
  static int utf8Length(String s, int limit) {
    int n = 0;
    for (int i = 0; i < s.length() && n <= limit; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
