package dev.keyward.http;

import dev.keyward.Problem;
import dev.keyward.TransportException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.internal.ErrorCodec;
import dev.keyward.http.internal.OperationCodec;
import dev.keyward.http.internal.WireFormatException;
import dev.keyward.permission.Operation;
import dev.keyward.permission.Operation.RetryClass;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * One call's state across attempts and the decision after each attempt: done, retry after a delay,
 * or fail. Shared by the blocking and the async path so that both retry identically.
 */
final class Exchange<R> {
  private static final long MAX_ERROR_BODY = 256 * 1024;

  /** What to do after an attempt. */
  sealed interface Step<R> permits Done, Retry, Fail {}

  record Done<R>(R value, int status, String requestId) implements Step<R> {}

  record Retry<R>(Duration delay, UnkeyException failure) implements Step<R> {}

  record Fail<R>(UnkeyException failure) implements Step<R> {}

  final Operation op;
  final OperationCodec<?, R> codec;
  private final RetryClass retryClass;
  private final @Nullable String resourceId;
  private final RetryPolicy policy;
  private final Clock clock;
  private final HttpUrl url;
  final long startMillis;
  int attempts;

  Exchange(
      OperationCodec<?, R> codec,
      RetryClass retryClass,
      @Nullable String resourceId,
      RetryPolicy policy,
      Clock clock,
      HttpUrl url) {
    this.op = codec.operation();
    this.codec = codec;
    this.retryClass = retryClass;
    this.resourceId = resourceId;
    this.policy = policy;
    this.clock = clock;
    this.url = url;
    this.startMillis = clock.millis();
  }

  Duration elapsed() {
    return Duration.ofMillis(Math.max(0, clock.millis() - startMillis));
  }

  Step<R> onResponse(Response response) {
    int status = response.code();
    String headerRequestId = response.header("X-Unkey-Request-Id");
    Buffer body = new Buffer();
    MediaType type;
    try (response) {
      ResponseBody b = response.body();
      type = b.contentType();
      if (status / 100 == 2) {
        b.source().readAll(body);
      } else {
        b.source().request(MAX_ERROR_BODY);
        Buffer got = b.source().getBuffer();
        body.write(got, Math.min(got.size(), MAX_ERROR_BODY));
      }
    } catch (IOException e) {
      // The connection broke while the body arrived: the server has acted on the request.
      return onFailure(e, true, false);
    }
    if (status / 100 == 2) {
      if (type != null && !json(type)) {
        return new Fail<>(
            new UnexpectedStatusException(
                op,
                Problem.ofStatus(status, headerRequestId),
                "the server answered " + status + " with a content type other than JSON"));
      }
      try {
        OperationCodec.Decoded<R> decoded = codec.decode(body);
        return new Done<>(decoded.value(), status, decoded.requestId());
      } catch (WireFormatException e) {
        return new Fail<>(
            new UnexpectedStatusException(
                op,
                Problem.ofStatus(status, headerRequestId),
                "the response body is not the JSON keyward expects (malformed, truncated or missing"
                    + " fields)",
                e));
      }
    }
    Problem problem =
        type == null || json(type)
            ? ErrorCodec.decode(status, body, headerRequestId)
            : Problem.ofStatus(status, headerRequestId);
    Duration retryAfter = retryAfter(response.header("Retry-After"));
    UnkeyException failure = ErrorMapper.map(op, problem, resourceId, retryAfter);
    boolean retryable =
        status == 429
            ? policy.retryRateLimited()
            : status >= 500 && retryClass != RetryClass.UNSAFE;
    if (retryable) {
      Duration delay = nextDelay(retryAfter);
      if (delay != null) {
        return new Retry<>(delay, failure);
      }
    }
    return new Fail<>(failure);
  }

  Step<R> onFailure(IOException e, boolean sent, boolean canceled) {
    TransportException.Outcome outcome =
        sent ? TransportException.Outcome.UNKNOWN : TransportException.Outcome.NOT_SENT;
    String host = url.host() + ":" + url.port();
    String kind = e.getClass().getSimpleName();
    if (canceled) {
      return new Fail<>(new TransportException(op, outcome, "the call was cancelled", e));
    }
    boolean retryable = !sent || retryClass != RetryClass.UNSAFE;
    if (retryable) {
      Duration delay = nextDelay(null);
      if (delay != null) {
        return new Retry<>(delay, transport(outcome, host, kind, e));
      }
    }
    return new Fail<>(transport(outcome, host, kind, e));
  }

  private TransportException transport(
      TransportException.Outcome outcome, String host, String kind, IOException e) {
    String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
    if (outcome == TransportException.Outcome.NOT_SENT) {
      return new TransportException(
          op,
          outcome,
          "could not reach " + host + " (" + kind + ")" + tries + "; the request was not sent",
          e);
    }
    if (retryClass == RetryClass.UNSAFE) {
      return new TransportException(
          op,
          outcome,
          "no complete answer from "
              + host
              + " ("
              + kind
              + "); the request may or may not have been applied, so keyward does not repeat "
              + op.wireName()
              + ": check the server's state before repeating it",
          e);
    }
    return new TransportException(
        op,
        outcome,
        "no complete answer from " + host + " (" + kind + ")" + tries + "; the outcome is unknown",
        e);
  }

  /** The wait before the next attempt, or null when the policy or the budget allows none. */
  private @Nullable Duration nextDelay(@Nullable Duration retryAfter) {
    if (attempts >= policy.maxAttempts()) {
      return null;
    }
    Duration delay = policy.delay(attempts);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    if (elapsed().plus(delay).compareTo(policy.budget()) > 0) {
      return null;
    }
    return delay;
  }

  /** {@code Retry-After} as seconds or an HTTP date, or null. */
  @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static boolean json(MediaType type) {
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }
}
