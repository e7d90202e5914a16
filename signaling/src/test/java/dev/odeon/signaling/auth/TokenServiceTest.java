package dev.odeon.signaling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private static final String KEY = "key-1";
  private static final String SECRET = "secret-one-0123456789-abcdefghijklmn";
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private final TokenService tokens = TokenService.single(KEY, SECRET);

  private String mint(Role role, String source) {
    return tokens.mint(new TokenRequest("alice", "demo", role, source, TokenRequest.defaultGrants(role), null), NOW).token();
  }

  private String code(String token, Instant at) {
    return assertThrows(TokenException.class, () -> tokens.verify(token, at)).code();
  }

  /** Signs arbitrary claims with the real secret, to test claim checks past the signature. */
  private static String sign(String kid, String secret, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .issuer(KEY)
        .subject("alice")
        .audience("odeon")
        .issueTime(Date.from(NOW))
        .notBeforeTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(60)))
        .claim("stream", "demo")
        .claim("role", "viewer")
        .claim("grants", List.of("view"));
  }

  @Test
  void mintedPublisherTokenVerifiesWithItsClaims() throws Exception {
    MintedToken minted =
        tokens.mint(new TokenRequest("alice", "demo", Role.PUBLISHER, "cam-1", TokenRequest.defaultGrants(Role.PUBLISHER), null), NOW);
    assertEquals(NOW.plusSeconds(60), minted.expiresAt());
    TokenClaims claims = tokens.verify(minted.token(), NOW.plusSeconds(10));
    assertEquals("alice", claims.identity());
    assertEquals("demo", claims.stream());
    assertEquals(Role.PUBLISHER, claims.role());
    assertEquals("cam-1", claims.sourceId());
    assertEquals(Set.of(Grant.PUBLISH, Grant.VIEW), claims.grants());
    assertTrue(claims.tokenId() != null && claims.tokenId().length() >= 16);
    SignedJWT parsed = SignedJWT.parse(minted.token());
    assertEquals(KEY, parsed.getHeader().getKeyID());
    assertEquals(List.of("odeon"), parsed.getJWTClaimsSet().getAudience());
  }

  @Test
  void viewerTokenHasNoSourceAndOnlyView() throws Exception {
    TokenClaims claims = tokens.verify(mint(Role.VIEWER, null), NOW);
    assertNull(claims.sourceId());
    assertEquals(Set.of(Grant.VIEW), claims.grants());
  }

  @Test
  void algNoneIsRefused() {
    String token = new PlainJWT(validClaims().build()).serialize();
    assertEquals("token_bad_alg", code(token, NOW));
  }

  @Test
  void otherAlgorithmHeaderIsRefused() throws Exception {
    String token = mint(Role.VIEWER, null);
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"HS512\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("token_bad_alg", code(header + token.substring(token.indexOf('.')), NOW));
  }

  @Test
  void otherSecretIsRefused() {
    String token = TokenService.single(KEY, "another-secret-0123456789-abcdefghij").mint(
        new TokenRequest("alice", "demo", Role.VIEWER, null, Set.of(Grant.VIEW), null), NOW).token();
    assertEquals("token_bad_signature", code(token, NOW));
  }

  @Test
  void tamperedPayloadIsRefused() throws Exception {
    String[] parts = mint(Role.VIEWER, null).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"viewer\"", "\"publisher\"");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertEquals("token_bad_signature", code(forged, NOW));
  }

  @Test
  void missingExpIsRefused() throws Exception {
    assertEquals("token_no_exp", code(sign(KEY, SECRET, validClaims().expirationTime(null).build()), NOW));
  }

  @Test
  void expiredBeyondSkewIsRefusedButWithinSkewAccepted() throws Exception {
    String token = mint(Role.VIEWER, null);
    assertEquals("token_expired", code(token, NOW.plusSeconds(60 + 31)));
    assertEquals("demo", tokens.verify(token, NOW.plusSeconds(60 + 29)).stream());
  }

  @Test
  void notBeforeInTheFutureIsRefused() throws Exception {
    String token = mint(Role.VIEWER, null);
    assertEquals("token_not_yet_valid", code(token, NOW.minusSeconds(31)));
    assertEquals("demo", tokens.verify(token, NOW.minusSeconds(29)).stream());
  }

  @Test
  void wrongAudienceIsRefused() throws Exception {
    assertEquals("token_bad_audience", code(sign(KEY, SECRET, validClaims().audience("other").build()), NOW));
    assertEquals("token_bad_audience", code(sign(KEY, SECRET, validClaims().audience((String) null).build()), NOW));
  }

  @Test
  void issuerMustMatchKid() throws Exception {
    assertEquals("token_bad_issuer", code(sign(KEY, SECRET, validClaims().issuer("someone").build()), NOW));
  }

  @Test
  void unknownKidIsRefused() throws Exception {
    assertEquals("token_unknown_key", code(sign("key-2", SECRET, validClaims().issuer("key-2").build()), NOW));
  }

  @Test
  void missingClaimsAreRefused() throws Exception {
    assertEquals("token_bad_claims", code(sign(KEY, SECRET, validClaims().claim("role", "admin").build()), NOW));
    assertEquals("token_bad_claims", code(sign(KEY, SECRET, validClaims().claim("stream", 42).build()), NOW));
  }

  @Test
  void garbageEmptyAndOversizedAreRefused() {
    assertEquals("token_malformed", code("not-a-token", NOW));
    assertEquals("token_malformed", code("%%%.###.!!!", NOW));
    assertEquals("token_malformed", code("e30.e30", NOW));
    assertEquals("token_missing", code("", NOW));
    assertEquals("token_missing", code(null, NOW));
    assertEquals("token_too_large", code("a".repeat(8 * 1024 + 1), NOW));
  }

  @Test
  void secondKeyVerifiesForRotation() throws Exception {
    TokenService rotated = new TokenService(
        Map.of(KEY, SECRET, "key-2", "secret-two-0123456789-abcdefghijklmn"),
        "key-2", TokenService.DEFAULT_LIFETIME, Duration.ofHours(1), TokenService.MAX_SKEW);
    String old = mint(Role.VIEWER, null);
    assertEquals("demo", rotated.verify(old, NOW).stream());
    String fresh = rotated.mint(new TokenRequest("bob", "demo", Role.VIEWER, null, Set.of(Grant.VIEW), null), NOW).token();
    assertEquals("key-2", SignedJWT.parse(fresh).getHeader().getKeyID());
    assertEquals("bob", rotated.verify(fresh, NOW).identity());
  }

  @Test
  void shortSecretsAndLargeSkewAreRejectedAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> TokenService.single(KEY, "short"));
    assertThrows(IllegalArgumentException.class, () -> new TokenService(
        Map.of(KEY, SECRET), KEY, TokenService.DEFAULT_LIFETIME, Duration.ofHours(1), Duration.ofSeconds(31)));
  }
}
