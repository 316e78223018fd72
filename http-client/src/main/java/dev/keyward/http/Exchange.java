package dev.keyward.http;

import dev.keyward.Problem;
import dev.keyward.TransportException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.internal.ErrorCodec;
import dev.keyward.http.internal.OperationCodec;
import dev.keyward.http.internal.ServerTexts;
import dev.keyward.http.internal.WireFormatException;
import dev.keyward.permission.Operation;
import dev.keyward.permission.Operation.RetryClass;
import dev.keyward.redact.Redactor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
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
  private static final Headers EMPTY = Headers.of();

  /** What to do after an attempt. */
  sealed interface Step<R> permits Done, Retry, Fail {}

  record Done<R>(R value, int status, String requestId) implements Step<R> {}

  record Retry<R>(Duration delay, UnkeyException failure) implements Step<R> {}

  record Fail<R>(UnkeyException failure) implements Step<R> {}

  /**
   * What an exchange needs of the client: the body limit, the timeouts it names in messages, and
   * the Redactor that checks the server's texts.
   */
  record Settings(
      long maxResponseBytes,
      long connectTimeoutMillis,
      long readTimeoutMillis,
      long writeTimeoutMillis,
      Redactor redactor) {}

  final Operation op;
  final OperationCodec<?, R> codec;
  private final RetryClass retryClass;
  private final @Nullable String resourceId;
  private final RetryPolicy policy;
  private final Clock clock;
  final HttpUrl url;
  private final Settings settings;
  final long startMillis;
  int attempts;

  /** The latest attempt's status (0: no response), headers, request id, OTel error type. */
  int lastStatus;

  Headers lastHeaders = EMPTY;
  @Nullable String lastRequestId;
  @Nullable String lastErrorType;

  /** The latest attempt's request: its secrets are masked in a transport failure's cause. */
  volatile @Nullable Request lastRequest;

  Exchange(
      OperationCodec<?, R> codec,
      RetryClass retryClass,
      @Nullable String resourceId,
      RetryPolicy policy,
      Clock clock,
      HttpUrl url,
      Settings settings) {
    this.op = codec.operation();
    this.codec = codec;
    this.retryClass = retryClass;
    this.resourceId = resourceId;
    this.policy = policy;
    this.clock = clock;
    this.url = url;
    this.settings = settings;
    this.startMillis = clock.millis();
  }

  /** An attempt starts: counts it and forgets the previous one's response. */
  void startAttempt() {
    attempts++;
    lastStatus = 0;
    lastHeaders = EMPTY;
    lastRequestId = null;
    lastErrorType = null;
  }

  long clockMillis() {
    return clock.millis();
  }

  /** Whether a text holds a key: per the client's Redactor, or one the latest request sent. */
  Predicate<String> holdsSecret() {
    Request request = lastRequest;
    SentSecrets sent = request == null ? SentSecrets.of(null, null) : SentSecrets.of(request);
    Redactor redactor = settings.redactor();
    return t -> redactor.containsSecret(t) || sent.containedIn(t);
  }

  /** The call's metadata now, from its latest response. */
  ResponseMetadata metadata(@Nullable String requestId) {
    Headers headers = lastHeaders;
    return new ResponseMetadata(
        lastStatus,
        ResponseHeaders.shown(headers, holdsSecret()),
        requestId != null ? requestId : lastRequestId,
        attempts,
        elapsed(),
        RateLimitStatus.parse(headers::get, clock));
  }

  Duration elapsed() {
    return Duration.ofMillis(Math.max(0, clock.millis() - startMillis));
  }

  /**
   * Decides after a response arrived; {@code watch} tells whether a failure while the body arrived
   * was the call timeout; {@code call} is cancelled when the body is not read to its end.
   */
  Step<R> onResponse(Response response, CallDeadlines.Watch watch, Call call) {
    int status = response.code();
    ServerTexts texts = texts(response.request());
    String headerRequestId = texts.optRequestId(response.header("X-Unkey-Request-Id"));
    lastStatus = status;
    lastHeaders = response.headers();
    lastRequestId = headerRequestId;
    lastErrorType = status >= 400 ? Integer.toString(status) : null;
    if (status / 100 == 3) {
      response.close();
      return new Fail<>(redirect(response, headerRequestId));
    }
    Buffer body = new Buffer();
    MediaType type;
    long limit =
        status / 100 == 2
            ? settings.maxResponseBytes()
            : Math.min(settings.maxResponseBytes(), MAX_ERROR_BODY);
    try (response) {
      ResponseBody b = response.body();
      type = b.contentType();
      boolean whole = readCapped(b, limit, body);
      if (!whole) {
        // Closing would first drain the rest for up to 100 ms to reuse the connection: drop it.
        call.cancel();
      }
      if (!whole && status / 100 == 2) {
        return new Fail<>(
            new UnexpectedStatusException(
                op,
                Problem.ofStatus(status, headerRequestId),
                "the response body is larger than maxResponseBytes ("
                    + limit
                    + " bytes): keyward stopped reading it",
                WireFormatException.bodyTooLarge(op.wireName(), limit)));
      }
    } catch (IOException e) {
      // The connection broke or timed out while the body arrived: the server has acted.
      return onFailure(watch.reported(e), true, false, true);
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
        OperationCodec.Decoded<R> decoded = codec.decode(body, texts);
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
            ? ErrorCodec.decode(status, body, headerRequestId, texts)
            : Problem.ofStatus(status, headerRequestId);
    Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
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

  /**
   * Reads at most {@code limit} bytes of {@code b} into {@code out}; false when the body is longer
   * (known from Content-Length up front, else counted as it streams). Error bodies are only needed
   * up to the limit: their prefix is kept.
   */
  private static boolean readCapped(ResponseBody b, long limit, Buffer out) throws IOException {
    long declared = b.contentLength();
    if (declared > limit) {
      return false;
    }
    boolean more = b.source().request(limit == Long.MAX_VALUE ? limit : limit + 1);
    Buffer got = b.source().getBuffer();
    out.write(got, Math.min(got.size(), limit));
    return !more;
  }

  /** Checks the server's texts against this call's secrets and the client's Redactor. */
  private ServerTexts texts(Request request) {
    Redactor redactor = settings.redactor();
    SentSecrets sent = SentSecrets.of(request);
    return ServerTexts.of(
        t -> redactor.containsSecret(t) || sent.containedIn(t), t -> redactor.redact(sent.mask(t)));
  }

  /**
   * A 3xx answer: keyward follows no redirect, since OkHttp would repeat the body (it may hold an
   * API key) to wherever {@code Location} points. The message names the target host only: a
   * Location's path or query may carry a key.
   */
  private UnkeyException redirect(Response response, @Nullable String requestId) {
    String location = response.header("Location");
    HttpUrl target = location == null ? null : response.request().url().resolve(location);
    String where;
    if (target == null) {
      where = "no usable Location";
    } else if (target.host().length() > 253
        || settings.redactor().containsSecret(target.host())
        || SentSecrets.of(response.request()).containedIn(target.host())) {
      where = "a host keyward does not print";
    } else {
      where = target.scheme() + "://" + target.host() + ":" + target.port();
    }
    return new UnexpectedStatusException(
        op,
        Problem.ofStatus(response.code(), requestId),
        "the server answered "
            + response.code()
            + ", a redirect to "
            + where
            + "; keyward follows no redirects (one could carry this call's keys to another server):"
            + " set baseUrl to the server that answers");
  }

  /**
   * Decides after an attempt got no complete answer: {@code sent} whether the request reached the
   * network, {@code canceled} whether the caller cancelled it, {@code inBody} whether the response
   * headers had arrived (the body was being read).
   */
  Step<R> onFailure(IOException e, boolean sent, boolean canceled, boolean inBody) {
    lastErrorType = e.getClass().getName();
    TransportException.Outcome outcome =
        sent ? TransportException.Outcome.UNKNOWN : TransportException.Outcome.NOT_SENT;
    if (canceled) {
      return new Fail<>(new TransportException(op, outcome, "the call was cancelled", scrubbed(e)));
    }
    String reason = TransportFailures.reason(e, sent, inBody, settings);
    boolean retryable = !sent || retryClass != RetryClass.UNSAFE;
    if (retryable) {
      Duration delay = nextDelay(null);
      if (delay != null) {
        return new Retry<>(delay, transport(outcome, reason, e));
      }
    }
    return new Fail<>(transport(outcome, reason, e));
  }

  /** {@code e}, or a copy whose messages hold neither this call's secrets nor a server's bytes. */
  private Throwable scrubbed(IOException e) {
    Request request = lastRequest;
    ServerTexts texts =
        request != null ? texts(request) : ServerTexts.of(t -> false, settings.redactor()::redact);
    return TransportFailures.scrub(e, texts::freeText);
  }

  private TransportException transport(
      TransportException.Outcome outcome, String reason, IOException raw) {
    Throwable e = scrubbed(raw);
    String host = url.host() + ":" + url.port();
    String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
    if (outcome == TransportException.Outcome.NOT_SENT) {
      return new TransportException(
          op,
          outcome,
          "could not reach " + host + " (" + reason + ")" + tries + "; the request was not sent",
          e);
    }
    if (retryClass == RetryClass.UNSAFE) {
      return new TransportException(
          op,
          outcome,
          "no complete answer from "
              + host
              + " ("
              + reason
              + "); the request may or may not have been applied, so keyward does not repeat "
              + op.wireName()
              + ": check the server's state before repeating it",
          e);
    }
    return new TransportException(
        op,
        outcome,
        "no complete answer from "
            + host
            + " ("
            + reason
            + ")"
            + tries
            + "; the outcome is unknown",
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

  private static boolean json(MediaType type) {
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }
}
