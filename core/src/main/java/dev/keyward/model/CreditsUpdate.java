package dev.keyward.model;

import dev.keyward.internal.Constraints;

/**
 * The {@code credits} of {@code keys.updateKey}: each part absent (unchanged), cleared or set.
 * Clearing {@code remaining} makes the key unlimited and also clears its refill.
 */
public record CreditsUpdate(Patch<Long> remaining, Patch<Refill> refill) {
  /** Checks nulls and remaining ≥ 0. */
  public CreditsUpdate {
    Constraints.notNull("remaining", remaining);
    Constraints.notNull("refill", refill);
    if (remaining.isSet()) {
      Constraints.range("credits remaining", remaining.value(), 0, Long.MAX_VALUE);
    }
  }

  /** Sets the remaining credits, leaving the refill unchanged. */
  public static CreditsUpdate remaining(long remaining) {
    return new CreditsUpdate(Patch.set(remaining), Patch.absent());
  }

  /** Sets the remaining credits and the refill. */
  public static CreditsUpdate of(long remaining, Refill refill) {
    return new CreditsUpdate(Patch.set(remaining), Patch.set(refill));
  }

  /** Makes the key unlimited: {@code remaining} is sent as {@code null}. */
  public static CreditsUpdate unlimited() {
    return new CreditsUpdate(Patch.clear(), Patch.absent());
  }
}
