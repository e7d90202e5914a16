package dev.odeon.signaling.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.MintedToken;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenRequest;
import dev.odeon.signaling.auth.TokenService;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/dev/token}: mints a token without credentials, for the demo pages. Only in dev
 * mode, only for a loopback peer, and only when the {@code Host} header names a loopback host (so a
 * DNS-rebinding page cannot use a local browser to mint). Stateless; any thread.
 */
public final class DevTokenEndpoint {
  /** The outcome: an HTTP status and the JSON body to send. */
  public record Reply(HttpResponseStatus status, ObjectNode body) {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenService tokens;
  private final boolean devMode;

  public DevTokenEndpoint(TokenService tokens, boolean devMode) {
    this.tokens = tokens;
    this.devMode = devMode;
  }

  /**
   * @param peer the TCP peer's address
   * @param host the request's Host header, or null
   * @param params decoded query parameters
   */
  public Reply handle(InetAddress peer, String host, Map<String, List<String>> params, Instant now) {
    if (!devMode) {
      return error(HttpResponseStatus.FORBIDDEN, "forbidden", "dev tokens are disabled outside dev mode");
    }
    if (peer == null || !peer.isLoopbackAddress() || !isLoopbackHost(host)) {
      return error(HttpResponseStatus.FORBIDDEN, "forbidden", "dev tokens are minted only for loopback pages");
    }
    String stream = single(params, "stream");
    Role role = Role.parse(single(params, "role"));
    String source = single(params, "source");
    String identity = single(params, "identity");
    if (stream == null || !NAME.matcher(stream).matches()) {
      return error(HttpResponseStatus.BAD_REQUEST, "bad_request", "stream must be 1-128 of [A-Za-z0-9._-]");
    }
    if (role == null || role == Role.SPEAKER) {
      // Speakers get their tokens from a host's invitation, never from this endpoint.
      return error(HttpResponseStatus.BAD_REQUEST, "bad_request", "role must be publisher, host or viewer");
    }
    if (source != null && (!role.mayPublish() || !NAME.matcher(source).matches())) {
      return error(HttpResponseStatus.BAD_REQUEST, "bad_request", "source is for publishers and hosts, 1-128 of [A-Za-z0-9._-]");
    }
    if (identity == null) {
      identity = "dev-" + HexFormat.of().formatHex(randomBytes());
    } else if (!IDENTITY.matcher(identity).matches()) {
      return error(HttpResponseStatus.BAD_REQUEST, "bad_request", "identity must be 1-128 of [A-Za-z0-9._@-]");
    }
    java.util.Set<Grant> grants = new java.util.HashSet<>(TokenRequest.defaultGrants(role));
    String extra = single(params, "grants");
    if (extra != null) {
      for (String name : extra.split(",", 8)) {
        Grant grant = Grant.parse(name.trim());
        // Dev tokens never carry moderate or admin: those stay behind the API key.
        if (grant == null || grant == Grant.MODERATE || grant == Grant.ADMIN) {
          return error(HttpResponseStatus.BAD_REQUEST, "bad_request", "grants is a comma list of publish, view, interactive-server");
        }
        grants.add(grant);
      }
    }
    MintedToken minted =
        tokens.mint(new TokenRequest(identity, stream, role, source, grants, null), now);
    ObjectNode body = Json.object();
    body.put("token", minted.token());
    body.put("expiresAt", minted.expiresAt().toString());
    return new Reply(HttpResponseStatus.OK, body);
  }

  static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host;
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(1, end);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    return name.equalsIgnoreCase("localhost") || LOOPBACK_V4.matcher(name).matches() || name.equals("::1");
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static Reply error(HttpResponseStatus status, String code, String message) {
    return new Reply(status, Json.error(code, message));
  }
}
