package dev.keyward;

import dev.keyward.permission.Operation;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** HTTP 429: the workspace or root key is rate limited; nothing was applied. */
public class RateLimitedException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Duration retryAfter;

  /**
   * Creates the exception; {@code retryAfter} comes from the {@code Retry-After} header, if any.
   */
  public RateLimitedException(
      Operation operation, Problem problem, String explanation, @Nullable Duration retryAfter) {
    super(operation, problem, explanation);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
