package dev.odeon.signaling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The issue's negative token suite, one row per attack, each refused with its own stable code; plus
 * ES256 keys, max-lifetime enforcement and the stream/role checks applied after verification.
 */
class TokenNegativeSuiteTest {
  private static final String KEY = "key-1";
  private static final String SECRET = "secret-one-0123456789-abcdefghijklmn";
  private static final String OTHER_SECRET = "another-secret-0123456789-abcdefghij";
  private static final String EC_KID = "backend-ec";
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final ECKey EC = generateEc();

  private final TokenService tokens =
      new TokenService(Map.of(KEY, SECRET), Map.of(EC_KID, ecPublic()), KEY,
          Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(30));

  private static ECKey generateEc() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(EC_KID).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.security.interfaces.ECPublicKey ecPublic() {
    try {
      return EC.toECPublicKey();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet.Builder claims(String kid) {
    return new JWTClaimsSet.Builder()
        .issuer(kid)
        .subject("alice")
        .audience("odeon")
        .issueTime(Date.from(NOW))
        .notBeforeTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(60)))
        .jwtID("j1")
        .claim("stream", "stream-a")
        .claim("role", "viewer")
        .claim("grants", List.of("view"));
  }

  private static String hs(JWSAlgorithm alg, String kid, String secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String valid() {
    return hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).build());
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The HS256 signature of a valid token put under a header that claims HS512. */
  private static String hs512HeaderOnHs256Signature() {
    String[] parts = valid().split("\\.");
    return b64("{\"alg\":\"HS512\",\"kid\":\"" + KEY + "\"}") + "." + parts[1] + "." + parts[2];
  }

  private static String payloadChanged() {
    String[] parts = valid().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"viewer\"", "\"host\"");
    return parts[0] + "." + b64(payload) + "." + parts[2];
  }

  private static String verifyCode(TokenService tokens, String token) {
    return assertThrows(TokenException.class, () -> tokens.verify(token, NOW)).code();
  }

  private static DynamicTest row(String name, String expectedCode, String token) {
    return dynamicTest(name + " -> " + expectedCode, () -> {
      TokenService tokens = new TokenNegativeSuiteTest().tokens;
      assertEquals(expectedCode, verifyCode(tokens, token));
    });
  }

  @TestFactory
  Stream<DynamicTest> everyAttackIsRefusedWithItsCode() {
    return Stream.of(
        row("alg none", "token_bad_alg",
            b64("{\"alg\":\"none\",\"kid\":\"" + KEY + "\"}") + "." + valid().split("\\.")[1] + "."),
        row("signed with another secret", "token_bad_signature",
            hs(JWSAlgorithm.HS256, KEY, OTHER_SECRET, claims(KEY).build())),
        row("payload changed under the old signature", "token_bad_signature", payloadChanged()),
        row("no exp", "token_no_exp",
            hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).expirationTime(null).build())),
        row("expired", "token_expired",
            hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).issueTime(Date.from(NOW.minusSeconds(200)))
                .notBeforeTime(null).expirationTime(Date.from(NOW.minusSeconds(31))).build())),
        row("nbf in the future", "token_not_yet_valid",
            hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).notBeforeTime(Date.from(NOW.plusSeconds(31))).build())),
        row("lifetime over the maximum", "token_lifetime_too_long",
            hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).expirationTime(Date.from(NOW.plusSeconds(601))).build())),
        row("lifetime over the maximum without iat", "token_lifetime_too_long",
            hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).issueTime(null)
                .expirationTime(Date.from(NOW.plus(Duration.ofDays(365)))).build())),
        row("wrong aud", "token_bad_audience",
            hs(JWSAlgorithm.HS256, KEY, SECRET, claims(KEY).audience("someone-else").build())),
        row("unknown kid", "token_unknown_key",
            hs(JWSAlgorithm.HS256, "key-9", SECRET, claims("key-9").build())),
        row("HS512 header on an HS256 signature", "token_bad_alg", hs512HeaderOnHs256Signature()),
        row("HS256 header on the EC key id (key confusion)", "token_bad_alg",
            hs(JWSAlgorithm.HS256, EC_KID, SECRET, claims(EC_KID).build())),
        row("garbage", "token_malformed", "garbage"),
        row("three dots of garbage", "token_malformed", "a.b.c"),
        row("empty", "token_missing", ""),
        row("over 8 KiB", "token_too_large", valid() + "x".repeat(TokenService.MAX_TOKEN_CHARS)));
  }

  @Test
  void aStreamATokenCannotBeUsedOnStreamB() throws Exception {
    TokenClaims claims = tokens.verify(valid(), NOW);
    StreamAccess.checkView(claims, "stream-a");
    TokenException e = assertThrows(TokenException.class, () -> StreamAccess.checkView(claims, "stream-b"));
    assertEquals("token_wrong_stream", e.code());
  }

  @Test
  void aViewTokenCannotPublish() throws Exception {
    TokenClaims claims = tokens.verify(valid(), NOW);
    TokenException e = assertThrows(TokenException.class, () -> StreamAccess.checkPublish(claims, "stream-a", null));
    assertEquals("token_no_publish_grant", e.code());
  }

  @Test
  void aPublishTokenIsBoundToItsStreamAndSource() throws Exception {
    String token = tokens.mint(new TokenRequest("bob", "stream-a", Role.SPEAKER, "cam-1",
        TokenRequest.defaultGrants(Role.SPEAKER), null), NOW).token();
    TokenClaims claims = tokens.verify(token, NOW);
    StreamAccess.checkPublish(claims, "stream-a", "cam-1");
    assertEquals("token_wrong_stream",
        assertThrows(TokenException.class, () -> StreamAccess.checkPublish(claims, "stream-b", "cam-1")).code());
    assertEquals("token_wrong_source",
        assertThrows(TokenException.class, () -> StreamAccess.checkPublish(claims, "stream-a", "cam-2")).code());
    assertEquals("token_no_moderate_grant",
        assertThrows(TokenException.class, () -> StreamAccess.checkModerate(claims, "stream-a")).code());
  }

  @Test
  void es256TokensFromAConfiguredKeyVerify() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(EC_KID).build(),
        claims(EC_KID).claim("role", "host").claim("grants", List.of("publish", "view", "moderate")).build());
    jwt.sign(new ECDSASigner(EC));
    TokenClaims claims = tokens.verify(jwt.serialize(), NOW);
    assertEquals(Role.HOST, claims.role());
    StreamAccess.checkModerate(claims, "stream-a");
  }

  @Test
  void es256SignedByAnotherKeyIsRefused() throws Exception {
    ECKey other = new ECKeyGenerator(Curve.P_256).keyID(EC_KID).generate();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(EC_KID).build(), claims(EC_KID).build());
    jwt.sign(new ECDSASigner(other));
    assertEquals("token_bad_signature", verifyCode(tokens, jwt.serialize()));
  }

  @Test
  void apiKeyCheckIsExact() {
    assertEquals(true, tokens.checkApiKey(KEY, SECRET));
    assertEquals(false, tokens.checkApiKey(KEY, OTHER_SECRET));
    assertEquals(false, tokens.checkApiKey(EC_KID, SECRET));
    assertEquals(false, tokens.checkApiKey(null, null));
  }
}
