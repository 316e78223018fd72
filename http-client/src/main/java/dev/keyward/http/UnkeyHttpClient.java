package dev.keyward.http;

import dev.keyward.Analytics;
import dev.keyward.Apis;
import dev.keyward.AsyncUnkey;
import dev.keyward.Identities;
import dev.keyward.Keys;
import dev.keyward.Permissions;
import dev.keyward.Ratelimits;
import dev.keyward.RootKeys;
import dev.keyward.Sleeper;
import dev.keyward.Unkey;
import dev.keyward.http.internal.LivenessCodec;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;
import dev.keyward.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Unkey} port over Unkey's v2 HTTP API, on OkHttp. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * Unkey unkey = UnkeyHttpClient.fromEnvironment();   // UNKEY_ROOT_KEY, UNKEY_BASE_URL
 * Unkey unkey = UnkeyHttpClient.builder().rootKey(Secret.of(rootKey)).okHttpClient(shared).build();
 * }</pre>
 *
 * <p>Each attempt reads the root key from the {@link RootKeyProvider} once, so a rotated key takes
 * effect without a restart. Failures are {@code UnkeyException}s; retries follow {@code
 * Operation.retryClass()} and the {@link RetryPolicy}. Exchanges are logged through {@link
 * RedactingHttpLogger} (DEBUG: method, path, status, request id, latency; TRACE: redacted headers
 * and bodies).
 *
 * <p>A server may echo what it was sent: request ids (everywhere) must be 1 to 64 characters of
 * {@code [A-Za-z0-9_-]} holding no secret, else read {@code (invalid request id)}; error types must
 * be {@code about:blank}, a slug or under {@code https://unkey.com/docs/}, else read {@code
 * (invalid error type)}; titles, details and validation messages are redacted. Redirects are never
 * followed (a 3xx is an {@code UnexpectedStatusException}); bodies are capped.
 */
public final class UnkeyHttpClient implements Unkey {
  /** Unkey's API. */
  public static final String DEFAULT_BASE_URL = "https://api.unkey.com";

  /** The environment variable holding the root key. */
  public static final String ROOT_KEY_VARIABLE = "UNKEY_ROOT_KEY";

  /** The environment variable holding the base URL (optional). */
  public static final String BASE_URL_VARIABLE = "UNKEY_BASE_URL";

  /** The default of {@link Builder#maxResponseBytes(long)}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final Caller caller;
  private final Keys keys;
  private final Apis apis;
  private final Permissions permissions;
  private final Identities identities;
  private final Ratelimits ratelimits;
  private final Analytics analytics;
  private final RootKeys rootKeys;
  private final AsyncUnkey async;

  private UnkeyHttpClient(Caller caller) {
    this.caller = caller;
    this.keys = new HttpKeys(caller);
    this.apis = new HttpApis(caller);
    this.permissions = new HttpPermissions(caller);
    this.identities = new HttpIdentities(caller);
    this.ratelimits = new HttpRatelimits(caller);
    this.analytics = new HttpAnalytics(caller);
    this.rootKeys = new HttpRootKeys(caller);
    this.async = new HttpAsyncUnkey(caller);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from {@code UNKEY_ROOT_KEY} (required) and {@code UNKEY_BASE_URL} (default
   * {@value #DEFAULT_BASE_URL}). The root key is re-read from the environment on every attempt.
   *
   * @throws IllegalStateException naming the variable when {@code UNKEY_ROOT_KEY} is unset or
   *     empty, or when {@code UNKEY_BASE_URL} is not an http(s) URL
   */
  public static UnkeyHttpClient fromEnvironment() {
    return ClientEnvironment.client();
  }

  /**
   * This client acting with another root key (its provider is bypassed for these calls); the same
   * as {@code withOptions(RequestOptions.builder().rootKey(rootKey).build())}.
   */
  @Override
  public UnkeyHttpClient withRootKey(Secret rootKey) {
    Objects.requireNonNull(rootKey, "rootKey == null");
    return withOptions(RequestOptions.builder().rootKey(rootKey).build());
  }

