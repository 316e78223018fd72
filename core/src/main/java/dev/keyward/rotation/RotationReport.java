package dev.keyward.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a root-key rotation stands after {@code execute()} or {@code resume()}, and what it did.
 */
public final class RotationReport {
  /** How far the plan got. */
  public enum Status {
    /** The new key is stored, deployed and verified, and the old key is revoked. */
    DONE,
    /**
     * Verified; the old key may be revoked at {@link #waitingUntil()}: call {@code resume()} then.
     */
    WAITING_UNTIL,
    /** An operator must act (see {@link #instructions()}), then call {@code resume()}. */
    WAITING_FOR_OPERATOR,
    /** Verification failed: the new key is deleted, the store restored, the old key still live. */
    ROLLED_BACK
  }

  private final String planId;
  private final Status status;
  private final String oldKeyId;
  private final @Nullable String newKeyId;
  private final @Nullable Instant waitingUntil;
  private final List<String> instructions;
  private final List<RotationEvent> events;
  private final @Nullable RotationException failure;

  RotationReport(
      String planId,
      Status status,
      String oldKeyId,
      @Nullable String newKeyId,
      @Nullable Instant waitingUntil,
      List<String> instructions,
      List<RotationEvent> events,
      @Nullable RotationException failure) {
    this.planId = Objects.requireNonNull(planId, "planId == null");
    this.status = Objects.requireNonNull(status, "status == null");
    this.oldKeyId = Objects.requireNonNull(oldKeyId, "oldKeyId == null");
    this.newKeyId = newKeyId;
    this.waitingUntil = waitingUntil;
    this.instructions = List.copyOf(instructions);
    this.events = List.copyOf(events);
    this.failure = failure;
  }

  /** The plan's id, e.g. {@code rot-lx2k9a-3f9q}; it is also the marker in the new key's name. */
  public String planId() {
    return planId;
  }

  /** How far the plan got. */
  public Status status() {
    return status;
  }

  /** The id of the key being replaced. */
  public String oldKeyId() {
    return oldKeyId;
  }

  /** The id of the new key, once one is stored. */
  public Optional<String> newKeyId() {
    return Optional.ofNullable(newKeyId);
  }

  /** When the old key may be revoked, if the plan is waiting for its overlap window. */
  public Optional<Instant> waitingUntil() {
    return Optional.ofNullable(waitingUntil);
  }

  /** What an operator must do before {@code resume()}, if the plan waits for one. */
  public List<String> instructions() {
    return instructions;
  }

  /** Every recorded step of the plan, with timestamps and key ids, in order. */
  public List<RotationEvent> events() {
    return events;
  }

  /** Why the plan rolled back, if it did. */
  public Optional<RotationException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("rotation ").append(planId).append(": ").append(status);
    if (waitingUntil != null) {
      b.append(' ').append(waitingUntil);
    }
    b.append(" (old ").append(oldKeyId).append(", new ").append(newKeyId).append(')');
    if (failure != null) {
      b.append(" - ").append(failure.getMessage());
    }
    for (RotationEvent e : events) {
      b.append("\n  ").append(e);
    }
    for (String i : instructions) {
      b.append("\n  TODO ").append(i);
    }
    return b.toString();
  }
}
