package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.ViewOptions;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenClaims;
import dev.odeon.signaling.http.Json;
import dev.odeon.signaling.metrics.OdeonMetrics;
import dev.odeon.signaling.room.StageDirector;
import dev.odeon.signaling.room.StageError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of one signaling connection (docs/protocol.md): {@code publish}, {@code unpublish},
 * {@code view}, checked against the token's role, grants and sourceId. Owns the connection's media
 * sessions (at most one publishing) and closes them all when the connection ends. All state is
 * confined to the channel's event loop: engine futures complete on the media thread and hop back
 * through {@code loop} before touching it.
 */
final class WsSession {
  /** What every connection shares; {@code interactive} is null when interactive sessions are off. */
  record Deps(MediaService media, StreamHub hub, OdeonMetrics metrics, StageDirector stages,
      dev.odeon.signaling.interactive.Interactive interactive) {
    Deps(MediaService media, StreamHub hub, OdeonMetrics metrics, StageDirector stages) {
      this(media, hub, metrics, stages, null);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
  private static final int MAX_SOURCE_ID = 128;

  private final TokenClaims claims;
  private final Deps deps;
  private final WsConnection out;
  private final Executor loop;
  private final StreamId stream;
  private final Set<SessionId> sessions = new LinkedHashSet<>();
  private SessionId publishing;
  /** The latest viewing session: the default target of {@code project}/{@code unproject}. */
  private SessionId viewing;
  private boolean publishPending;
  private boolean closed;
  /** A moderator moved this connection's identity back to the audience: no more publishing. */
  private boolean publishRevoked;
  private final WsInteractive interactive;

  WsSession(TokenClaims claims, Deps deps, WsConnection out, Executor loop) {
    this.claims = claims;
    this.deps = deps;
    this.out = out;
    this.loop = loop;
    this.stream = new StreamId(claims.stream());
    this.interactive = new WsInteractive(claims, deps, out);
  }

  StreamId stream() {
    return stream;
  }

  Set<SessionId> sessions() {
    return sessions;
  }

  /** Runs a command; false when its name is unknown. */
  boolean handle(CommandFrame frame) {
    switch (frame.name()) {
      case "publish" -> publish(frame.id(), frame.data());
      case "unpublish" -> unpublish(frame.id());
      case "view" -> view(frame.id(), frame.data());
      case "keepalive" -> succeed("keepalive", frame.id(), Json.object());
      case "project" -> project(frame.id(), frame.data());
      case "unproject" -> unproject(frame.id(), frame.data());
      default -> {
        return stageCommand(frame) || interactive.handle(frame);
      }
    }
    return true;
  }

  private void publish(JsonNode id, ObjectNode data) {
    if (!claims.role().mayPublish() || !claims.has(Grant.PUBLISH) || publishRevoked) {
      fail("publish", id, "unauthorized", publishRevoked ? "the publish right was revoked" : "this token may not publish");
      return;
    }
    String sdp = text(data, "sdp", Integer.MAX_VALUE);
    JsonNode source = data.get("sourceId");
    String sourceId = source == null || source.isNull() ? null : text(data, "sourceId", MAX_SOURCE_ID);
    if (sdp == null || (source != null && !source.isNull() && sourceId == null)) {
      fail("publish", id, "bad_request", "publish needs data.sdp and an optional string data.sourceId");
      return;
    }
    if (claims.sourceId() != null && !claims.sourceId().equals(sourceId)) {
      fail("publish", id, "unauthorized", "this token may only publish source " + claims.sourceId());
      return;
    }
    if (publishing != null || publishPending) {
      fail("publish", id, "already_publishing", "this connection already publishes; unpublish first");
      return;
    }
    String refusal = deps.stages().publishRefusal(out, sourceId);
    if (refusal != null) {
      fail("publish", id, "unauthorized", refusal);
      return;
    }
    publishPending = true;
    PublishRequest request =
        new PublishRequest(stream, SourceId.ofNullable(sourceId), sdp, claims.identity());
    whenDone(
        call(() -> deps.media().publish(request)),
        (answer, error) -> {
          publishPending = false;
          if (error != null) {
            failWith("publish", id, error);
          } else if (publishRevoked) {
            deps.media().close(answer.session(), "publish right revoked");
            fail("publish", id, "unauthorized", "the publish right was revoked");
          } else if (adopt(answer)) {
            publishing = answer.session();
            deps.hub().publisherJoined(out, stream, answer.session());
            succeed("publish", id, answerData(answer));
            deps.stages().published(out, sourceId);
          }
        });
  }

  private void unpublish(JsonNode id) {
    if (publishing == null) {
      fail("unpublish", id, "not_publishing", "this connection has no publishing session");
      return;
    }
    SessionId ended = publishing;
    publishing = null;
    sessions.remove(ended);
    deps.hub().sessionsEnded(List.of(ended));
    deps.media().close(ended, "unpublished");
    deps.stages().unpublished(out);
    succeed("unpublish", id, Json.object());
  }

  private void view(JsonNode id, ObjectNode data) {
    if (!claims.has(Grant.VIEW)) {
      fail("view", id, "unauthorized", "this token may not view");
      return;
    }
    String sdp = text(data, "sdp", Integer.MAX_VALUE);
    if (sdp == null) {
      fail("view", id, "bad_request", "view needs data.sdp");
      return;
    }
    ViewOptions options;
    Set<String> events;
    try {
      options = ViewCommands.viewOptions(data);
      events = ViewCommands.events(data);
    } catch (ViewCommands.BadField e) {
      fail("view", id, "bad_request", e.getMessage());
      return;
    }
    ViewRequest request = new ViewRequest(stream, sdp, claims.identity(), options);
    whenDone(
        call(() -> deps.media().view(request)),
        (answer, error) -> {
          if (error != null) {
            failWith("view", id, error);
          } else if (adopt(answer)) {
            deps.metrics().commandHandled("view", "ok");
            // The hub sends the response, then `active` for each live source, in that order.
            String response = WsMessages.ok(id, answerData(answer));
            viewing = answer.session();
            deps.hub().viewerJoined(out, stream, answer.session(), events, () -> out.send(response));
          }
        });
  }

  /** {@code project}: a source's tracks into this connection's viewing session's slots. */
  private void project(JsonNode id, ObjectNode data) {
    SessionId session;
    SourceId source;
    List<Projection> mapping;
    try {
      session = viewingSession(data);
      source = ViewCommands.source(data);
      mapping = ViewCommands.mapping(data);
    } catch (ViewCommands.BadField e) {
      fail("project", id, e.getMessage().startsWith("no viewing") ? "unknown_session" : "bad_request", e.getMessage());
      return;
    }
    whenSettled("project", id, callVoid(() -> deps.media().project(session, source, mapping)));
  }

  /** {@code unproject}: slots back to their default role. */
  private void unproject(JsonNode id, ObjectNode data) {
    SessionId session;
    List<String> mids;
    try {
      session = viewingSession(data);
      mids = ViewCommands.mids(data);
    } catch (ViewCommands.BadField e) {
      fail("unproject", id, e.getMessage().startsWith("no viewing") ? "unknown_session" : "bad_request", e.getMessage());
      return;
    }
    whenSettled("unproject", id, callVoid(() -> deps.media().unproject(session, mids)));
  }

  /** The session named by {@code data.sessionId}, or the latest one; only this connection's own. */
  private SessionId viewingSession(ObjectNode data) throws ViewCommands.BadField {
    JsonNode named = data.get("sessionId");
    SessionId session = viewing;
    if (named != null && !named.isNull()) {
      session = named.isTextual() && !named.textValue().isEmpty() ? new SessionId(named.textValue()) : null;
    }
    if (session == null || !sessions.contains(session) || session.equals(publishing)) {
      throw new ViewCommands.BadField("no viewing session " + (named == null ? "on this connection" : named.toString()));
    }
    return session;
  }

  private void whenSettled(String command, JsonNode id, CompletableFuture<Void> future) {
    future.whenComplete((ok, error) -> execute(() -> {
      if (error != null) {
        failWith(command, id, error);
      } else {
        succeed(command, id, Json.object());
      }
    }));
  }

  private static CompletableFuture<Void> callVoid(java.util.function.Supplier<CompletableFuture<Void>> request) {
    try {
      CompletableFuture<Void> future = request.get();
      return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException("engine returned no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Keeps a new session unless the connection is gone already, in which case it is closed. */
  private boolean adopt(SessionAnswer answer) {
    if (closed) {
      deps.hub().sessionsEnded(List.of(answer.session()));
      deps.media().close(answer.session(), "connection closed");
      return false;
    }
    sessions.add(answer.session());
    return true;
  }

  /** The socket closed: every session of this connection ends. Event loop. */
  void closeAll() {
    closed = true;
    interactive.close();
    deps.hub().sessionsEnded(sessions);
    for (SessionId session : sessions) {
      deps.media().close(session, "connection closed");
    }
    sessions.clear();
    publishing = null;
  }

  /** The engine ended one of our sessions. Any thread. */
  void engineClosed(SessionId session, String reason) {
    execute(
        () -> {
          if (!sessions.remove(session)) {
            return;
          }
          if (session.equals(publishing)) {
            publishing = null;
            deps.stages().unpublished(out);
          }
          out.sendEvent("stopped", StreamHub.stopped(session, reason));
        });
  }

  /** Stage commands (docs/protocol.md "Stages"); false when {@code frame} names none. */
  private boolean stageCommand(CommandFrame frame) {
    if (!StageDirector.COMMANDS.contains(frame.name())) {
      return false;
    }
    try {
      succeed(frame.name(), frame.id(), deps.stages().command(out, frame.name(), frame.data()));
    } catch (StageError e) {
      fail(frame.name(), frame.id(), e.code(), e.getMessage());
    }
    return true;
  }

  /** A moderator moved this identity back to the audience: stop publishing, refuse it from now on. Event loop. */
  void revokePublish() {
    publishRevoked = true;
    if (publishing != null) {
      SessionId ended = publishing;
      publishing = null;
      sessions.remove(ended);
      deps.hub().sessionsEnded(List.of(ended));
      deps.media().close(ended, "moved to the audience");
      deps.stages().unpublished(out);
    }
  }

  private void whenDone(CompletableFuture<SessionAnswer> future, BiConsumer<SessionAnswer, Throwable> onLoop) {
    future.whenComplete(
        (answer, error) -> {
          boolean queued = execute(() -> onLoop.accept(answer, error));
          if (!queued && answer != null) {
            // The event loop is gone (server shutting down): nobody will own this session.
            deps.media().close(answer.session(), "server shutting down");
          }
        });
  }

  private boolean execute(Runnable task) {
    try {
      loop.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private static CompletableFuture<SessionAnswer> call(java.util.function.Supplier<CompletableFuture<SessionAnswer>> request) {
    try {
      CompletableFuture<SessionAnswer> future = request.get();
      return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException("engine returned no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static ObjectNode answerData(SessionAnswer answer) {
    return Json.object().put("sdp", answer.answerSdp()).put("sessionId", answer.session().value());
  }

  private static String text(ObjectNode data, String field, int maxChars) {
    JsonNode node = data.get(field);
    return node != null && node.isTextual() && !node.textValue().isEmpty() && node.textValue().length() <= maxChars
        ? node.textValue()
        : null;
  }

  private void succeed(String command, JsonNode id, ObjectNode data) {
    deps.metrics().commandHandled(command, "ok");
    out.send(WsMessages.ok(id, data));
  }

  private void fail(String command, JsonNode id, String code, String message) {
    deps.metrics().commandHandled(command, code);
    out.send(WsMessages.error(id, code, message));
  }

  private void failWith(String command, JsonNode id, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof MediaException media) {
      fail(command, id, media.code(), media.getMessage());
    } else {
      String correlation = UUID.randomUUID().toString();
      LOG.warn("{} failed for {} (correlation id {})", command, claims.identity(), correlation, cause);
      fail(command, id, "internal", "internal error, correlation id " + correlation);
    }
  }
}