  /**
   * A view whose calls each take at most about {@code timeout}: every attempt gets {@code timeout /
   * maxAttempts} (connect, read and call timeouts), and retries stop at {@code timeout}. Options
   * given to the view later still win over these.
   */
  @Override
  public UnkeyHttpClient withBudget(Duration timeout, int maxAttempts) {
    Unkey.super.withBudget(timeout, maxAttempts);
    return withOptions(RequestOptions.budget(timeout, maxAttempts));
  }

  /** A view of this client whose calls use {@code options} (merged over this client's). */
  public UnkeyHttpClient withOptions(RequestOptions options) {
    return new UnkeyHttpClient(
        caller.withOptions(Objects.requireNonNull(options, "options == null")));
  }

  /** The base URL calls go to. */
  public HttpUrl baseUrl() {
    return caller.baseUrl();
  }

  /** {@code keyward-java/<version>}, sent as {@code User-Agent}. */
  public static String userAgent() {
    return "keyward-java/" + ClientVersion.VERSION;
  }

  @Override
  public Keys keys() {
    return keys;
  }

  @Override
  public Apis apis() {
    return apis;
  }

  @Override
  public Permissions permissions() {
    return permissions;
  }

  @Override
  public Identities identities() {
    return identities;
  }

  @Override
  public Ratelimits ratelimits() {
    return ratelimits;
  }

  @Override
  public Analytics analytics() {
    return analytics;
  }

  /**
   * keyward's root-key extension ({@code rootKeys.*}). unkey.com serves root keys only through its
   * dashboard and answers these calls with 404; servers that speak the extension (such as {@code
   * FakeUnkeyServer}) implement them.
   */
  @Override
  public RootKeys rootKeys() {
    return rootKeys;
  }

  /**
   * The same client with {@code CompletableFuture}s, on OkHttp's {@code enqueue}: no thread waits
   * for the network, and cancelling a future cancels its HTTP call (and any further retry).
   */
  public AsyncUnkey async() {
    return async;
  }

  @Override
  public Liveness liveness() {
    return caller.call(LivenessCodec.LIVENESS, null, null);
  }

  @Override
  public String toString() {
    return "UnkeyHttpClient{baseUrl=" + caller.baseUrl() + "}";
  }

  /** Builds an {@link UnkeyHttpClient}. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private @Nullable RootKeyProvider rootKeys;
    private @Nullable OkHttpClient okHttpClient;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration callTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private EventListener eventListener = EventListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable Redactor redactor = Redactor.defaults();
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private final RequestOptions.Builder interceptors = RequestOptions.builder();
    private @Nullable Object observationRegistry; // Object: loads no Micrometer class
    private @Nullable Object callConvention;
    private @Nullable Object attemptConvention;

    private Builder() {}

    /**
     * The API's base URL (default {@value #DEFAULT_BASE_URL}); paths are {@code /v2/<operation>}.
     *
     * @throws IllegalArgumentException unless it is an http or https URL without user info, query
     *     or fragment (the message never repeats the value)
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(BaseUrlRule.parse(Objects.requireNonNull(baseUrl, "baseUrl == null")));
    }

    /**
     * The API's base URL.
     *
     * @throws IllegalArgumentException if it has user info, a query or a fragment: they would be
     *     printed in {@code toString()} and could carry a credential
     */
    public Builder baseUrl(HttpUrl baseUrl) {
      this.baseUrl = BaseUrlRule.check(Objects.requireNonNull(baseUrl, "baseUrl == null"));
      return this;
    }

    /** A fixed root key. */
    public Builder rootKey(Secret rootKey) {
      return rootKeyProvider(RootKeyProvider.of(rootKey));
    }

