package dev.odeon.signaling.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.signaling.auth.TokenService;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevTokenEndpointTest {
  private final DevTokenEndpoint endpoint =
      new DevTokenEndpoint(TokenService.single("k", "secret-0123456789-0123456789-abcdef"), true);
  private final Map<String, List<String>> params = Map.of("stream", List.of("demo"), "role", List.of("viewer"));

  @Test
  void remotePeerIsForbidden() throws Exception {
    var reply = endpoint.handle(InetAddress.getByName("10.1.2.3"), "127.0.0.1:8080", params, Instant.now());
    assertEquals(HttpResponseStatus.FORBIDDEN, reply.status());
  }

  @Test
  void rebindingHostHeaderIsForbidden() throws Exception {
    var reply = endpoint.handle(InetAddress.getLoopbackAddress(), "evil.example:8080", params, Instant.now());
    assertEquals(HttpResponseStatus.FORBIDDEN, reply.status());
    assertEquals(HttpResponseStatus.OK,
        endpoint.handle(InetAddress.getLoopbackAddress(), "localhost:8080", params, Instant.now()).status());
  }

  @Test
  void loopbackHostForms() {
    assertTrue(DevTokenEndpoint.isLoopbackHost("127.0.0.1"));
    assertTrue(DevTokenEndpoint.isLoopbackHost("[::1]:8080"));
    assertTrue(DevTokenEndpoint.isLoopbackHost("LOCALHOST:1"));
    assertFalse(DevTokenEndpoint.isLoopbackHost("127.0.0.1.evil.example"));
    assertFalse(DevTokenEndpoint.isLoopbackHost(null));
  }
}
