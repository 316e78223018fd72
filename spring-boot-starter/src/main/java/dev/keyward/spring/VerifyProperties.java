package dev.keyward.spring;

import java.time.Duration;

/**
 * The API key filter's own budget for one verification ({@code keyward.filter.verify.*}): a request
 * path cannot wait as patiently as management calls (keyward.retry.*, keyward.*-timeout).
 */
public class VerifyProperties {
  /** The longest one verification may take, all attempts together. */
  private Duration timeout = Duration.ofSeconds(2);

  /** Attempts per verification, the first included (1..10). */
  private int maxAttempts = 2;

  /** Creates the defaults. */
  public VerifyProperties() {}

  /** The time budget of one verification. */
  public Duration getTimeout() {
    return timeout;
  }

  /** Sets the time budget of one verification. */
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  /** Attempts per verification. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Sets the attempts per verification. */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }
}
