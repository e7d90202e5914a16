package dev.odeon.signaling.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.TokenService;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dev token endpoint's {@code grants} parameter (the interactive backend's grant). */
class DevTokenGrantsTest {
  private final TokenService tokens = TokenService.single("k", "secret-0123456789-0123456789-abcdef");
  private final DevTokenEndpoint endpoint = new DevTokenEndpoint(tokens, true);

  private DevTokenEndpoint.Reply mint(String grants) throws Exception {
    Map<String, List<String>> params = grants == null
        ? Map.of("stream", List.of("demo"), "role", List.of("viewer"))
        : Map.of("stream", List.of("demo"), "role", List.of("viewer"), "grants", List.of(grants));
    return endpoint.handle(InetAddress.getLoopbackAddress(), "127.0.0.1:8080", params, Instant.now());
  }

  private Set<Grant> grantsOf(DevTokenEndpoint.Reply reply) throws Exception {
    return tokens.verify(reply.body().get("token").asText(), Instant.now()).grants();
  }

  @Test
  void interactiveServerGrantIsAddedToTheRoleDefaults() throws Exception {
    assertEquals(Set.of(Grant.VIEW), grantsOf(mint(null)));
    assertEquals(Set.of(Grant.VIEW, Grant.INTERACTIVE_SERVER), grantsOf(mint("interactive-server")));
    assertEquals(Set.of(Grant.VIEW, Grant.INTERACTIVE_SERVER), grantsOf(mint("view, interactive-server")));
  }

  @Test
  void unknownGrantIsBadRequest() throws Exception {
    assertEquals(HttpResponseStatus.BAD_REQUEST, mint("admin").status());
    assertEquals(HttpResponseStatus.BAD_REQUEST, mint("moderate").status());
    assertEquals(HttpResponseStatus.BAD_REQUEST, mint("interactive_server").status());
    assertEquals(HttpResponseStatus.BAD_REQUEST, mint(",").status());
  }
}
