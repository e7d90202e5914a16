package dev.odeon.signaling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private static final String SECRET = "a-secret-of-at-least-32-bytes-xxxxxxxxxx";

  @Test
  void fileAndEnvironmentKeysAreRead() throws Exception {
    String ec = Base64.getEncoder().encodeToString(new ECKeyGenerator(Curve.P_256).generate().toECPublicKey().getEncoded());
    ApiKeys keys = new ApiKeys()
        .addEnv("env-1=" + SECRET + ", env-2=" + SECRET + "2")
        .addFile("# comment\n\nprod-2  hs256  " + SECRET + "  # trailing\nbackend es256 " + ec + "\n");
    assertEquals(List.of("env-1", "env-2", "prod-2").size(), keys.secrets().size());
    assertEquals("env-1", keys.firstSecretKey());
    assertTrue(keys.ecKeys().containsKey("backend"));
  }

  @Test
  void malformedInputNamesTheProblem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ApiKeys().addFile("k hs256"))
        .getMessage().contains("line 1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ApiKeys().addFile("\nk rsa x"))
        .getMessage().contains("line 2"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ApiKeys().addFile("k es256 notbase64!"))
        .getMessage().contains("EC public key"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ApiKeys().addFile("k hs256 a\nk hs256 b"))
        .getMessage().contains("twice"));
    assertThrows(IllegalArgumentException.class, () -> new ApiKeys().addEnv("novalue"));
  }
}
