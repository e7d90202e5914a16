package dev.odeon.signaling.auth;

import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API keys of a server, read from a keys file ({@code --keys-file}) and the {@code
 * ODEON_API_KEYS} environment variable (docs/operations.md). File format, one key per line, {@code
 * #} starts a comment:
 *
 * <pre>
 * # key id     type    value
 * prod-2       hs256   a-secret-of-at-least-32-bytes.............
 * backend-ec   es256   MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...   (base64 DER SubjectPublicKeyInfo, P-256)
 * </pre>
 *
 * The environment form is {@code kid=secret,kid2=secret2} (HS256 only). Pure; construction only.
 */
public final class ApiKeys {
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Map<String, ECPublicKey> ecKeys = new LinkedHashMap<>();

  public Map<String, String> secrets() {
    return Map.copyOf(secrets);
  }

  public Map<String, ECPublicKey> ecKeys() {
    return Map.copyOf(ecKeys);
  }

  /** The first HS256 key id added, or null. */
  public String firstSecretKey() {
    return secrets.isEmpty() ? null : secrets.keySet().iterator().next();
  }

  /** Adds an HS256 key; a repeated key id is an error. */
  public ApiKeys addSecret(String kid, String secret) {
    requireNew(kid);
    secrets.put(kid, secret);
    return this;
  }

  /** Parses a keys file's text; errors name the line. */
  public ApiKeys addFile(String text) {
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 3) {
        throw new IllegalArgumentException("keys file line " + (i + 1) + ": expected <key id> <hs256|es256> <value>");
      }
      switch (fields[1]) {
        case "hs256" -> addSecret(fields[0], fields[2]);
        case "es256" -> {
          requireNew(fields[0]);
          ecKeys.put(fields[0], ecKey(fields[2], i + 1));
        }
        default -> throw new IllegalArgumentException("keys file line " + (i + 1) + ": type must be hs256 or es256");
      }
    }
    return this;
  }

  /** Parses {@code kid=secret,kid2=secret2}. */
  public ApiKeys addEnv(String value) {
    for (String pair : value.split(",")) {
      String p = pair.strip();
      int eq = p.indexOf('=');
      if (p.isEmpty()) {
        continue;
      }
      if (eq <= 0 || eq == p.length() - 1) {
        throw new IllegalArgumentException("ODEON_API_KEYS must look like kid=secret,kid2=secret2");
      }
      addSecret(p.substring(0, eq), p.substring(eq + 1));
    }
    return this;
  }

  private void requireNew(String kid) {
    if (secrets.containsKey(kid) || ecKeys.containsKey(kid)) {
      throw new IllegalArgumentException("API key " + kid + " is defined twice");
    }
  }

  private static ECPublicKey ecKey(String base64, int line) {
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (Exception e) {
      throw new IllegalArgumentException("keys file line " + line + ": not a base64 DER EC public key");
    }
  }
}
