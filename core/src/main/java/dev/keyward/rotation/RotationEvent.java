package dev.keyward.rotation;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a rotation did, as its journal recorded it: when, which step, and ids (never a key).
 *
 * @param at when the step was recorded
 * @param step the step, e.g. {@code CREATED}, {@code VERIFIED}, {@code REVOKED}
 * @param detail key ids and other facts of the step
 */
public record RotationEvent(Instant at, String step, String detail) {
  /** Creates the value. */
  public RotationEvent {
    Objects.requireNonNull(at, "at == null");
    Objects.requireNonNull(step, "step == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  @Override
  public String toString() {
    return at + " " + step + (detail.isEmpty() ? "" : " " + detail);
  }
}
