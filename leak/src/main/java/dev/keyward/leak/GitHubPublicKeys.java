package dev.keyward.leak;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's secret-scanning public keys, as the document at {@code
 * https://api.github.com/meta/public_keys/secret_scanning} lists them: {@code
 * {"public_keys":[{"key_identifier":"…","key":"-----BEGIN PUBLIC KEY-----…","is_current":true}]}}.
 * Every key is an ECDSA P-256 key in PEM (X.509 SubjectPublicKeyInfo). Immutable.
 *
 * <pre>{@code
 * GitHubPublicKeys keys = GitHubPublicKeys.fromJson(document);
 * boolean genuine = new GitHubSignatureVerifier(keys).verify(body, keyIdentifier, signature);
 * }</pre>
 */
public final class GitHubPublicKeys implements GitHubKeyLookup {
  private static final JsonReader.Options DOCUMENT = JsonReader.Options.of("public_keys");
  private static final JsonReader.Options ENTRY =
      JsonReader.Options.of("key_identifier", "key", "is_current");
  private static final ECParameterSpec P256 = p256();

  private final Map<String, PublicKey> keys;
  private final Set<String> current;

  private GitHubPublicKeys(Map<String, PublicKey> keys, Set<String> current) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.current = Set.copyOf(current);
  }

  /**
   * Reads GitHub's public-keys document. Unknown fields are ignored; an entry without {@code
   * key_identifier} or {@code key}, an identifier listed twice, or a key that is not a point on
   * P-256 is an error.
   *
   * @throws IllegalArgumentException if the document is not of that shape or a key is not a P-256
   *     public key in PEM; the message names the field, never a value
   */
  public static GitHubPublicKeys fromJson(String json) {
    Objects.requireNonNull(json, "json == null");
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    Set<String> current = new java.util.HashSet<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      reader.beginObject();
      boolean found = false;
      while (reader.hasNext()) {
        if (reader.selectName(DOCUMENT) == 0) {
          found = true;
          reader.beginArray();
          while (reader.hasNext()) {
            readEntry(reader, keys, current);
          }
          reader.endArray();
        } else {
          reader.skipName();
          reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("public keys document has data after its object");
      }
      if (!found) {
        throw new IllegalArgumentException("public keys document has no public_keys array");
      }
    } catch (IOException | JsonDataException e) {
      // Moshi's messages may quote the input: keep only the fact.
      throw new IllegalArgumentException(
          "public keys document is not JSON of the form {\"public_keys\":[...]}");
    }
    return new GitHubPublicKeys(keys, current);
  }

  private static void readEntry(JsonReader reader, Map<String, PublicKey> keys, Set<String> current)
      throws IOException {
    String id = null;
    String pem = null;
    boolean isCurrent = false;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(ENTRY)) {
        case 0 -> id = reader.nextString();
        case 1 -> pem = reader.nextString();
        case 2 -> isCurrent = reader.nextBoolean();
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("public_keys[].key_identifier is required");
    }
    if (pem == null) {
      throw new IllegalArgumentException("public_keys[].key is required");
    }
    if (keys.containsKey(id)) {
      // two keys under one identifier: which one GitHub signs with is ambiguous
      throw new IllegalArgumentException("public_keys[].key_identifier must be unique");
    }
    keys.put(id, parsePem(pem));
    if (isCurrent) {
      current.add(id);
    }
  }

  /**
   * One key under one identifier, marked current: for a deployment's own test reports (a leak drill
   * signs with a key pair of its own).
   *
   * @throws IllegalArgumentException if {@code key} is not an EC P-256 public key
   */
  public static GitHubPublicKeys of(String keyIdentifier, PublicKey key) {
    Objects.requireNonNull(keyIdentifier, "keyIdentifier == null");
    Objects.requireNonNull(key, "key == null");
    if (keyIdentifier.isEmpty()) {
      throw new IllegalArgumentException("keyIdentifier must not be empty");
    }
    checkP256(key);
    return new GitHubPublicKeys(Map.of(keyIdentifier, key), Set.of(keyIdentifier));
  }

  /** Parses one PEM public key and checks that it is P-256. */
  static PublicKey parsePem(String pem) {
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(body);
      PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
      checkP256(key);
      return key;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "public_keys[].key must be an EC P-256 public key in PEM (BEGIN PUBLIC KEY)");
    }
  }

  private static void checkP256(PublicKey key) {
    if (!(key instanceof ECPublicKey ec)) {
      throw new IllegalArgumentException("public key must be an EC P-256 key");
    }
    ECParameterSpec p = ec.getParams();
    if (!p.getCurve().equals(P256.getCurve())
        || !p.getOrder().equals(P256.getOrder())
        || !p.getGenerator().equals(P256.getGenerator())) {
      throw new IllegalArgumentException("public key must be on curve P-256 (secp256r1)");
    }
    if (!onCurve(ec.getW())) {
      // the JDK's KeyFactory does not check this; a point off the curve is no P-256 key
      throw new IllegalArgumentException("public key must be a point on curve P-256");
    }
  }

  /** y² = x³ + ax + b (mod p), with both coordinates in [0, p). */
  private static boolean onCurve(ECPoint w) {
    if (w == null || w.equals(ECPoint.POINT_INFINITY)) {
      return false;
    }
    EllipticCurve curve = P256.getCurve();
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    BigInteger x = w.getAffineX();
    BigInteger y = w.getAffineY();
    if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    return y.pow(2).mod(p).equals(right);
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("every JDK has secp256r1", e);
    }
  }

  @Override
  public Optional<PublicKey> find(@Nullable String keyIdentifier) {
    return keyIdentifier == null ? Optional.empty() : Optional.ofNullable(keys.get(keyIdentifier));
  }

  /** The identifiers of the keys, in document order. */
  public Set<String> keyIdentifiers() {
    return keys.keySet();
  }

  /** Whether the document marks {@code keyIdentifier} as the key GitHub signs with now. */
  public boolean isCurrent(String keyIdentifier) {
    return current.contains(keyIdentifier);
  }

  /** How many keys the set holds. */
  public int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "GitHubPublicKeys" + keys.keySet();
  }
}
