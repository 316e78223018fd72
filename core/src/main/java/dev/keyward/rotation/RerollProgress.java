package dev.keyward.rotation;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far a bulk reroll is.
 *
 * @param done keys rerolled (including those finished by an earlier run)
 * @param total keys in the plan
 * @param perSecond keys rerolled per second in this run so far
 * @param eta estimated time left at that rate, if a rate is known
 */
public record RerollProgress(int done, int total, double perSecond, @Nullable Duration eta) {
  /** The estimated time left, if a rate is known. */
  public Optional<Duration> remaining() {
    return Optional.ofNullable(eta);
  }

  @Override
  public String toString() {
    return done
        + "/"
        + total
        + String.format(" (%.1f/s", perSecond)
        + (eta == null ? ")" : ", eta " + eta + ")");
  }
}
