package dev.keyward.http;

import dev.keyward.Sleeper;
import dev.keyward.http.internal.OperationCodec;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.permission.Operation;
import dev.keyward.permission.Operation.RetryClass;
import dev.keyward.redact.Redactor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/** Runs calls: builds each attempt, executes it, and retries per {@link Exchange}. Immutable. */
final class Caller {
  /**
   * Marks an attempt whose request reached the network (after connect): from then on it may be
   * applied.
   */
  static final class AttemptTag {
    volatile boolean sent;

    /**
     * The response headers arrived: a failure from now on happened while the body arrived, also
     * when an interceptor (the HTTP log at TRACE) read the body before the call returned.
     */
    volatile boolean answered;
  }

  static final Interceptor SENT_MARKER =
      chain -> {
        AttemptTag tag = chain.request().tag(AttemptTag.class);
        if (tag != null) {
          tag.sent = true;
        }
        okhttp3.Response response = chain.proceed(chain.request());
        if (tag != null) {
          tag.answered = true;
        }
        return response;
      };

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final Map<Operation, HttpUrl> urls;
  private final RootKeyProvider rootKeys;
  private final Clock clock;
  final Sleeper sleeper;
  final CallEvents events;
  private final long maxResponseBytes;
  private final Redactor redactor;
  private final String userAgent;
  private final RetryPolicy retryPolicy;
  private final RequestOptions options;
  private final CallObserver observer;
  private final List<CallInterceptor> interceptors;
  private final Headers anonymousHeaders;
  private volatile @Nullable AuthorizedHeaders lastHeaders;

  /** Each attempt's overall timeout, enforced by {@link CallDeadlines}; 0 for none. */
  private final long callTimeoutMillis;

  /** OkHttp's call timeout of {@code http} becomes keyward's; the OkHttp client keeps none. */
  Caller(
      OkHttpClient http,
      HttpUrl baseUrl,
      RootKeyProvider rootKeys,
      Clock clock,
      Sleeper sleeper,
      EventListener listener,
      String userAgent,
      RetryPolicy retryPolicy,
      RequestOptions options,
      long maxResponseBytes,
      Redactor redactor,
      CallObserver observer) {
    this(
        http.callTimeoutMillis() == 0 ? http : http.newBuilder().callTimeout(Duration.ZERO).build(),
        http.callTimeoutMillis(),
        baseUrl,
        rootKeys,
        clock,
        sleeper,
        new CallEvents(listener, redactor),
        userAgent,
        retryPolicy,
        options,
        maxResponseBytes,
        redactor,
        observer);
  }

