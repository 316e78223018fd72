package dev.keyward.servlet;

import dev.keyward.key.Secret;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;

/**
 * Reads the presented key from {@code Authorization: Bearer} or a configured header. Never from the
 * query string or body: a key in a URL ends up in access logs and browser history.
 */
final class CredentialReader {
  static final int MAX_KEY_LENGTH = 512;

  /** What the request presented. */
  enum Status {
    MISSING,
    MALFORMED,
    PRESENT
  }

  /** The read outcome; {@code key} is set only when PRESENT. */
  static final class Credential {
    static final Credential MISSING = new Credential(Status.MISSING, null);
    static final Credential MALFORMED = new Credential(Status.MALFORMED, null);

    final Status status;
    final @Nullable Secret key;

    Credential(Status status, @Nullable Secret key) {
      this.status = status;
      this.key = key;
    }

    @Override
    public String toString() {
      return "Credential{" + status + "}";
    }
  }

  private final @Nullable String header;

  /** {@code header} null: {@code Authorization: Bearer}; otherwise that header's raw value. */
  CredentialReader(@Nullable String header) {
    this.header = header;
  }

  Credential read(HttpServletRequest request) {
    String name = header == null ? "Authorization" : header;
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return Credential.MISSING;
    }
    String value = values.nextElement();
    if (values.hasMoreElements()) {
      return Credential.MALFORMED; // two credentials: refuse to guess which one counts
    }
    String token = header == null ? bearerToken(value) : value.strip();
    if (token == null) {
      // Another scheme (e.g. Basic) is not a bearer credential at all.
      return Credential.MISSING;
    }
    if (token.isEmpty() || token.length() > MAX_KEY_LENGTH) {
      return Credential.MALFORMED;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return Credential.MALFORMED;
      }
    }
    return new Credential(Status.PRESENT, Secret.of(token));
  }

  /** The token after {@code Bearer }, "" if it is empty, or null for another scheme. */
  private static @Nullable String bearerToken(String value) {
    String v = value.strip();
    if (v.length() < 6 || !v.regionMatches(true, 0, "Bearer", 0, 6)) {
      return null;
    }
    if (v.length() == 6) {
      return "";
    }
    if (v.charAt(6) != ' ') {
      return null; // e.g. "BearerX": another scheme name
    }
    return v.substring(7).strip();
  }
}
