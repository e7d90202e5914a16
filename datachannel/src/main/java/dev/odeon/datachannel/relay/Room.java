package dev.odeon.datachannel.relay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stream's interactive state: who is connected (viewers and backends), whether a session is
 * active, and its open polls. The relay's thread only.
 */
final class Room {
  final String stream;
  final Map<ConnectionId, RelayConnection> members = new LinkedHashMap<>();
  final Map<String, Poll> polls = new LinkedHashMap<>();
  boolean active;

  Room(String stream) {
    this.stream = stream;
  }

  List<RelayConnection> officials() {
    List<RelayConnection> out = new ArrayList<>();
    for (RelayConnection c : members.values()) {
      if (c.official) {
        out.add(c);
      }
    }
    return out;
  }

  List<RelayConnection> viewers() {
    List<RelayConnection> out = new ArrayList<>();
    for (RelayConnection c : members.values()) {
      if (!c.official) {
        out.add(c);
      }
    }
    return out;
  }

  /** Viewer connections whose identity is in {@code identities}. */
  List<RelayConnection> viewersNamed(Set<String> identities) {
    List<RelayConnection> out = new ArrayList<>();
    for (RelayConnection c : members.values()) {
      if (!c.official && identities.contains(c.identity)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Distinct viewer identities connected. */
  int viewerCount() {
    Set<String> ids = new HashSet<>();
    for (RelayConnection c : members.values()) {
      if (!c.official) {
        ids.add(c.identity);
      }
    }
    return ids.size();
  }

  boolean isEmpty() {
    return members.isEmpty() && !active;
  }
}
