package dev.odeon.signaling.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mints and verifies Odeon access tokens (HS256 JWTs, RFC 7519 / RFC 7515).
 *
 * <p>Keys are API key id -> shared secret; the key id is the JWS {@code kid} header and the {@code
 * iss} claim. One key signs new tokens; every known key verifies, so a key can be rotated by adding
 * the new one first. Keys may also be ES256 public keys (a backend signing with its own P-256 key);
 * each key pins its algorithm: HS256 for a secret, ES256 for an EC key. Verification requires
 * {@code exp}, checks {@code nbf}/{@code exp} with a bounded skew, refuses lifetimes ({@code exp -
 * iat}) above the maximum, checks {@code aud == "odeon"} and {@code iss == kid}, and refuses tokens
 * over 8 KiB before parsing them. Time is a parameter. Immutable; safe from any thread.
 */
public final class TokenService {
  public static final String AUDIENCE = "odeon";
  public static final int MAX_TOKEN_CHARS = 8 * 1024;
  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
  public static final Duration MAX_SKEW = Duration.ofSeconds(30);
  /** HS256 needs a key of at least 256 bits (RFC 7518 section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, byte[]> secrets;
  private final Map<String, ECPublicKey> ecKeys;
  private final String signingKey;
  private final Duration defaultLifetime;
  private final Duration maxLifetime;
  private final Duration skew;

  /**
   * @param secrets API key -> secret; every entry verifies
   * @param signingKey the key that signs new tokens; must be in {@code secrets}
   * @param defaultLifetime lifetime of a token minted without one
   * @param maxLifetime the longest lifetime {@link #mint} accepts
   * @param skew clock skew allowed on nbf/exp, at most {@link #MAX_SKEW}
   */
  public TokenService(
      Map<String, String> secrets,
      String signingKey,
      Duration defaultLifetime,
      Duration maxLifetime,
      Duration skew) {
    this(secrets, Map.of(), signingKey, defaultLifetime, maxLifetime, skew);
  }

