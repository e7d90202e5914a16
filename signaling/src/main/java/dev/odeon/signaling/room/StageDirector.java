package dev.odeon.signaling.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.MintedToken;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.StreamAccess;
import dev.odeon.signaling.auth.TokenException;
import dev.odeon.signaling.auth.TokenRequest;
import dev.odeon.signaling.auth.TokenService;
import dev.odeon.signaling.http.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter between live connections and the {@link Stage}s: one room per stream with its
 * members (connections), the published sources, and the stage. Applies stage outputs (events,
 * media mutes and featured source, invitation tokens, revocations, disconnects), replaces an older
 * connection of the same identity, and serves the HTTP API's stream operations. Synchronized: called
 * from Netty event loops, the HTTP API and the tick timer; it never blocks inside (members hop to
 * their own loops), so the lock is held for microseconds.
 */
public final class StageDirector {
  /** WebSocket close codes (RFC 6455 section 7.4.2: 4000-4999 are private use). */
  public static final int CLOSE_REPLACED = 4001;
  public static final int CLOSE_KICKED = 4003;
  public static final int CLOSE_ENDED = 4004;

  private static final Logger LOG = LoggerFactory.getLogger(StageDirector.class);
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

  private static final class Room {
    final Stage stage;
    final List<Member> members = new ArrayList<>();
    final Map<Member, String> sources = new LinkedHashMap<>();

    Room(Stage stage) {
      this.stage = stage;
    }
  }

  private final MediaService media;
  private final TokenService tokens;
  private final Clock clock;
  private final StageConfig config;
  private final Map<String, Room> rooms = new HashMap<>();
  private final Map<String, Boolean> publicStreams = new HashMap<>();

  public StageDirector(MediaService media, TokenService tokens, Clock clock, StageConfig config) {
    this.media = media;
    this.tokens = tokens;
    this.clock = clock;
    this.config = config;
  }

  // ---- connections ----------------------------------------------------------------------

  /** A connection opened. Returns null, or why it is refused (then the caller closes it). */
  public synchronized String join(Member m) {
    String stream = m.claims().stream();
    Room room = rooms.computeIfAbsent(stream, s -> new Room(new Stage(s, config)));
    String identity = m.claims().identity();
    if (room.stage.isBanned(identity)) {
      return "kicked from this stage";
    }
    for (Member old : List.copyOf(room.members)) {
      if (old.claims().identity().equals(identity) && old.isPublishing() == m.isPublishing()) {
        // The same person connecting again (a reload, a second tab): the newer connection wins.
        room.members.remove(old);
        String source = room.sources.remove(old);
        if (source != null) {
          room.stage.unpublished(identity);
        }
        old.sendEvent("replaced", Json.object().put("reason", "the same identity connected again"));
        old.disconnect(CLOSE_REPLACED, "replaced by a newer connection");
      }
    }
    room.members.add(m);
    Role role = m.claims().role();
    if (role == Role.HOST) {
      room.stage.hostJoined(identity);
    } else if (!m.isPublishing()) {
      room.stage.audienceJoined(identity);
    }
    if (room.stage.phase() == Stage.Phase.LIVE) {
      m.sendEvent("stage", room.stage.snapshot());
    }
    apply(stream, room);
    return null;
  }

  /** A connection closed (or was replaced, kicked, ended: then it is no member any more). */
  public synchronized void leave(long nowNanos, Member m) {
    String stream = m.claims().stream();
    Room room = rooms.get(stream);
    if (room == null || !room.members.remove(m)) {
      return;
    }
    String identity = m.claims().identity();
    if (room.sources.remove(m) != null) {
      room.stage.unpublished(identity);
    }
    boolean sameSlotLeft = room.members.stream()
        .anyMatch(o -> o.claims().identity().equals(identity) && o.isPublishing() == m.isPublishing());
    if (!sameSlotLeft) {
      if (m.claims().role() == Role.HOST) {
        room.stage.hostLeft(nowNanos, identity);
      } else if (!m.isPublishing()) {
        room.stage.audienceLeft(identity);
      }
    }
    apply(stream, room);
    if (room.members.isEmpty() && room.stage.isIdle() && rooms.get(stream) == room) {
      rooms.remove(stream);
    }
  }