  private Caller(
      OkHttpClient http,
      long callTimeoutMillis,
      HttpUrl baseUrl,
      RootKeyProvider rootKeys,
      Clock clock,
      Sleeper sleeper,
      CallEvents events,
      String userAgent,
      RetryPolicy retryPolicy,
      RequestOptions options,
      long maxResponseBytes,
      Redactor redactor,
      CallObserver observer) {
    this.observer = observer;
    this.interceptors = interceptors(options);
    this.callTimeoutMillis = callTimeoutMillis;
    this.maxResponseBytes = maxResponseBytes;
    this.redactor = redactor;
    this.http = derive(http, options);
    this.baseUrl = baseUrl;
    this.urls = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      urls.put(op, baseUrl.newBuilder().addPathSegment("v2").addPathSegment(op.wireName()).build());
    }
    this.rootKeys = rootKeys;
    this.clock = clock;
    this.sleeper = sleeper;
    this.events = events;
    this.userAgent = userAgent;
    this.anonymousHeaders = Headers.of("User-Agent", userAgent, "Accept", "application/json");
    this.retryPolicy = retryPolicy;
    this.options = options;
  }

  private static OkHttpClient derive(OkHttpClient http, RequestOptions options) {
    if (options.connectTimeout() == null && options.readTimeout() == null) {
      return http;
    }
    OkHttpClient.Builder b = http.newBuilder();
    if (options.connectTimeout() != null) {
      b.connectTimeout(options.connectTimeout());
    }
    if (options.readTimeout() != null) {
      b.readTimeout(options.readTimeout());
    }
    return b.build();
  }

  Caller withOptions(RequestOptions more) {
    return new Caller(
        http,
        callTimeoutMillis,
        baseUrl,
        rootKeys,
        clock,
        sleeper,
        events,
        userAgent,
        retryPolicy,
        options.merge(more),
        maxResponseBytes,
        redactor,
        observer);
  }

  /** The options' interceptors, then their response callback as the last one. */
  private static List<CallInterceptor> interceptors(RequestOptions options) {
    if (options.onResponse() == null) {
      return options.interceptors();
    }
    List<CallInterceptor> all = new ArrayList<>(options.interceptors());
    all.add(new ResponseCallback(options.onResponse()));
    return List.copyOf(all);
  }

  HttpUrl baseUrl() {
    return baseUrl;
  }

  OkHttpClient http() {
    return http;
  }

  /** Calls with the operation's own retry class. */
  <Q, R> R call(OperationCodec<Q, R> codec, @Nullable Q request, @Nullable String resourceId) {
    return call(codec, request, codec.operation().retryClass(), resourceId);
  }

  <Q, R> R call(
      OperationCodec<Q, R> codec,
      @Nullable Q request,
      RetryClass retryClass,
      @Nullable String resourceId) {
    ByteString body = request == null ? null : codec.encodeRequest(request);
    Exchange<R> exchange = exchange(codec, retryClass, resourceId);
    CallRun<R> run = run(exchange, request);
    try {
      run.beforeCall();
      while (true) {
        AttemptTag tag = new AttemptTag();
        Call call = newCall(exchange, body, retryClass, tag, run);
        Exchange.Step<R> step;
        CallDeadlines.Watch watch = CallDeadlines.watch(call, attemptTimeoutMillis());
        try {
          step = exchange.onResponse(call.execute(), watch, call);
        } catch (IOException e) {
          step = failure(exchange, tag, watch, e, call.isCanceled());
        } finally {
          CallDeadlines.release(call);
        }
        run.afterAttempt();
        if (step instanceof Exchange.Done<R> done) {
          return run.succeed(done);
        }
        if (step instanceof Exchange.Fail<R> fail) {
          throw run.fail(fail.failure());
        }
        Exchange.Retry<R> retry = (Exchange.Retry<R>) step;
        run.retrying(retry);
        try {
          sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw run.fail(retry.failure());
        }
      }
    } catch (RuntimeException e) {
      throw run.fail(e);
    }
  }

  /** Starts reporting a call: events, interceptors, observations. */
  <R> CallRun<R> run(Exchange<R> exchange, @Nullable Object request) {
    return new CallRun<>(exchange, request, events, interceptors, observer);
  }

  <Q, R> CompletableFuture<R> callAsync(
      OperationCodec<Q, R> codec, @Nullable Q request, @Nullable String resourceId) {
    return callAsync(codec, request, codec.operation().retryClass(), resourceId);
  }

  <Q, R> CompletableFuture<R> callAsync(
      OperationCodec<Q, R> codec,
      @Nullable Q request,
      RetryClass retryClass,
      @Nullable String resourceId) {
    return new AsyncAttempts<R>(this).start(codec, request, retryClass, resourceId);
  }

  <R> Exchange<R> exchange(
      OperationCodec<?, R> codec, RetryClass retryClass, @Nullable String resourceId) {
    RetryPolicy policy = options.retryPolicy() != null ? options.retryPolicy() : retryPolicy;
    Operation op = codec.operation();
    Exchange.Settings settings =
        new Exchange.Settings(
            maxResponseBytes,
            http.connectTimeoutMillis(),
            http.readTimeoutMillis(),
            http.writeTimeoutMillis(),
            redactor);
    return new Exchange<>(codec, retryClass, resourceId, policy, clock, urls.get(op), settings);
  }

  Call newCall(
      Exchange<?> exchange,
      @Nullable ByteString body,
      RetryClass retryClass,
      AttemptTag tag,
      CallRun<?> run) {
    exchange.startAttempt();
    Headers headers;
    Secret key = null;
    if (exchange.op == Operation.LIVENESS) {
      headers = anonymousHeaders;
    } else {
      key = options.rootKey() != null ? options.rootKey() : rootKeys.current();
      headers = authorizedHeaders(key);
    }
    Map<String, String> extra = run.beforeAttempt(key);
    if (extra != null) {
      Headers.Builder more = headers.newBuilder();
      extra.forEach(more::set);
      headers = more.build();
    }
    Request.Builder b =
        new Request.Builder()
            .url(urls.get(exchange.op))
            .headers(headers)
            .tag(AttemptTag.class, tag);
    if (body == null) {
      b.get();
    } else {
      b.post(new JsonBody(body, retryClass != RetryClass.SAFE));
    }
    Request request = b.build();
    exchange.lastRequest = request;
    run.sending(request);
    return http.newCall(request);
  }

  /**
   * The headers of an authorized request, built once per root key: a provider usually answers the
   * same {@link Secret} until it rotates, and building headers validates every character.
   */
  private Headers authorizedHeaders(Secret key) {
    AuthorizedHeaders last = lastHeaders;
    if (last != null && last.key == key) {
      return last.headers;
    }
    Headers headers =
        anonymousHeaders.newBuilder().add("Authorization", "Bearer " + key.reveal()).build();
    lastHeaders = new AuthorizedHeaders(key, headers);
    return headers;
  }

  /** A root key and the request headers that carry it; never printed. */
  private static final class AuthorizedHeaders {
    final Secret key;
    final Headers headers;

    AuthorizedHeaders(Secret key, Headers headers) {
      this.key = key;
      this.headers = headers;
    }
  }

  long attemptTimeoutMillis() {
    return options.callTimeout() != null ? options.callTimeout().toMillis() : callTimeoutMillis;
  }

  /**
   * A failed attempt; one cancelled by its deadline is a timeout, not a cancellation. {@code
   * canceled} says whether the caller cancelled it.
   */
  static <R> Exchange.Step<R> failure(
      Exchange<R> exchange,
      AttemptTag tag,
      CallDeadlines.Watch watch,
      IOException e,
      boolean canceled) {
    if (watch.expired) {
      return exchange.onFailure(watch.reported(e), tag.sent, false, tag.answered);
    }
    return exchange.onFailure(e, tag.sent, canceled, tag.answered);
  }
}
