package dev.odeon.signaling.room;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a {@link Stage} asks its adapter to do. Switch on it exhaustively. */
public sealed interface StageOutput {
  /** Send an event to every connection of {@code identity}. */
  record ToIdentity(String identity, String event, ObjectNode data) implements StageOutput {}

  /** Send an event to every connection whose token carries the moderate grant. */
  record ToModerators(String event, ObjectNode data) implements StageOutput {}

  /** Send an event to every connection of the stream. */
  record ToEveryone(String event, ObjectNode data) implements StageOutput {}

  /** Mint a publish token for {@code identity} bound to the stream and {@code sourceId}, and send {@code invited}. */
  record Invite(String identity, String sourceId, String by) implements StageOutput {}

  /** Stop or resume forwarding the audio of {@code sourceId}. */
  record Mute(String sourceId, boolean muted) implements StageOutput {}

  /** Viewers watch {@code sourceId} (null: the default, the first live source). */
  record Feature(String sourceId) implements StageOutput {}

  /** Close the identity's publishing sessions and take the publish right from its live connections. */
  record RevokePublish(String identity) implements StageOutput {}

  /** Close every connection of {@code identity}. */
  record Disconnect(String identity, String reason) implements StageOutput {}

  /** The stage ended: close every connection of the stream. */
  record End(String reason) implements StageOutput {}

  /** A moderation action, for the log: who did what to whom. */
  record Moderated(String actor, String action, String target) implements StageOutput {}
}
