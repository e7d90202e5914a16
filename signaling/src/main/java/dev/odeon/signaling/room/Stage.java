package dev.odeon.signaling.room;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.http.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stage of one stream: who hosts it, who is in the audience, whose hand is up, who is invited,
 * who speaks (and whether muted), who was kicked. Pure and single-threaded: commands are method
 * calls, time is a parameter, effects are queued as {@link StageOutput}s for {@link #drainOutputs}.
 *
 * <pre>
 *  WAITING --host joins--> LIVE --end / host gone past the grace--> ENDED
 *  viewer: raiseHand -> (host) invite -> acceptInvite -> publish (speaker, live) -> moveToAudience
 * </pre>
 */
public final class Stage {
  /** Where the stage is in its life. */
  public enum Phase { WAITING, LIVE, ENDED }

  /** An invited identity that accepted: the source it may publish and its moderation state. */
  private static final class Speaker {
    final String sourceId;
    boolean muted;
    boolean live;

    Speaker(String sourceId) {
      this.sourceId = sourceId;
    }
  }

  private final String stream;
  private final StageConfig config;
  private final List<StageOutput> outputs = new ArrayList<>();
  private final Set<String> audience = new LinkedHashSet<>();
  private final Set<String> hands = new LinkedHashSet<>();
  private final Map<String, String> invitations = new HashMap<>();
  private final Map<String, Speaker> speakers = new LinkedHashMap<>();
  private final Set<String> banned = new HashSet<>();
  private Phase phase = Phase.WAITING;
  private String host;
  private boolean hostPresent;
  private long hostLeftAt;
  private int nextSource = 1;
  private boolean handsDirty;
  private boolean countDirty;
  private long lastHands = Long.MIN_VALUE;
  private long lastCount = Long.MIN_VALUE;

  public Stage(String stream, StageConfig config) {
    this.stream = stream;
    this.config = config;
  }

  public Phase phase() {
    return phase;
  }

  public int viewerCount() {
    return audience.size();
  }

  /** True when the stage holds nothing worth keeping without connections: not live, nobody kicked. */
  public boolean isIdle() {
    return phase != Phase.LIVE && banned.isEmpty();
  }

  public boolean isBanned(String identity) {
    return banned.contains(identity);
  }

  /** The effects queued since the last call, in order. */
  public List<StageOutput> drainOutputs() {
    List<StageOutput> drained = List.copyOf(outputs);
    outputs.clear();
    return drained;
  }

  // ---- presence --------------------------------------------------------------------------

  /** A host connection opened: the first host starts the stage; a returning host cancels the grace. */
  public void hostJoined(String identity) {
    if (phase == Phase.ENDED || (host != null && !host.equals(identity))) {
      return;
    }
    host = identity;
    hostPresent = true;
    if (phase == Phase.WAITING) {
      phase = Phase.LIVE;
      outputs.add(new StageOutput.ToEveryone("stage", snapshot()));
    }
  }

  /** The host's last connection closed at {@code nowNanos}; the grace period starts. */
  public void hostLeft(long nowNanos, String identity) {
    if (identity.equals(host)) {
      hostPresent = false;
      hostLeftAt = nowNanos;
    }
  }

  public void audienceJoined(String identity) {
    if (audience.add(identity)) {
      countDirty = true;
    }
  }

  /** The identity's last viewing connection closed: its hand and pending invitation lapse. */
  public void audienceLeft(String identity) {
    if (audience.remove(identity)) {
      countDirty = true;
    }
    if (hands.remove(identity)) {
      handsDirty = true;
    }
    invitations.remove(identity);
  }

  // ---- audience commands -----------------------------------------------------------------

  public void raiseHand(String identity) throws StageError {
    requireLive();
    if (!audience.contains(identity)) {
      throw new StageError("not_in_audience", "only viewers watching the stream may raise a hand");
    }
    if (speakers.containsKey(identity)) {
      throw new StageError("already_speaker", "speakers are on stage already");
    }
    handsDirty |= hands.add(identity);
  }

  public void lowerHand(String identity) {
    handsDirty |= hands.remove(identity);
  }

  /** Accepts a pending invitation; returns the sourceId the speaker may now publish. */
  public String acceptInvite(String identity) throws StageError {
    requireLive();
    String sourceId = invitations.remove(identity);
    if (sourceId == null) {
      throw new StageError("not_invited", "there is no pending invitation");
    }
    speakers.put(identity, new Speaker(sourceId));
    outputs.add(new StageOutput.ToModerators("inviteAccepted", identityData(identity).put("sourceId", sourceId)));
    return sourceId;
  }

  public void declineInvite(String identity) throws StageError {
    if (invitations.remove(identity) == null) {
      throw new StageError("not_invited", "there is no pending invitation");
    }
    outputs.add(new StageOutput.ToModerators("inviteDeclined", identityData(identity)));
  }

  // ---- moderation ------------------------------------------------------------------------

  /** Invites a viewer on stage: they get a publish token for a new sourceId. */
  public String invite(String actor, String target) throws StageError {
    requireLive();
    if (!audience.contains(target)) {
      throw new StageError("not_in_audience", target + " is not watching the stream");
    }
    if (speakers.containsKey(target)) {
      throw new StageError("already_speaker", target + " is already a speaker");
    }
    String sourceId = invitations.computeIfAbsent(target, t -> "speaker-" + nextSource++);
    handsDirty |= hands.remove(target);
    outputs.add(new StageOutput.Invite(target, sourceId, actor));
    outputs.add(new StageOutput.Moderated(actor, "invite", target));
    return sourceId;
  }

  /** Stops (or resumes) forwarding a speaker's audio. */
  public void mute(String actor, String target, boolean muted) throws StageError {
    Speaker speaker = speakers.get(target);
    if (speaker == null) {
      throw new StageError("not_speaker", target + " is not a speaker");
    }
    speaker.muted = muted;
    outputs.add(new StageOutput.Mute(speaker.sourceId, muted));
    outputs.add(new StageOutput.ToEveryone("muted",
        identityData(target).put("sourceId", speaker.sourceId).put("muted", muted).put("by", actor)));
    outputs.add(new StageOutput.Moderated(actor, muted ? "mute" : "unmute", target));
  }

  /** Moves a speaker (or an invited viewer) back to the audience: its publishing ends at once. */
  public void moveToAudience(String actor, String target) throws StageError {
    Speaker speaker = speakers.remove(target);
    String invitation = invitations.remove(target);
    if (speaker == null && invitation == null) {
      throw new StageError("not_speaker", target + " is not a speaker");
    }
    outputs.add(new StageOutput.RevokePublish(target));
    if (speaker != null) {
      if (speaker.live) {
        speakerGone(target, speaker);
      }
      if (speaker.muted) {
        outputs.add(new StageOutput.Mute(speaker.sourceId, false));
      }
    }
    outputs.add(new StageOutput.ToEveryone("movedToAudience", identityData(target).put("by", actor)));
    outputs.add(new StageOutput.Moderated(actor, "moveToAudience", target));
  }

  /** Disconnects an identity and keeps it off this stage until the stage ends. */
  public void kick(String actor, String target) throws StageError {
    if (target.equals(actor)) {
      throw new StageError("bad_request", "a moderator cannot kick itself");
    }
    banned.add(target);
    handsDirty |= hands.remove(target);
    invitations.remove(target);
    Speaker speaker = speakers.remove(target);
    if (speaker != null && speaker.live) {
      speakerGone(target, speaker);
    }
    outputs.add(new StageOutput.Disconnect(target, "kicked by " + actor));
    outputs.add(new StageOutput.Moderated(actor, "kick", target));
  }

  /** Ends the stage for everyone. */
  public void end(String actor, String reason) {
    if (phase == Phase.ENDED) {
      return;
    }
    phase = Phase.ENDED;
    outputs.add(new StageOutput.Moderated(actor, "end", stream));
    outputs.add(new StageOutput.End(reason));
  }

  // ---- media ------------------------------------------------------------------------------

  /**
   * Null when {@code identity} (with {@code role}) may publish {@code sourceId} here, else why not.
   * Speakers publish only the source of their accepted invitation; hosts only while the stage runs.
   */
  public String publishRefusal(String identity, Role role, String sourceId) {
    if (banned.contains(identity) || phase == Phase.ENDED) {
      return "the stage is not open to you";
    }
    if (role == Role.SPEAKER) {
      Speaker speaker = speakers.get(identity);
      if (speaker == null || !speaker.sourceId.equals(sourceId)) {
        return "speakers publish only after accepting an invitation, under its sourceId";
      }
    }
    return null;
  }

  public void published(String identity, String sourceId) {
    Speaker speaker = speakers.get(identity);
    if (speaker == null || !speaker.sourceId.equals(sourceId) || speaker.live) {
      return;
    }
    speaker.live = true;
    outputs.add(new StageOutput.ToEveryone("speakerJoined", identityData(identity).put("sourceId", sourceId)));
    outputs.add(new StageOutput.Feature(sourceId));
  }

  public void unpublished(String identity) {
    Speaker speaker = speakers.get(identity);
    if (speaker != null && speaker.live) {
      speakerGone(identity, speaker);
    }
  }

  private void speakerGone(String identity, Speaker speaker) {
    speaker.live = false;
    outputs.add(new StageOutput.ToEveryone("speakerLeft", identityData(identity).put("sourceId", speaker.sourceId)));
    String newest = null;
    for (Speaker s : speakers.values()) {
      if (s.live) {
        newest = s.sourceId;
      }
    }
    outputs.add(new StageOutput.Feature(newest));
  }

  // ---- time ---------------------------------------------------------------------------------

  /** Ends the stage when the host stayed away past the grace; sends throttled counts. */
  public void tick(long nowNanos) {
    if (phase == Phase.LIVE && !hostPresent && nowNanos - hostLeftAt >= config.hostGrace().toNanos()) {
      end(host, "the host left");
      return;
    }
    long interval = config.countsInterval().toNanos();
    if (countDirty && (lastCount == Long.MIN_VALUE || nowNanos - lastCount >= interval)) {
      countDirty = false;
      lastCount = nowNanos;
      outputs.add(new StageOutput.ToEveryone("viewercount", Json.object().put("count", audience.size())));
    }
    if (handsDirty && (lastHands == Long.MIN_VALUE || nowNanos - lastHands >= interval)) {
      handsDirty = false;
      lastHands = nowNanos;
      outputs.add(new StageOutput.ToModerators("hands", handsData()));
    }
  }

  /** The state a client or the HTTP API reads: phase, host, speakers, counts. */
  public ObjectNode snapshot() {
    ObjectNode data = Json.object().put("streamId", stream).put("phase", phase.name().toLowerCase(java.util.Locale.ROOT));
    data.put("host", host).put("hostPresent", hostPresent);
    ArrayNode list = data.putArray("speakers");
    speakers.forEach((identity, s) ->
        list.addObject().put("identity", identity).put("sourceId", s.sourceId).put("muted", s.muted).put("live", s.live));
    data.put("handsRaised", hands.size()).put("viewers", audience.size());
    return data;
  }

  /** The bounded list of raised hands (oldest first) plus the total. */
  public ObjectNode handsData() {
    ObjectNode data = Json.object().put("total", hands.size());
    ArrayNode list = data.putArray("hands");
    for (String identity : hands) {
      if (list.size() >= config.maxHandsListed()) {
        break;
      }
      list.addObject().put("identity", identity);
    }
    return data;
  }

  private void requireLive() throws StageError {
    if (phase != Phase.LIVE) {
      throw new StageError("stage_not_live", "the stage is not live (no host yet, or ended)");
    }
  }

  private static ObjectNode identityData(String identity) {
    return Json.object().put("identity", identity);
  }
}
