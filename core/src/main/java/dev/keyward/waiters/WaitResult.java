package dev.keyward.waiters;

import java.time.Duration;
import java.util.Objects;

/**
 * What a waiter saw before its condition held: how many calls it made, how long it waited and the
 * state of its last call. It holds no key.
 *
 * @param polls the calls made, at least the streak the waiter required
 * @param waited the time from the first call to the last, read from the waiter's clock
 * @param lastState the last observed state, e.g. {@code NOT_FOUND} or {@code HTTP 401}
 */
public record WaitResult(int polls, Duration waited, String lastState) {
  /** Checks the values. */
  public WaitResult {
    if (polls < 1) {
      throw new IllegalArgumentException("polls must be at least 1");
    }
    Objects.requireNonNull(waited, "waited == null");
    Objects.requireNonNull(lastState, "lastState == null");
  }
}
