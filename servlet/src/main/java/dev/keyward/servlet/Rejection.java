package dev.keyward.servlet;

import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 7807 {@code application/problem+json} answer. Its texts are fixed by keyward; nothing the
 * client sent (the key above all) is ever echoed.
 */
final class Rejection {
  static final String TYPE_PREFIX = "urn:keyward:problem:";

  final int status;
  final String slug;
  final String title;
  final String detail;
  final @Nullable String code;
  final @Nullable String wwwAuthenticate;
  final @Nullable Long retryAfterSeconds;
  final @Nullable String requestId;
  private final byte[] body; // built once: the open breaker answers the same 503 to every request

  private Rejection(
      int status,
      String slug,
      String title,
      String detail,
      @Nullable String code,
      @Nullable String wwwAuthenticate,
      @Nullable Long retryAfterSeconds,
      @Nullable String requestId) {
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
    this.code = code;
    this.wwwAuthenticate = wwwAuthenticate;
    this.retryAfterSeconds = retryAfterSeconds;
    this.requestId = requestId;
    this.body = json().getBytes(StandardCharsets.UTF_8);
  }

  static Rejection missingKey() {
    return new Rejection(
        401,
        "missing-key",
        "Unauthorized",
        "This endpoint needs an API key in the Authorization header (Bearer).",
        null,
        "Bearer",
        null,
        null);
  }

  static Rejection missingKey(String header) {
    return new Rejection(
        401,
        "missing-key",
        "Unauthorized",
        "This endpoint needs an API key in the " + header + " header.",
        null,
        "Bearer",
        null,
        null);
  }

  static Rejection malformedKey() {
    return new Rejection(
        401,
        "malformed-key",
        "Unauthorized",
        "The API key header is malformed.",
        null,
        "Bearer error=\"invalid_request\"",
        null,
        null);
  }

  static Rejection unavailable(@Nullable Long retryAfterSeconds) {
    return new Rejection(
        503,
        "verification-unavailable",
        "Service Unavailable",
        "The API key could not be verified right now. Try again later.",
        null,
        null,
        retryAfterSeconds,
        null);
  }

  /** The answer for a rejected verification. */
  static Rejection of(Verification v, int usageExceededStatus) {
    String code = v.rawCode();
    String requestId = v.requestId().isEmpty() ? null : v.requestId();
    String invalid = "Bearer error=\"invalid_token\"";
    switch (v.code()) {
      case NOT_FOUND:
        return new Rejection(
            401,
            "invalid-key",
            "Unauthorized",
            "The API key is not valid.",
            code,
            invalid,
            null,
            requestId);
      case EXPIRED:
        return new Rejection(
            401,
            "expired-key",
            "Unauthorized",
            "The API key has expired.",
            code,
            invalid,
            null,
            requestId);
      case DISABLED:
        return new Rejection(
            401,
            "disabled-key",
            "Unauthorized",
            "The API key is disabled.",
            code,
            invalid,
            null,
            requestId);
      case INSUFFICIENT_PERMISSIONS:
        return new Rejection(
            403,
            "insufficient-permissions",
            "Forbidden",
            "The API key lacks the permissions this endpoint requires.",
            code,
            "Bearer error=\"insufficient_scope\"",
            null,
            requestId);
      case FORBIDDEN:
        return new Rejection(
            403,
            "forbidden",
            "Forbidden",
            "The API key may not be used here.",
            code,
            null,
            null,
            requestId);
      case RATE_LIMITED:
        return new Rejection(
            429,
            "rate-limited",
            "Too Many Requests",
            "The API key's rate limit was exceeded.",
            code,
            null,
            retryAfter(v),
            requestId);
      case USAGE_EXCEEDED:
        return new Rejection(
            usageExceededStatus,
            "usage-exceeded",
            usageExceededStatus == 402 ? "Payment Required" : "Too Many Requests",
            "The API key has no credits left.",
            code,
            null,
            null,
            requestId);
      default:
        // An unknown code from a newer server: refuse, as any code but VALID is a refusal.
        return new Rejection(
            403,
            "rejected-key",
            "Forbidden",
            "The API key was rejected.",
            code,
            null,
            null,
            requestId);
    }
  }

  /** Seconds until the longest exceeded window resets (at least 1), or null if Unkey sent none. */
  static @Nullable Long retryAfter(Verification v) {
    Duration exceeded = null;
    Duration any = null;
    for (RatelimitStatus r : v.ratelimits()) {
      if (r.exceeded() && (exceeded == null || r.reset().compareTo(exceeded) > 0)) {
        exceeded = r.reset();
      }
      if (any == null || r.reset().compareTo(any) > 0) {
        any = r.reset();
      }
    }
    Duration reset = exceeded != null ? exceeded : any;
    return reset == null ? null : ceilSeconds(reset);
  }

  static long ceilSeconds(Duration d) {
    long millis = Math.max(0, d.toMillis());
    return Math.max(1, (millis + 999) / 1000);
  }

  void write(HttpServletResponse response) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    if (wwwAuthenticate != null) {
      response.setHeader("WWW-Authenticate", wwwAuthenticate);
    }
    if (retryAfterSeconds != null) {
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  String json() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"type\":");
    quote(b, TYPE_PREFIX + slug);
    b.append(",\"title\":");
    quote(b, title);
    b.append(",\"status\":").append(status);
    b.append(",\"detail\":");
    quote(b, detail);
    if (code != null) {
      b.append(",\"code\":");
      quote(b, code);
    }
    if (requestId != null) {
      b.append(",\"requestId\":");
      quote(b, requestId);
    }
    return b.append('}').toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  @Override
  public String toString() {
    return "Rejection{status=" + status + ", type=" + slug + ", code=" + code + "}";
  }
}