    /** Where each attempt reads the root key (env, file, vault...). */
    public Builder rootKeyProvider(RootKeyProvider provider) {
      this.rootKeys = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /**
     * The OkHttp client to derive from (with {@code newBuilder()}), sharing its connection pool,
     * dispatcher, proxy and TLS settings. Its timeouts are kept unless set here; its redirect
     * following is turned off. Without one, keyward uses connect 10 s, read 30 s, call 60 s.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * The connect timeout (default 10 s): 0 for none, or 1 ms to {@code Integer.MAX_VALUE} ms (else
     * an {@code IllegalArgumentException}).
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = TimeoutSetting.check("connectTimeout", timeout, true);
      return this;
    }

    /**
     * The read timeout (default 30 s), also while a response body arrives: 0 for none, or 1 ms to
     * {@code Integer.MAX_VALUE} ms.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = TimeoutSetting.check("readTimeout", timeout, true);
      return this;
    }

    /**
     * The timeout of each attempt as a whole, body included (default 60 s, when Unkey's server
     * gives up): 0 for none, or 1 ms to {@code Integer.MAX_VALUE} ms (else an {@code
     * IllegalArgumentException}).
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = TimeoutSetting.check("callTimeout", timeout, true);
      return this;
    }

    /**
     * The most bytes of a response body keyward reads (default 16 MiB). A longer 2xx body (by its
     * {@code Content-Length}, or counted as it streams) fails the call, unretried, with an {@code
     * UnexpectedStatusException} naming the operation and this limit; error bodies are read up to
     * 256 KiB (or this limit, if lower).
     *
     * @throws IllegalArgumentException naming {@code maxResponseBytes} unless it is at least 1
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Adds a {@link CallInterceptor} to every call (they run in the order added). */
    public Builder addInterceptor(CallInterceptor interceptor) {
      interceptors.addInterceptor(interceptor);
      return this;
    }

    /**
     * Records each call ({@code unkey.client.call}) and each attempt ({@code unkey.client.attempt},
     * its child; OpenTelemetry's HTTP client keys) as Micrometer observations: metrics, and spans
     * with a tracing bridge. Needs {@code io.micrometer:micrometer-observation}, an optional
     * dependency; without a registry (the default) the client loads no Micrometer class.
     */
    public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
      this.observationRegistry = Objects.requireNonNull(registry, "registry == null");
      return this;
    }

    /** Replaces {@link DefaultCallObservationConvention} for this client's call observations. */
    public Builder callObservationConvention(CallObservationConvention convention) {
      this.callConvention = Objects.requireNonNull(convention, "convention == null");
      return this;
    }

    /** Replaces {@link DefaultAttemptObservationConvention} for this client's attempts. */
    public Builder attemptObservationConvention(AttemptObservationConvention convention) {
      this.attemptConvention = Objects.requireNonNull(convention, "convention == null");
      return this;
    }

    /** Observes calls (default: none). */
    public Builder eventListener(EventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener == null");
      return this;
    }

    /**
     * The clock for retry budgets, latencies and {@code Retry-After} dates (default system UTC).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How retries wait (default {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** The redactor of the built-in HTTP log (default {@link Redactor#defaults()}). */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /** Turns the built-in {@link RedactingHttpLogger} off (e.g. when your client logs already). */
    public Builder noHttpLogging() {
      this.redactor = null;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no root key or provider was set
     */
    public UnkeyHttpClient build() {
      if (rootKeys == null) {
        throw new IllegalStateException(
            "set rootKey(...) or rootKeyProvider(...) (or use fromEnvironment())");
      }
      Caller caller =
          new Caller(
              OkHttpSetup.configure(
                  okHttpClient, connectTimeout, readTimeout, callTimeout, redactor),
              baseUrl,
              rootKeys,
              clock,
              sleeper,
              eventListener,
              userAgent(),
              retryPolicy,
              interceptors.build(),
              maxResponseBytes,
              redactor != null ? redactor : Redactor.defaults(),
              CallObserver.of(observationRegistry, callConvention, attemptConvention));
      return new UnkeyHttpClient(caller);
    }
  }
}
