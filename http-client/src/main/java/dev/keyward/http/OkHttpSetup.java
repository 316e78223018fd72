package dev.keyward.http;

import dev.keyward.redact.Redactor;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/** The OkHttp client keyward calls through: derived from the user's, or keyward's own. */
final class OkHttpSetup {
  private OkHttpSetup() {}

  /**
   * Derives the client (with {@code newBuilder()}, so the user's stays untouched): the timeouts set
   * on keyward's builder, no redirects, keyward's interceptors.
   */
  static OkHttpClient configure(
      @Nullable OkHttpClient base,
      @Nullable Duration connectTimeout,
      @Nullable Duration readTimeout,
      @Nullable Duration callTimeout,
      @Nullable Redactor redactor) {
    OkHttpClient.Builder b;
    if (base == null) {
      b =
          new OkHttpClient.Builder()
              .connectTimeout(Duration.ofSeconds(10))
              .readTimeout(Duration.ofSeconds(30))
              .callTimeout(Duration.ofSeconds(60));
    } else {
      b = base.newBuilder();
    }
    if (connectTimeout != null) {
      b.connectTimeout(connectTimeout);
    }
    if (readTimeout != null) {
      b.readTimeout(readTimeout);
    }
    if (callTimeout != null) {
      b.callTimeout(callTimeout);
    }
    // A redirect would repeat the body (it may hold an API key) to wherever Location points; a
    // 3xx answer becomes an UnexpectedStatusException instead.
    b.followRedirects(false).followSslRedirects(false);
    // First of all: an unchecked exception in the chain must not make OkHttp cancel the call and
    // rethrow on its dispatcher thread.
    b.interceptors().add(0, TransportFailures.GUARD);
    if (redactor != null) {
      b.addInterceptor(RedactingHttpLogger.create(redactor));
    }
    b.addNetworkInterceptor(Caller.SENT_MARKER);
    // Last, so that it sees the response first: before OkHttp's follow-up logic reads Retry-After.
    b.addNetworkInterceptor(RetryAfter.CLAMP);
    return b.build();
  }
}
