package dev.keyward.http;

import dev.keyward.key.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Per-call options, applied with {@link UnkeyHttpClient#withOptions}: a root key overriding the
 * client's provider (multi-tenant callers), a retry policy, timeouts, {@link CallInterceptor}s and
 * a {@link ResponseMetadata} callback. A root key alone needs no options: {@link
 * dev.keyward.Unkey#withRootKey} works on any port, fakes included.
 *
 * <pre>{@code
 * Unkey tenant = unkey.withRootKey(tenantKey);
 * UnkeyHttpClient impatient =
 *     client.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final @Nullable Secret rootKey;
  private final @Nullable RetryPolicy retryPolicy;
  private final @Nullable Duration connectTimeout;
  private final @Nullable Duration readTimeout;
  private final @Nullable Duration callTimeout;
  private final List<CallInterceptor> interceptors;
  private final @Nullable Consumer<ResponseMetadata> onResponse;

  private RequestOptions(Builder b) {
    interceptors = List.copyOf(b.interceptors);
    onResponse = b.onResponse;
    rootKey = b.rootKey;
    retryPolicy = b.retryPolicy;
    connectTimeout = b.connectTimeout;
    readTimeout = b.readTimeout;
    callTimeout = b.callTimeout;
  }

  /**
   * The options of {@code Unkey.withBudget}: each attempt gets {@code timeout / maxAttempts}
   * (connect, read and call timeouts), and retries stop at {@code timeout}.
   */
  static RequestOptions budget(Duration timeout, int maxAttempts) {
    Duration perAttempt = timeout.dividedBy(maxAttempts);
    return builder()
        .connectTimeout(perAttempt)
        .readTimeout(perAttempt)
        .callTimeout(perAttempt)
        .retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts).budget(timeout).build())
        .build();
  }

  /** No overrides. */
  public static RequestOptions none() {
    return NONE;
  }

  /** Starts options with no overrides. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root key for these calls, or null to use the client's provider. */
  public @Nullable Secret rootKey() {
    return rootKey;
  }

  /** The retry policy for these calls, or null for the client's. */
  public @Nullable RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The connect timeout, or null for the client's. */
  public @Nullable Duration connectTimeout() {
    return connectTimeout;
  }

  /** The read timeout, or null for the client's. */
  public @Nullable Duration readTimeout() {
    return readTimeout;
  }

  /** The timeout of each attempt as a whole, or null for the client's. */
  public @Nullable Duration callTimeout() {
    return callTimeout;
  }

  /** The interceptors of these calls, in the order they run. */
  public List<CallInterceptor> interceptors() {
    return interceptors;
  }

  /** The callback receiving each call's {@link ResponseMetadata}, or null. */
  public @Nullable Consumer<ResponseMetadata> onResponse() {
    return onResponse;
  }

  /**
   * Options where each override set in {@code other} replaces this one's; interceptors add up (this
   * one's first).
   */
  public RequestOptions merge(RequestOptions other) {
    Builder b = new Builder();
    b.interceptors.addAll(interceptors);
    b.interceptors.addAll(other.interceptors);
    b.onResponse = other.onResponse != null ? other.onResponse : onResponse;
    b.rootKey = other.rootKey != null ? other.rootKey : rootKey;
    b.retryPolicy = other.retryPolicy != null ? other.retryPolicy : retryPolicy;
    b.connectTimeout = other.connectTimeout != null ? other.connectTimeout : connectTimeout;
    b.readTimeout = other.readTimeout != null ? other.readTimeout : readTimeout;
    b.callTimeout = other.callTimeout != null ? other.callTimeout : callTimeout;
    return b.build();
  }

  /** Names the overrides that are set; never the root key. */
  @Override
  public String toString() {
    return "RequestOptions{rootKey="
        + (rootKey == null ? "default" : rootKey.toString())
        + ", retryPolicy="
        + retryPolicy
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", callTimeout="
        + callTimeout
        + ", interceptors="
        + interceptors.size()
        + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable Secret rootKey;
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration callTimeout;
    private final List<CallInterceptor> interceptors = new ArrayList<>();
    private @Nullable Consumer<ResponseMetadata> onResponse;

    private Builder() {}

    /** Adds an interceptor to these calls; it runs after the client's and earlier ones. */
    public Builder addInterceptor(CallInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * Hands each call's {@link ResponseMetadata} to {@code callback} when the call ends, successful
     * or not (a failed call's is also on its exception). It runs after the interceptors; if it
     * throws, a successful call fails with an {@link InterceptorException}.
     */
    public Builder onResponse(Consumer<ResponseMetadata> callback) {
      this.onResponse = Objects.requireNonNull(callback, "callback == null");
      return this;
    }

    /** Authenticates these calls with {@code rootKey} instead of the client's provider. */
    public Builder rootKey(Secret rootKey) {
      this.rootKey = Objects.requireNonNull(rootKey, "rootKey == null");
      return this;
    }

    /** Retries these calls with {@code retryPolicy}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** The connect timeout, from 1 ms to {@code Integer.MAX_VALUE} ms. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** The read timeout, from 1 ms to {@code Integer.MAX_VALUE} ms. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /** The timeout of each attempt as a whole, from 1 ms to {@code Integer.MAX_VALUE} ms. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /** Builds the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static Duration positive(String field, Duration d) {
      return TimeoutSetting.check(field, d, false);
    }
  }
}
