package dev.keyward.model;

import dev.keyward.internal.Constraints;
import org.jspecify.annotations.Nullable;

/** A key's usage credits: {@code remaining} ({@code null} for unlimited) and an optional refill. */
public record Credits(@Nullable Long remaining, @Nullable Refill refill) {
  /** Validates remaining ≥ 0. */
  public Credits {
    if (remaining != null) {
      Constraints.range("credits remaining", remaining, 0, Long.MAX_VALUE);
    }
  }

  /** {@code remaining} credits without refill. */
  public static Credits of(long remaining) {
    return new Credits(remaining, null);
  }
}