  /** Null when {@code m} may publish {@code sourceId} now, else the reason. */
  public synchronized String publishRefusal(Member m, String sourceId) {
    Room room = rooms.get(m.claims().stream());
    if (room == null || !room.members.contains(m)) {
      return "the connection is not part of the stream any more";
    }
    return room.stage.publishRefusal(m.claims().identity(), m.claims().role(), sourceId);
  }

  public synchronized void published(Member m, String sourceId) {
    Room room = rooms.get(m.claims().stream());
    if (room != null && room.members.contains(m)) {
      room.sources.put(m, sourceId == null ? "" : sourceId);
      room.stage.published(m.claims().identity(), sourceId);
      apply(m.claims().stream(), room);
    }
  }

  public synchronized void unpublished(Member m) {
    Room room = rooms.get(m.claims().stream());
    if (room != null && room.sources.remove(m) != null) {
      room.stage.unpublished(m.claims().identity());
      apply(m.claims().stream(), room);
    }
  }

  /** The stage command names {@link #command} handles. */
  public static final Set<String> COMMANDS = Set.of("raiseHand", "lowerHand", "acceptInvite", "declineInvite",
      "invite", "mute", "unmute", "moveToAudience", "kick", "endStage", "stageState");

  /** Runs a stage command of {@code m}; returns the response data. */
  public synchronized ObjectNode command(Member m, String name, ObjectNode data) throws StageError {
    String stream = m.claims().stream();
    Room room = rooms.get(stream);
    if (room == null || !room.members.contains(m)) {
      throw new StageError("stage_not_live", "the stage ended");
    }
    Stage stage = room.stage;
    String me = m.claims().identity();
    ObjectNode result = Json.object();
    try {
      switch (name) {
        case "stageState" -> result = stage.snapshot();
        case "raiseHand" -> stage.raiseHand(me);
        case "lowerHand" -> stage.lowerHand(me);
        case "acceptInvite" -> result.put("sourceId", stage.acceptInvite(me));
        case "declineInvite" -> stage.declineInvite(me);
        case "invite" -> result.put("sourceId", stage.invite(moderator(m), target(data)));
        case "mute" -> stage.mute(moderator(m), target(data), true);
        case "unmute" -> stage.mute(moderator(m), target(data), false);
        case "moveToAudience" -> stage.moveToAudience(moderator(m), target(data));
        case "kick" -> stage.kick(moderator(m), target(data));
        case "endStage" -> stage.end(moderator(m), "ended by " + me);
        default -> throw new StageError("bad_request", "unknown stage command");
      }
    } finally {
      apply(stream, room);
    }
    return result;
  }

  private static String moderator(Member m) throws StageError {
    try {
      StreamAccess.checkModerate(m.claims(), m.claims().stream());
    } catch (TokenException e) {
      throw new StageError("unauthorized", e.getMessage());
    }
    return m.claims().identity();
  }

  private static String target(ObjectNode data) throws StageError {
    JsonNode node = data.get("identity");
    if (node == null || !node.isTextual() || !IDENTITY.matcher(node.textValue()).matches()) {
      throw new StageError("bad_request", "data.identity must be 1-128 of [A-Za-z0-9._@-]");
    }
    return node.textValue();
  }

  /** Ends stages whose host stayed away, sends throttled counts. Timer thread. */
  public synchronized void tick(long nowNanos) {
    for (Map.Entry<String, Room> e : List.copyOf(rooms.entrySet())) {
      e.getValue().stage.tick(nowNanos);
      apply(e.getKey(), e.getValue());
    }
  }

  // ---- HTTP API ---------------------------------------------------------------------------

  /** Every stream with connections, by id. */
  public synchronized List<ObjectNode> streams() {
    List<ObjectNode> list = new ArrayList<>();
    for (String stream : new TreeMap<>(rooms).keySet()) {
      list.add(describe(stream));
    }
    return list;
  }

  /** One stream's sources, counts, stage state and policy; null when nobody is connected. */
  public synchronized ObjectNode stream(String stream) {
    return rooms.containsKey(stream) ? describe(stream) : null;
  }

  private ObjectNode describe(String stream) {
    Room room = rooms.get(stream);
    ObjectNode data = Json.object().put("streamId", stream).put("public", isPublic(stream));
    data.put("connections", room.members.size());
    data.put("viewers", room.stage.viewerCount());
    var sources = data.putArray("sources");
    room.sources.forEach((m, source) ->
        sources.addObject().put("sourceId", source.isEmpty() ? null : source).put("identity", m.claims().identity()));
    data.set("stage", room.stage.snapshot());
    return data;
  }

