package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.ViewOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the multisource fields of {@code view}, {@code project} and {@code unproject}
 * (docs/multiplexing.md). Pure; a malformed field becomes a {@link BadField} with a client-facing
 * message (answered as {@code bad_request}). Range checks on the slot count are the engine's
 * ({@code too_many_slots}), so the same rule holds for every client of the engine.
 */
final class ViewCommands {
  /** Event names a viewer may ask for in {@code view}'s {@code events}. */
  static final Set<String> EVENTS = Set.of("active", "inactive", "vad", "layers", "viewercount");
  static final int MAX_SOURCE_ID = 128;
  static final int MAX_LIST = 256;

  /** A field that is present but not what the protocol says. */
  static final class BadField extends Exception {
    BadField(String message) {
      super(message, null, false, false);
    }
  }

  private ViewCommands() {}

  static ViewOptions viewOptions(ObjectNode data) throws BadField {
    SourceId pinned = optionalSource(data, "pinnedSourceId");
    int n = 0;
    JsonNode count = data.get("multiplexedAudioTracks");
    if (count != null && !count.isNull()) {
      if (!count.isIntegralNumber() || !count.canConvertToInt()) {
        throw new BadField("multiplexedAudioTracks must be an integer");
      }
      n = count.intValue();
    }
    Set<SourceId> excluded = new LinkedHashSet<>();
    for (String s : strings(data, "excludedSourceIds", MAX_SOURCE_ID)) {
      excluded.add(SourceId.ofNullable(s));
    }
    return new ViewOptions(pinned, n, excluded);
  }

  /** The events the viewer wants; null when it did not say (all of them). */
  static Set<String> events(ObjectNode data) throws BadField {
    if (data.get("events") == null || data.get("events").isNull()) {
      return null;
    }
    Set<String> wanted = new LinkedHashSet<>(strings(data, "events", 32));
    for (String name : wanted) {
      if (!EVENTS.contains(name)) {
        throw new BadField("unknown event '" + name + "'; known: " + EVENTS);
      }
    }
    return Set.copyOf(wanted);
  }

  static SourceId source(ObjectNode data) throws BadField {
    SourceId s = optionalSource(data, "sourceId");
    return s == null ? SourceId.DEFAULT : s;
  }

  static List<Projection> mapping(ObjectNode data) throws BadField {
    JsonNode list = data.get("mapping");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > 64) {
      throw new BadField("project needs data.mapping: 1..64 entries {media, mid, layer?}");
    }
    List<Projection> out = new ArrayList<>();
    for (JsonNode e : list) {
      JsonNode media = e.get("media");
      JsonNode mid = e.get("mid");
      JsonNode layer = e.get("layer");
      if (!e.isObject() || media == null || !media.isTextual() || mid == null || !mid.isTextual()
          || mid.textValue().length() > 32) {
        throw new BadField("each mapping entry needs string media and mid");
      }
      out.add(new Projection(media.textValue(), mid.textValue(),
          layer == null || layer.isNull() ? null : layer.toString()));
    }
    return out;
  }

  static List<String> mids(ObjectNode data) throws BadField {
    List<String> mids = strings(data, "mids", 32);
    if (mids.isEmpty()) {
      throw new BadField("unproject needs data.mids: a non-empty array of mids");
    }
    return mids;
  }

  private static SourceId optionalSource(ObjectNode data, String field) throws BadField {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().length() > MAX_SOURCE_ID) {
      throw new BadField(field + " must be a string of at most " + MAX_SOURCE_ID + " characters or null");
    }
    return SourceId.ofNullable(node.textValue());
  }

  private static List<String> strings(ObjectNode data, String field, int maxChars) throws BadField {
    JsonNode node = data.get(field);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray() || node.size() > MAX_LIST) {
      throw new BadField(field + " must be an array of at most " + MAX_LIST + " strings");
    }
    for (JsonNode e : node) {
      if (!e.isTextual() || e.textValue().length() > maxChars) {
        throw new BadField(field + " entries must be strings of at most " + maxChars + " characters");
      }
      out.add(e.textValue());
    }
    return out;
  }
}
