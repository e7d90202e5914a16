package dev.odeon.signaling.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.MintedToken;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenClaims;
import dev.odeon.signaling.auth.TokenException;
import dev.odeon.signaling.auth.TokenRequest;
import dev.odeon.signaling.auth.TokenService;
import dev.odeon.signaling.room.StageDirector;
import dev.odeon.signaling.room.StageError;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrator's HTTP API under {@code /api/v1/} (docs/api.md): tokens, the publish/subscribe
 * pair, streams (list, read, end, kick, policy). Authenticated by HTTP Basic (API key and secret)
 * or a Bearer JWT with the {@code admin} grant; {@code subscribe} to a public stream needs neither.
 * Every refusal is a JSON error with a 4xx status. Stateless itself (stream state lives in the
 * {@link StageDirector}); called on Netty event loops.
 */
public final class ApiV1 {
  /** The request as the API needs it. */
  public record Request(HttpMethod method, String path, String authorization, String host, byte[] body) {}

  private static final Logger LOG = LoggerFactory.getLogger(ApiV1.class);
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-:\\[\\]]{1,255}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenService tokens;
  private final StageDirector stages;

  public ApiV1(TokenService tokens, StageDirector stages) {
    this.tokens = tokens;
    this.stages = stages;
  }

  /** Answers one request; never throws. {@code fallbackHost} names this server when Host is unusable. */
  public DevTokenEndpoint.Reply handle(Request request, String fallbackHost, Instant now) {
    try {
      return route(request, fallbackHost, now);
    } catch (ApiError e) {
      return new DevTokenEndpoint.Reply(e.status, Json.error(e.code, e.getMessage()));
    }
  }

  private DevTokenEndpoint.Reply route(Request r, String fallbackHost, Instant now) throws ApiError {
    String path = r.path().endsWith("/") ? r.path().substring(0, r.path().length() - 1) : r.path();
    String[] parts = path.substring("/api/v1/".length()).split("/", -1);
    if (path.equals("/api/v1/subscribe")) {
      requireMethod(r, HttpMethod.POST);
      ApiBody body = ApiBody.parse(r.body(), Set.of("stream", "identity", "ttlSeconds"));
      String stream = body.string("stream", ApiBody.NAME, true);
      if (!stages.isPublic(stream)) {
        authenticate(r, now);
      }
      return ok(connectInfo(body, stream, Role.VIEWER, null, r, fallbackHost, now));
    }
    String actor = authenticate(r, now);
    switch (parts[0]) {
      case "tokens" -> {
        requireMethod(r, HttpMethod.POST);
        return ok(mintFromBody(r, actor, now));
      }
      case "publish" -> {
        requireMethod(r, HttpMethod.POST);
        ApiBody body = ApiBody.parse(r.body(), Set.of("stream", "identity", "sourceId", "role", "ttlSeconds"));
        String stream = body.string("stream", ApiBody.NAME, true);
        String sourceId = body.string("sourceId", ApiBody.NAME, false);
        String roleName = body.string("role", ApiBody.NAME, false);
        Role role = roleName == null ? Role.PUBLISHER : Role.parse(roleName);
        if (role != Role.PUBLISHER && role != Role.HOST) {
          throw ApiError.badRequest("role must be publisher or host");
        }
        return ok(connectInfo(body, stream, role, sourceId, r, fallbackHost, now));
      }
      case "streams" -> {
        return streams(r, parts, actor);
      }
      default -> throw new ApiError(HttpResponseStatus.NOT_FOUND, "not_found", "no such API resource");
    }
  }

  private ObjectNode mintFromBody(Request r, String actor, Instant now) throws ApiError {
    ApiBody body = ApiBody.parse(r.body(), Set.of("stream", "identity", "role", "sourceId", "ttlSeconds", "grants"));
    String stream = body.string("stream", ApiBody.NAME, true);
    String identity = body.string("identity", ApiBody.IDENTITY, true);
    String roleName = body.string("role", ApiBody.NAME, true);
    Role role = Role.parse(roleName);
    if (role == null) {
      throw ApiError.badRequest("role must be one of publisher, host, speaker, viewer");
    }
    String sourceId = body.string("sourceId", ApiBody.NAME, false);
    if (sourceId != null && !role.mayPublish()) {
      throw ApiError.badRequest("sourceId is for roles that publish (publisher, host, speaker)");
    }
    Set<Grant> grants = TokenRequest.defaultGrants(role);
    List<String> names = body.strings("grants");
    if (names != null) {
      Set<Grant> chosen = EnumSet.noneOf(Grant.class);
      for (String name : names) {
        Grant grant = Grant.parse(name);
        if (grant == null) {
          throw ApiError.badRequest("unknown grant; grants are publish, view, interactive, moderate, admin");
        }
        chosen.add(grant);
      }
      if (chosen.contains(Grant.PUBLISH) && !role.mayPublish()) {
        throw ApiError.badRequest("the publish grant needs a role that publishes");
      }
      if (chosen.contains(Grant.ADMIN) && !actor.startsWith("key:")) {
        throw new ApiError(HttpResponseStatus.FORBIDDEN, "forbidden", "only an API key may mint admin tokens");
      }
      grants = chosen;
    }
    MintedToken minted = mint(body, identity, stream, role, sourceId, grants, now);
    return Json.object().put("token", minted.token()).put("expiresAt", minted.expiresAt().toString());
  }

  private ObjectNode connectInfo(ApiBody body, String stream, Role role, String sourceId, Request r,
      String fallbackHost, Instant now) throws ApiError {
    String identity = body.string("identity", ApiBody.IDENTITY, false);
    if (identity == null) {
      identity = role.wire() + "-" + HexFormat.of().formatHex(randomBytes());
    }
    MintedToken minted = mint(body, identity, stream, role, sourceId, TokenRequest.defaultGrants(role), now);
    String host = r.host() != null && HOST.matcher(r.host()).matches() ? r.host() : fallbackHost;
    return Json.object()
        .put("wsUrl", "ws://" + host + "/ws?token=" + URLEncoder.encode(minted.token(), StandardCharsets.UTF_8))
        .put("token", minted.token())
        .put("expiresAt", minted.expiresAt().toString())
        .put("streamId", stream)
        .put("identity", identity);
  }

  private MintedToken mint(ApiBody body, String identity, String stream, Role role, String sourceId,
      Set<Grant> grants, Instant now) throws ApiError {
    Long ttl = body.integer("ttlSeconds", 1, tokens.maxLifetime().toSeconds());
    return tokens.mint(new TokenRequest(identity, stream, role, sourceId, grants,
        ttl == null ? null : Duration.ofSeconds(ttl)), now);
  }

  private DevTokenEndpoint.Reply streams(Request r, String[] parts, String actor) throws ApiError {
    if (parts.length == 1) {
      requireMethod(r, HttpMethod.GET);
      ObjectNode body = Json.object();
      var list = body.putArray("streams");
      stages.streams().forEach(list::add);
      return ok(body);
    }
    String stream = parts[1];
    if (!ApiBody.NAME.matcher(stream).matches() || parts.length > 3) {
      throw new ApiError(HttpResponseStatus.NOT_FOUND, "not_found", "no such API resource");
    }
    if (parts.length == 2) {
      if (HttpMethod.DELETE.equals(r.method())) {
        if (!stages.end(stream, actor)) {
          throw new ApiError(HttpResponseStatus.NOT_FOUND, "not_found", "nobody is connected to stream " + stream);
        }
        return ok(Json.object().put("streamId", stream).put("ended", true));
      }
      requireMethod(r, HttpMethod.GET);
      ObjectNode info = stages.stream(stream);
      if (info == null) {
        throw new ApiError(HttpResponseStatus.NOT_FOUND, "not_found", "nobody is connected to stream " + stream);
      }
      return ok(info);
    }
    switch (parts[2]) {
      case "kick" -> {
        requireMethod(r, HttpMethod.POST);
        String identity = ApiBody.parse(r.body(), Set.of("identity")).string("identity", ApiBody.IDENTITY, true);
        try {
          int closed = stages.kick(stream, identity, actor);
          return ok(Json.object().put("streamId", stream).put("identity", identity).put("connections", closed));
        } catch (StageError e) {
          throw ApiError.badRequest(e.getMessage());
        }
      }
      case "policy" -> {
        requireMethod(r, HttpMethod.PUT);
        boolean open = ApiBody.parse(r.body(), Set.of("public")).bool("public", true);
        stages.setPublic(stream, open);
        LOG.info("stream {}: policy {} by {}", stream, open ? "public" : "private", actor);
        return ok(Json.object().put("streamId", stream).put("public", open));
      }
      default -> throw new ApiError(HttpResponseStatus.NOT_FOUND, "not_found", "no such API resource");
    }
  }

  /** Returns the actor ("key:&lt;api key&gt;" or "admin:&lt;identity&gt;"), or throws 401/403. */
  private String authenticate(Request r, Instant now) throws ApiError {
    String auth = r.authorization();
    if (auth == null || auth.isBlank()) {
      throw new ApiError(HttpResponseStatus.UNAUTHORIZED, "unauthorized",
          "credentials required: HTTP Basic with an API key and secret, or a Bearer token with the admin grant");
    }
    if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new ApiError(HttpResponseStatus.UNAUTHORIZED, "unauthorized", "malformed Basic credentials");
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0 || !tokens.checkApiKey(decoded.substring(0, colon), decoded.substring(colon + 1))) {
        throw new ApiError(HttpResponseStatus.UNAUTHORIZED, "unauthorized", "unknown API key or wrong secret");
      }
      return "key:" + decoded.substring(0, colon);
    }
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      TokenClaims claims;
      try {
        claims = tokens.verify(auth.substring(7).trim(), now);
      } catch (TokenException e) {
        throw new ApiError(HttpResponseStatus.UNAUTHORIZED, e.code(), e.getMessage());
      }
      if (!claims.has(Grant.ADMIN)) {
        throw new ApiError(HttpResponseStatus.FORBIDDEN, "forbidden", "the token lacks the admin grant");
      }
      return "admin:" + claims.identity();
    }
    throw new ApiError(HttpResponseStatus.UNAUTHORIZED, "unauthorized", "unsupported Authorization scheme");
  }

  private static void requireMethod(Request r, HttpMethod method) throws ApiError {
    if (!method.equals(r.method())) {
      throw new ApiError(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "use " + method.name() + " here");
    }
  }

  private static DevTokenEndpoint.Reply ok(ObjectNode body) {
    return new DevTokenEndpoint.Reply(HttpResponseStatus.OK, body);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
