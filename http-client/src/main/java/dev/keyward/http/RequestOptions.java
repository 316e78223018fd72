package dev.keyward.http;

import dev.keyward.key.Secret;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Per-call options, applied with {@link UnkeyHttpClient#withOptions}: a root key overriding the
 * client's provider (multi-tenant callers), a retry policy, and timeouts. A root key alone needs no
 * options: {@link dev.keyward.Unkey#withRootKey} works on any port, fakes included.
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

  private RequestOptions(Builder b) {
    rootKey = b.rootKey;
    retryPolicy = b.retryPolicy;
    connectTimeout = b.connectTimeout;
    readTimeout = b.readTimeout;
    callTimeout = b.callTimeout;
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

  /** Options where each override set in {@code other} replaces this one's. */
  public RequestOptions merge(RequestOptions other) {
    Builder b = new Builder();
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
        + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable Secret rootKey;
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration callTimeout;

    private Builder() {}

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
