package dev.keyward.http.internal;

import dev.keyward.redact.Redactor;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Checks the texts a server answered before keyward keeps them in a value, an exception or a log
 * line: a server may echo what it was sent (a key) anywhere. Identifiers must have their expected
 * shape and hold no secret, else they become a fixed placeholder; free text (titles, details,
 * validation messages) is redacted.
 */
public final class ServerTexts {
  /** What a request id that is not of the expected shape, or that holds a secret, becomes. */
  public static final String INVALID_REQUEST_ID = "(invalid request id)";

  /** What an error type that is not of the expected shape, or that holds a secret, becomes. */
  public static final String INVALID_TYPE = "(invalid error type)";

  /**
   * What a verification code that is not of the expected shape, or that holds a secret, becomes (it
   * reads as {@code Verification.Code.UNKNOWN}).
   */
  public static final String INVALID_CODE = "(invalid code)";

  /** What an id (a key id) that is not of the expected shape, or that holds a secret, becomes. */
  public static final String INVALID_ID = "(invalid id)";

  private static final int MAX_REQUEST_ID = 64;
  private static final int MAX_TYPE = 200;
  private static final String UNKEY_DOCS = "https://unkey.com/docs/";
  private static final int MAX_SLUG = 64;

  private static final ServerTexts DEFAULTS =
      new ServerTexts(Redactor.defaults()::containsSecret, Redactor.defaults()::redact);

  private final Predicate<String> holdsSecret;
  private final UnaryOperator<String> redact;

  private ServerTexts(Predicate<String> holdsSecret, UnaryOperator<String> redact) {
    this.holdsSecret = holdsSecret;
    this.redact = redact;
  }

  /** Checks with {@link Redactor#defaults()} only (no knowledge of what a call sent). */
  public static ServerTexts defaults() {
    return DEFAULTS;
  }

  /**
   * Checks with {@code holdsSecret} (e.g. a Redactor and the exact secrets one call sent) and
   * redacts free text with {@code redact}.
   */
  public static ServerTexts of(Predicate<String> holdsSecret, UnaryOperator<String> redact) {
    return new ServerTexts(
        Objects.requireNonNull(holdsSecret, "holdsSecret == null"),
        Objects.requireNonNull(redact, "redact == null"));
  }

  /**
   * The request id if it is 1 to 64 characters of {@code [A-Za-z0-9_-]} (Unkey's are {@code req_}
   * and base58) and holds no secret; else {@link #INVALID_REQUEST_ID}.
   */
  public String requestId(String raw) {
    Objects.requireNonNull(raw, "raw == null");
    return raw.length() <= MAX_REQUEST_ID && word(raw) && !holdsSecret.test(raw)
        ? raw
        : INVALID_REQUEST_ID;
  }

  /** {@link #requestId(String)}, keeping null and empty as null. */
  public @Nullable String optRequestId(@Nullable String raw) {
    return raw == null || raw.isEmpty() ? null : requestId(raw);
  }

  /**
   * A verification code (Unkey's are {@code VALID}, {@code NOT_FOUND}, …) if it is 1 to 64
   * characters of {@code [A-Za-z0-9_-]} and holds no secret; else {@link #INVALID_CODE}. A server
   * may put anything there, and keyward hands it on (the servlet filter's answer, its logs).
   */
  public String code(String raw) {
    Objects.requireNonNull(raw, "raw == null");
    return raw.length() <= MAX_SLUG && word(raw) && !holdsSecret.test(raw) ? raw : INVALID_CODE;
  }

  /**
   * An id such as a key id if it is 1 to 64 characters of {@code [A-Za-z0-9_-]} (Unkey's are {@code
   * key_} and base58) and holds no secret; null when absent; else {@link #INVALID_ID}.
   */
  public @Nullable String optId(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    return raw.length() <= MAX_REQUEST_ID && word(raw) && !holdsSecret.test(raw) ? raw : INVALID_ID;
  }

  /**
   * The error type if it is {@code about:blank}, a slug such as {@code not-found}, or a URL under
   * {@code https://unkey.com/docs/} with segments of {@code [A-Za-z0-9_-]}, and holds no secret;
   * null when absent or empty; else {@link #INVALID_TYPE}.
   */
  public @Nullable String type(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    boolean shaped;
    if (raw.equals("about:blank")) {
      shaped = true;
    } else if (raw.startsWith(UNKEY_DOCS)) {
      shaped = raw.length() <= MAX_TYPE && path(raw, UNKEY_DOCS.length());
    } else {
      shaped = raw.length() <= MAX_SLUG && word(raw);
    }
    return shaped && !holdsSecret.test(raw) ? raw : INVALID_TYPE;
  }

  /** Free text (a title, a detail, a validation message) with every secret masked. */
  public String freeText(String raw) {
    return redact.apply(Objects.requireNonNull(raw, "raw == null"));
  }

  /** {@link #freeText(String)}, keeping null as null. */
  public @Nullable String optFreeText(@Nullable String raw) {
    return raw == null ? null : redact.apply(raw);
  }

  private static boolean path(String s, int from) {
    if (from >= s.length() || s.charAt(s.length() - 1) == '/') {
      return false;
    }
    char previous = '/';
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' ? previous == '/' : !wordChar(c)) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  private static boolean word(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!wordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }
}
