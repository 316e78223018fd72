package dev.keyward.kubernetes;

import dev.keyward.key.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * keyward's bookkeeping for one data key of the Secret, kept in the annotation {@code
 * versions.keyward.dev/<name>}: the version counter, a random salt, and for the current, pending
 * and previous values their version, the idempotency token that created them and a salted SHA-256
 * of the value (so a retried token is checked against the value it wrote, and a value edited by
 * hand is noticed). It never holds a value. The text is space-separated fields:
 *
 * <pre>
 * n=4 salt=… current=4/token/hash pending=- previous=3/-/hash tokens=token:4:hash,…
 * </pre>
 */
final class NameState {
  /** Tokens remembered beyond the held versions, newest last. */
  static final int TOKENS_KEPT = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** One stored version: its number, the token that wrote it (or null), the value's hash. */
  record Entry(long number, @Nullable String token, String hash) {
    String version() {
      return Long.toString(number);
    }

    String format() {
      return number + "/" + (token == null ? "-" : token) + "/" + hash;
    }

    static @Nullable Entry parse(String text) {
      if (text.equals("-")) {
        return null;
      }
      String[] p = text.split("/", -1);
      return new Entry(Long.parseLong(p[0]), p[1].equals("-") ? null : p[1], p[2]);
    }
  }

  /** What a token created: the version number and the value's hash. */
  record TokenRecord(long number, String hash) {}

  long counter;
  final String salt;
  @Nullable Entry current;
  @Nullable Entry pending;
  @Nullable Entry previous;
  final Map<String, TokenRecord> tokens = new LinkedHashMap<>();

  private NameState(String salt) {
    this.salt = salt;
  }

  /** A fresh state with a new random salt. */
  static NameState fresh() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new NameState(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** A state whose hashes use {@code salt}. */
  static NameState withSalt(String salt) {
    return new NameState(salt);
  }

  /** Parses the annotation's text; null or unreadable text (edited by hand) gives a fresh state. */
  static NameState parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return fresh();
    }
    try {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String field : text.trim().split(" +")) {
        int eq = field.indexOf('=');
        fields.put(field.substring(0, eq), field.substring(eq + 1));
      }
      NameState s = new NameState(require(fields.get("salt")));
      s.counter = Long.parseLong(require(fields.get("n")));
      s.current = Entry.parse(require(fields.get("current")));
      s.pending = Entry.parse(require(fields.get("pending")));
      s.previous = Entry.parse(require(fields.get("previous")));
      String tokens = require(fields.get("tokens"));
      if (!tokens.equals("-")) {
        for (String t : tokens.split(",")) {
          String[] p = t.split(":", -1);
          s.tokens.put(p[0], new TokenRecord(Long.parseLong(p[1]), p[2]));
        }
      }
      return s;
    } catch (RuntimeException e) {
      return fresh();
    }
  }

  private static String require(@Nullable String field) {
    if (field == null) {
      throw new IllegalArgumentException("missing field");
    }
    return field;
  }

  /** The annotation's text. */
  String format() {
    List<String> t = new ArrayList<>();
    tokens.forEach((token, r) -> t.add(token + ":" + r.number() + ":" + r.hash()));
    return "n="
        + counter
        + " salt="
        + salt
        + " current="
        + format(current)
        + " pending="
        + format(pending)
        + " previous="
        + format(previous)
        + " tokens="
        + (t.isEmpty() ? "-" : String.join(",", t));
  }

  private static String format(@Nullable Entry e) {
    return e == null ? "-" : e.format();
  }

  /** The salted hash of {@code value}: 128 bits of SHA-256, base64url. */
  String hash(Secret value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      byte[] digest = sha.digest(value.reveal().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A new entry for {@code value}, remembering {@code token}; bumps the counter. */
  Entry next(Secret value, @Nullable String token) {
    Entry e = new Entry(++counter, token, hash(value));
    if (token != null) {
      tokens.remove(token);
      tokens.put(token, new TokenRecord(e.number(), e.hash()));
      prune();
    }
    return e;
  }

  /** Forgets the oldest tokens whose versions are no longer held, beyond {@link #TOKENS_KEPT}. */
  private void prune() {
    List<String> drop = new ArrayList<>();
    int excess = tokens.size() - TOKENS_KEPT;
    for (Map.Entry<String, TokenRecord> t : tokens.entrySet()) {
      if (excess - drop.size() <= 0) {
        break;
      }
      long n = t.getValue().number();
      if (!held(current, n) && !held(pending, n) && !held(previous, n)) {
        drop.add(t.getKey());
      }
    }
    drop.forEach(tokens::remove);
  }

  private static boolean held(@Nullable Entry e, long number) {
    return e != null && e.number() == number;
  }
}
