package dev.keyward.spring;

import java.time.Duration;

/** The opt-in verification cache (a revoked key may pass for up to the TTL). */
public class CacheProperties {
  /** Whether to cache verification results. */
  private boolean enabled;

  /** How long a valid result is kept (at most 60 s). */
  private Duration ttl = Duration.ofSeconds(30);

  /** How long a NOT_FOUND result is kept (0 to 60 s). */
  private Duration negativeTtl = Duration.ofSeconds(5);

  /** Most entries held. */
  private int maxSize = 10_000;

  /** Creates the defaults. */
  public CacheProperties() {}

  /** Whether the cache is on. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the cache is on. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** TTL of valid results. */
  public Duration getTtl() {
    return ttl;
  }

  /** Sets the TTL. */
  public void setTtl(Duration ttl) {
    this.ttl = ttl;
  }

  /** TTL of NOT_FOUND results. */
  public Duration getNegativeTtl() {
    return negativeTtl;
  }

  /** Sets the negative TTL. */
  public void setNegativeTtl(Duration negativeTtl) {
    this.negativeTtl = negativeTtl;
  }

  /** Most entries. */
  public int getMaxSize() {
    return maxSize;
  }

  /** Sets the most entries. */
  public void setMaxSize(int maxSize) {
    this.maxSize = maxSize;
  }
}