  /** Ends a stream for everyone; false when nobody is connected to it. */
  public synchronized boolean end(String stream, String actor) {
    Room room = rooms.get(stream);
    if (room == null) {
      return false;
    }
    room.stage.end(actor, "ended by " + actor);
    apply(stream, room);
    return true;
  }

  /** Disconnects {@code identity} from the stream and keeps it off the stage; returns its connection count. */
  public synchronized int kick(String stream, String identity, String actor) throws StageError {
    Room room = rooms.computeIfAbsent(stream, s -> new Room(new Stage(s, config)));
    int count = (int) room.members.stream().filter(o -> o.claims().identity().equals(identity)).count();
    room.stage.kick(actor, identity);
    apply(stream, room);
    return count;
  }

  public synchronized void setPublic(String stream, boolean open) {
    if (open) {
      publicStreams.put(stream, true);
    } else {
      publicStreams.remove(stream);
    }
  }

  public synchronized boolean isPublic(String stream) {
    return publicStreams.getOrDefault(stream, false);
  }

  // ---- outputs ------------------------------------------------------------------------------

  private void apply(String stream, Room room) {
    for (StageOutput out : room.stage.drainOutputs()) {
      if (out instanceof StageOutput.ToIdentity o) {
        forIdentity(room, o.identity(), m -> m.sendEvent(o.event(), o.data().deepCopy()));
      } else if (out instanceof StageOutput.ToModerators o) {
        for (Member m : List.copyOf(room.members)) {
          if (m.claims().has(Grant.MODERATE)) {
            m.sendEvent(o.event(), o.data().deepCopy());
          }
        }
      } else if (out instanceof StageOutput.ToEveryone o) {
        List.copyOf(room.members).forEach(m -> m.sendEvent(o.event(), o.data().deepCopy()));
      } else if (out instanceof StageOutput.Invite o) {
        sendInvitation(stream, room, o);
      } else if (out instanceof StageOutput.Mute o) {
        media.setMuted(new StreamId(stream), SourceId.ofNullable(o.sourceId()), o.muted());
      } else if (out instanceof StageOutput.Feature o) {
        media.setFeatured(new StreamId(stream), o.sourceId() == null ? null : new SourceId(o.sourceId()));
      } else if (out instanceof StageOutput.RevokePublish o) {
        forIdentity(room, o.identity(), Member::revokePublish);
      } else if (out instanceof StageOutput.Disconnect o) {
        forIdentity(room, o.identity(), m -> {
          m.sendEvent("kicked", Json.object().put("reason", o.reason()));
          m.disconnect(CLOSE_KICKED, "kicked");
        });
      } else if (out instanceof StageOutput.End o) {
        endRoom(stream, room, o.reason());
      } else if (out instanceof StageOutput.Moderated o) {
        LOG.info("stage {}: {} {} by {}", stream, o.action(), o.target(), o.actor());
      }
    }
  }

  private void sendInvitation(String stream, Room room, StageOutput.Invite o) {
    MintedToken token = tokens.mint(new TokenRequest(o.identity(), stream, Role.SPEAKER, o.sourceId(),
        TokenRequest.defaultGrants(Role.SPEAKER), null), clock.instant());
    ObjectNode data = Json.object().put("streamId", stream).put("identity", o.identity()).put("sourceId", o.sourceId()).put("by", o.by())
        .put("token", token.token()).put("expiresAt", token.expiresAt().toString());
    forIdentity(room, o.identity(), m -> m.sendEvent("invited", data.deepCopy()));
  }

  private void endRoom(String stream, Room room, String reason) {
    if (rooms.get(stream) == room) {
      rooms.remove(stream);
    }
    for (Member m : List.copyOf(room.members)) {
      m.sendEvent("stageEnded", Json.object().put("reason", reason));
      m.disconnect(CLOSE_ENDED, "stage ended");
    }
    room.members.clear();
    room.sources.clear();
    media.forgetStream(new StreamId(stream));
  }

  private static void forIdentity(Room room, String identity, java.util.function.Consumer<Member> action) {
    for (Member m : List.copyOf(room.members)) {
      if (m.claims().identity().equals(identity)) {
        action.accept(m);
      }
    }
  }
}