  /**
   * @param secrets API key -> HS256 secret; every entry verifies
   * @param ecKeys API key -> ES256 public key; verify only (the holder of the private key mints)
   * @param signingKey the HS256 key that signs new tokens; must be in {@code secrets}
   */
  public TokenService(
      Map<String, String> secrets,
      Map<String, ECPublicKey> ecKeys,
      String signingKey,
      Duration defaultLifetime,
      Duration maxLifetime,
      Duration skew) {
    if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("skew must be within 0..30 s: " + skew);
    }
    if (defaultLifetime.compareTo(maxLifetime) > 0 || defaultLifetime.isNegative()) {
      throw new IllegalArgumentException("default lifetime must be within 0..max lifetime");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    secrets.forEach(
        (key, secret) -> {
          byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
          if (key.isEmpty() || bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                "API key must be non-empty and its secret at least " + MIN_SECRET_BYTES + " bytes");
          }
          copy.put(key, bytes);
        });
    if (!copy.containsKey(signingKey)) {
      throw new IllegalArgumentException("signing key is not among the keys");
    }
    for (String kid : ecKeys.keySet()) {
      if (kid.isEmpty() || copy.containsKey(kid)) {
        throw new IllegalArgumentException("EC key ids must be non-empty and distinct from secret key ids");
      }
    }
    this.secrets = Map.copyOf(copy);
    this.ecKeys = Map.copyOf(ecKeys);
    this.signingKey = signingKey;
    this.defaultLifetime = defaultLifetime;
    this.maxLifetime = maxLifetime;
    this.skew = skew;
  }

  /** One key, default lifetime 60 s, max lifetime 24 h, skew 30 s. */
  public static TokenService single(String apiKey, String secret) {
    return new TokenService(
        Map.of(apiKey, secret), apiKey, DEFAULT_LIFETIME, Duration.ofHours(24), MAX_SKEW);
  }

  /** The longest lifetime a token may have ({@code exp - iat}). */
  public Duration maxLifetime() {
    return maxLifetime;
  }

  /** True when {@code apiKey}/{@code secret} is a configured HS256 key pair (constant-time). */
  public boolean checkApiKey(String apiKey, String secret) {
    byte[] expected = apiKey == null ? null : secrets.get(apiKey);
    return expected != null && secret != null
        && java.security.MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs a token for {@code request}, issued at {@code now}. */
  public MintedToken mint(TokenRequest request, Instant now) {
    Duration lifetime = request.lifetime() == null ? defaultLifetime : request.lifetime();
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
      throw new IllegalArgumentException("token lifetime out of range: " + lifetime);
    }
    Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
    Instant expires = issued.plus(lifetime);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(signingKey)
            .subject(request.identity())
            .audience(AUDIENCE)
            .issueTime(Date.from(issued))
            .notBeforeTime(Date.from(issued))
            .expirationTime(Date.from(expires))
            .jwtID(randomId())
            .claim("stream", request.stream())
            .claim("role", request.role().wire())
            .claim("grants", request.grants().stream().map(Grant::wire).sorted().toList());
    if (request.sourceId() != null && request.role().mayPublish()) {
      claims.claim("sourceId", request.sourceId());
    }
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(new MACSigner(secrets.get(signingKey)));
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed with a validated key", e);
    }
    return new MintedToken(jwt.serialize(), expires);
  }

  /** Verifies {@code token} at {@code now}; returns its claims or throws with a client-facing code. */
  public TokenClaims verify(String token, Instant now) throws TokenException {
    if (token == null || token.isEmpty()) {
      throw new TokenException("token_missing", "no token");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new TokenException("token_too_large", "token longer than 8 KiB");
    }
    SignedJWT jwt = parse(token);
    String kid = jwt.getHeader().getKeyID();
    byte[] secret = kid == null ? null : secrets.get(kid);
    ECPublicKey ecKey = kid == null ? null : ecKeys.get(kid);
    if (secret == null && ecKey == null) {
      throw new TokenException("token_unknown_key", "token signed with an unknown key");
    }
    // Each key pins one algorithm: an HS256 header on an EC key (the classic key-confusion
    // attack) or ES256 on a secret is refused before any signature check.
    JWSAlgorithm expected = secret != null ? JWSAlgorithm.HS256 : JWSAlgorithm.ES256;
    if (!expected.equals(jwt.getHeader().getAlgorithm())) {
      throw new TokenException("token_bad_alg", "token algorithm must be " + expected.getName() + " for this key");
    }
    checkSignature(jwt, secret, ecKey);
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenException("token_malformed", "token claims are not a JSON object");
    }
    checkTimes(claims, now);
    if (!List.of(AUDIENCE).equals(claims.getAudience())) {
      throw new TokenException("token_bad_audience", "token audience is not odeon");
    }
    if (!kid.equals(claims.getIssuer())) {
      throw new TokenException("token_bad_issuer", "token issuer does not match its key");
    }
    return toClaims(claims);
  }

  private static SignedJWT parse(String token) throws TokenException {
    // Check the header's algorithm before anything else: an unsecured ("none") or RSA/EC token is
    // refused here, whatever its payload says.
    int dot = token.indexOf('.');
    if (dot <= 0) {
      throw new TokenException("token_malformed", "not a JWS compact serialization");
    }
    try {
      String headerJson =
          new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      Object alg = com.nimbusds.jose.util.JSONObjectUtils.parse(headerJson).get("alg");
      if (alg == null) {
        throw new TokenException("token_malformed", "token header has no alg");
      }
      if (!JWSAlgorithm.HS256.getName().equals(alg) && !JWSAlgorithm.ES256.getName().equals(alg)) {
        throw new TokenException("token_bad_alg", "token algorithm must be HS256 (or ES256 for EC keys)");
      }
      return SignedJWT.parse(token);
    } catch (ParseException | IllegalArgumentException e) {
      throw new TokenException("token_malformed", "token is not a well-formed JWT");
    }
  }

  private static void checkSignature(SignedJWT jwt, byte[] secret, ECPublicKey ecKey) throws TokenException {
    boolean valid;
    try {
      valid = jwt.verify(secret != null ? new MACVerifier(secret) : new ECDSAVerifier(ecKey));
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw new TokenException("token_bad_signature", "token signature does not verify");
    }
  }

  private void checkTimes(JWTClaimsSet claims, Instant now) throws TokenException {
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new TokenException("token_no_exp", "token has no expiry");
    }
    if (now.isAfter(exp.toInstant().plus(skew))) {
      throw new TokenException("token_expired", "token expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
      throw new TokenException("token_not_yet_valid", "token is not valid yet");
    }
    // A token minted elsewhere (with the shared secret) must not outlive the connect window the
    // operator allows; without iat the lifetime counts from now.
    Date iat = claims.getIssueTime();
    Instant from = iat != null ? iat.toInstant() : now;
    if (Duration.between(from, exp.toInstant()).compareTo(maxLifetime) > 0) {
      throw new TokenException("token_lifetime_too_long", "token lifetime exceeds the maximum of " + maxLifetime.toSeconds() + " s");
    }
  }

  private static TokenClaims toClaims(JWTClaimsSet claims) throws TokenException {
    try {
      String subject = claims.getSubject();
      String stream = claims.getStringClaim("stream");
      Role role = Role.parse(claims.getStringClaim("role"));
      String sourceId = claims.getStringClaim("sourceId");
      List<String> grantNames = claims.getStringListClaim("grants");
      if (subject == null || stream == null || stream.isEmpty() || role == null || grantNames == null) {
        throw new TokenException("token_bad_claims", "token lacks sub, stream, role or grants");
      }
      Set<Grant> grants = EnumSet.noneOf(Grant.class);
      for (String name : grantNames) {
        Grant grant = Grant.parse(name);
        if (grant != null) {
          grants.add(grant);
        }
      }
      return new TokenClaims(
          subject, stream, role, sourceId, grants, claims.getExpirationTime().toInstant(), claims.getJWTID());
    } catch (ParseException e) {
      throw new TokenException("token_bad_claims", "token claims have the wrong types");
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
