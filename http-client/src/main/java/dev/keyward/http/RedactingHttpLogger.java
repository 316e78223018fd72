package dev.keyward.http;

import dev.keyward.http.internal.ServerTexts;
import dev.keyward.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OkHttp {@link Interceptor} that logs HTTP exchanges through SLF4J with every secret masked. At
 * DEBUG: method, path, status, {@code X-Unkey-Request-Id} (printed only when it is 1 to 64
 * characters of {@code [A-Za-z0-9_-]} and holds no secret, else as {@code (invalid request id)})
 * and latency. At TRACE also headers, query values and JSON bodies, each passed through a {@link
 * Redactor}; {@code Authorization} keeps only Unkey's {@code start}, cookies are masked whole, and
 * query values named like secrets too. Usable on any {@code OkHttpClient}:
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder().addInterceptor(RedactingHttpLogger.create()).build();
 * }</pre>
 */
public final class RedactingHttpLogger implements Interceptor {
  private static final long MAX_BODY = 64 * 1024;
  private static final String MASK = "****";

  private final Redactor redactor;
  private final Logger log;

  private RedactingHttpLogger(Redactor redactor, Logger log) {
    this.redactor = redactor;
    this.log = log;
  }

  /** Logs to {@code dev.keyward.http.RedactingHttpLogger} with {@link Redactor#defaults()}. */
  public static RedactingHttpLogger create() {
    return create(Redactor.defaults());
  }

  /** Logs with {@code redactor} (e.g. one that knows your API key prefixes). */
  public static RedactingHttpLogger create(Redactor redactor) {
    return create(redactor, LoggerFactory.getLogger(RedactingHttpLogger.class));
  }

  /** Logs to {@code logger} with {@code redactor}. */
  public static RedactingHttpLogger create(Redactor redactor, Logger logger) {
    return new RedactingHttpLogger(
        Objects.requireNonNull(redactor, "redactor == null"),
        Objects.requireNonNull(logger, "logger == null"));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    boolean trace = log.isTraceEnabled();
    String target = target(request.url());
    SentSecrets sent = SentSecrets.of(request);
    if (trace) {
      log.trace(
          "--> {} {}\n{}{}",
          request.method(),
          target,
          headers(request.headers(), sent),
          requestBody(request.body()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      log.debug(
          line(
              sent,
              request.method()
                  + " "
                  + target
                  + " failed after "
                  + ms
                  + " ms: "
                  + e.getClass().getSimpleName()));
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String requestId = response.header("X-Unkey-Request-Id");
    log.debug(
        line(
            sent,
            request.method()
                + " "
                + target
                + " -> "
                + response.code()
                + " (request "
                + (requestId == null ? "-" : checked(sent).requestId(requestId))
                + ") in "
                + ms
                + " ms"));
    if (trace) {
      log.trace(
          "<-- {} {}\n{}{}",
          response.code(),
          target,
          headers(response.headers(), sent),
          responseBody(response, sent));
    }
    return response;
  }

  /** A DEBUG line as the TRACE ones are: through the Redactor and the call's own secrets. */
  private String line(SentSecrets sent, String text) {
    return redactor.redact(sent.mask(text));
  }

  /** Checks a server's request id: its shape, the Redactor, and the secrets this call sent. */
  private ServerTexts checked(SentSecrets sent) {
    return ServerTexts.of(
        t -> redactor.containsSecret(t) || sent.containedIn(t), t -> line(sent, t));
  }

  /** The path and the query with each value redacted. */
  String target(HttpUrl url) {
    StringBuilder b = new StringBuilder(url.encodedPath());
    if (url.querySize() > 0) {
      b.append('?');
      for (int i = 0; i < url.querySize(); i++) {
        if (i > 0) {
          b.append('&');
        }
        String name = url.queryParameterName(i);
        String value = url.queryParameterValue(i);
        b.append(redactor.redact(name));
        if (value != null) {
          b.append('=').append(sensitiveName(name) ? MASK : redactor.redact(value));
        }
      }
    }
    return b.toString();
  }

  private static boolean sensitiveName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("key")
        || n.contains("token")
        || n.contains("secret")
        || n.contains("auth")
        || n.contains("password")
        || n.contains("signature");
  }

  private String headers(Headers headers, SentSecrets sent) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String lower = name.toLowerCase(Locale.ROOT);
      String value;
      if (lower.equals("cookie") || lower.equals("set-cookie")) {
        value = MASK;
      } else if (lower.endsWith("authorization")) {
        value = authorization(headers.value(i));
      } else {
        value = sensitiveName(lower) ? MASK : line(sent, headers.value(i));
      }
      b.append(name).append(": ").append(value).append('\n');
    }
    return b.toString();
  }

  private String authorization(String value) {
    String redacted = redactor.redact(value);
    // A scheme the redactor does not know (Basic, a bare token) is masked whole.
    return redacted.equals(value) ? MASK : redacted;
  }

  private String requestBody(@Nullable RequestBody body) throws IOException {
    if (body == null) {
      return "(no body)";
    }
    if (!(body instanceof JsonBody) && body.isOneShot()) {
      return "(one-shot body not logged)";
    }
    if (!textual(body.contentType())) {
      return "(" + body.contentLength() + "-byte body not logged)";
    }
    long length = body.contentLength();
    if (length < 0 || length > MAX_BODY) {
      return "(" + length + "-byte body not logged)";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return redactor.redact(buffer.readString(StandardCharsets.UTF_8));
  }

  private String responseBody(Response response, SentSecrets sent) throws IOException {
    if (response.body() == null || !textual(response.body().contentType())) {
      return "(body not logged)";
    }
    // A server may echo what it was sent in free text, with a prefix the redactor does not know.
    return redactor.redact(sent.mask(response.peekBody(MAX_BODY).string()));
  }

  private static boolean textual(@Nullable MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return type.type().equals("text") || subtype.equals("json") || subtype.endsWith("+json");
  }

  @Override
  public String toString() {
    return "RedactingHttpLogger{" + log.getName() + "}";
  }
}
