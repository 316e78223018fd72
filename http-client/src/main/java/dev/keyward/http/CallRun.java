package dev.keyward.http;

import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * What one call reports as it runs, beyond its {@link Exchange}: the {@link CallEvents}, the
 * interceptors, the observations and the response metadata. Shared by the blocking and the async
 * path. With no interceptor and no observer it does no more than the events did before them.
 */
final class CallRun<R> {
  /** Headers only keyward sets ({@link CallInterceptor#modifyRequestHeaders}), lower-cased. */
  private static final Set<String> KEYWARD_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "user-agent",
          "accept",
          "content-type",
          "content-length",
          "host",
          "transfer-encoding",
          "cookie");

  private final Exchange<R> exchange;
  private final CallEvents events;
  private final List<CallInterceptor> interceptors;
  private final CallObserver.CallScope scope;
  private final boolean active;
  private final @Nullable CallView view;
  private CallObserver.AttemptScope attemptScope = CallObserver.AttemptScope.NONE;
  private @Nullable AttemptView attemptView;
  private long attemptStartMillis;
  private boolean ended;

  CallRun(
      Exchange<R> exchange,
      @Nullable Object request,
      CallEvents events,
      List<CallInterceptor> interceptors,
      CallObserver observer) {
    this.exchange = exchange;
    this.events = events;
    this.interceptors = interceptors;
    this.active = !interceptors.isEmpty() || observer != CallObserver.NONE;
    this.view =
        active
            ? new CallView(exchange.op, request, exchange.url.host(), exchange.url.port())
            : null;
    events.start(exchange);
    this.scope = view == null ? CallObserver.CallScope.NONE : observer.start(view);
  }

  /** Runs {@code beforeCall}. */
  void beforeCall() {
    for (CallInterceptor i : interceptors) {
      guard(i, "beforeCall", () -> i.beforeCall(view));
    }
  }

  /**
   * An attempt starts: observes it and collects the headers to add (null when none), checking that
   * no interceptor set one of keyward's own.
   */
  @Nullable Map<String, String> beforeAttempt(@Nullable Secret rootKey) {
    if (!active) {
      return null;
    }
    Map<String, String> extra = new LinkedHashMap<>();
    attemptScope = scope.attempt(exchange.attempts, extra);
    if (interceptors.isEmpty()) {
      return extra.isEmpty() ? null : extra;
    }
    attemptStartMillis = exchange.clockMillis();
    AttemptView attempt = new AttemptView(view, exchange.attempts, rootKey, Map.of());
    attemptView = attempt;
    for (CallInterceptor i : interceptors) {
      Map<String, String> in = Map.copyOf(extra);
      Map<String, String> out =
          guarded(i, "modifyRequestHeaders", () -> i.modifyRequestHeaders(attempt, in));
      if (out == null) {
        throw failed(i, "modifyRequestHeaders", "returned null", new NullPointerException());
      }
      for (String name : out.keySet()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (KEYWARD_HEADERS.contains(lower)) {
          throw failed(
              i,
              "modifyRequestHeaders",
              "set " + lower + ", a header only keyward sets",
              new IllegalArgumentException("modifyRequestHeaders may not set " + lower));
        }
      }
      // OkHttp refuses some names and values (control characters): attribute that to i too
      guard(i, "modifyRequestHeaders", () -> out.forEach(new okhttp3.Headers.Builder()::set));
      extra = new LinkedHashMap<>(out);
    }
    return extra.isEmpty() ? null : extra;
  }

  /** The attempt's request is built: runs {@code beforeAttempt} with its final headers. */
  void sending(Request request) {
    if (!active || interceptors.isEmpty()) {
      return;
    }
    AttemptView attempt =
        attemptView.withHeaders(ResponseHeaders.shown(request.headers(), exchange.holdsSecret()));
    attemptView = attempt;
    for (CallInterceptor i : interceptors) {
      guard(i, "beforeAttempt", () -> i.beforeAttempt(attempt));
    }
  }

  /** The attempt ended (answered or not): ends its observation, runs {@code afterAttempt}. */
  void afterAttempt() {
    if (!active) {
      return;
    }
    CallObserver.AttemptScope ending = attemptScope;
    attemptScope = CallObserver.AttemptScope.NONE;
    ending.end(exchange.lastStatus, exchange.lastErrorType);
    if (interceptors.isEmpty()) {
      return;
    }
    ResponseView response =
        exchange.lastStatus == 0
            ? null
            : new ResponseView(
                exchange.lastStatus,
                ResponseHeaders.shown(exchange.lastHeaders, exchange.holdsSecret()),
                exchange.lastRequestId,
                java.time.Duration.ofMillis(
                    Math.max(0, exchange.clockMillis() - attemptStartMillis)));
    AttemptView attempt = attemptView;
    for (CallInterceptor i : interceptors) {
      guard(i, "afterAttempt", () -> i.afterAttempt(attempt, response));
    }
  }

  /** A retry follows after its delay. */
  void retrying(Exchange.Retry<R> retry) {
    events.attemptFailed(exchange, retry);
  }

  /** The call succeeded: runs {@code afterCall} (which may still fail it), then ends it. */
  R succeed(Exchange.Done<R> done) {
    if (!interceptors.isEmpty()) {
      ResponseMetadata metadata = exchange.metadata(done.requestId());
      for (CallInterceptor i : interceptors) {
        guard(i, "afterCall", () -> i.afterCall(view, metadata, done.value()));
      }
    }
    ended = true;
    scope.end("SUCCESS", done.status(), null, exchange.attempts, done.requestId(), null);
    events.end(exchange, done.status(), done.requestId());
    return done.value();
  }

  /**
   * The call failed: attaches the metadata to an {@link UnkeyException}, runs {@code onFailure}
   * (what it throws is suppressed on {@code failure}), ends the call; returns {@code failure}.
   */
  RuntimeException fail(RuntimeException failure) {
    if (ended) {
      return failure;
    }
    ended = true;
    int status = exchange.lastStatus;
    String requestId = exchange.lastRequestId;
    if (failure instanceof UnkeyException u) {
      status = u.status();
      requestId = u.requestId();
      if (u.response().isEmpty()) {
        u.initResponse(exchange.metadata(requestId));
      }
    }
    if (active) {
      attemptScope.end(exchange.lastStatus, failure.getClass().getName());
      attemptScope = CallObserver.AttemptScope.NONE;
      for (CallInterceptor i : interceptors) {
        try {
          guard(i, "onFailure", () -> i.onFailure(view, failure));
        } catch (InterceptorException e) {
          failure.addSuppressed(e);
        }
      }
      scope.end(
          outcome(failure, status),
          status,
          failure.getClass().getName(),
          exchange.attempts,
          requestId,
          failure);
    }
    events.end(exchange, status, requestId);
    return failure;
  }

  private static String outcome(RuntimeException failure, int status) {
    if (failure instanceof InterceptorException) {
      return "INTERCEPTOR_ERROR";
    }
    if (status == 0) {
      return "TRANSPORT_ERROR";
    }
    return switch (status / 100) {
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "INVALID_RESPONSE";
    };
  }

  private void guard(CallInterceptor i, String hook, Runnable run) {
    try {
      run.run();
    } catch (InterceptorException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      throw failed(i, hook, "threw " + e.getClass().getName(), e);
    }
  }

  private <T> T guarded(CallInterceptor i, String hook, java.util.function.Supplier<T> run) {
    Object[] out = new Object[1];
    guard(i, hook, () -> out[0] = run.get());
    @SuppressWarnings("unchecked")
    T t = (T) out[0];
    return t;
  }

  private InterceptorException failed(
      CallInterceptor i, String hook, String what, Throwable cause) {
    Class<?> type = i instanceof ResponseCallback r ? r.consumerClass() : i.getClass();
    return new InterceptorException(exchange.op, type, hook, what, cause);
  }
}
