package dev.keyward.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link LeakResponse} did, with timestamps and key ids (never a key): when the leaked key
 * was revoked, when its replacement verified (the downtime window between), and which API keys it
 * found and rerolled or deleted.
 */
public final class LeakReport {
  private final String leakedKeyId;
  private final @Nullable String replacementKeyId;
  private final Instant revokedAt;
  private final @Nullable Instant verifiedAt;
  private final List<String> suspiciousKeyIds;
  private final List<RotationEvent> events;
  private final @Nullable RotationException failure;

  LeakReport(
      String leakedKeyId,
      @Nullable String replacementKeyId,
      Instant revokedAt,
      @Nullable Instant verifiedAt,
      List<String> suspiciousKeyIds,
      List<RotationEvent> events,
      @Nullable RotationException failure) {
    this.leakedKeyId = Objects.requireNonNull(leakedKeyId, "leakedKeyId == null");
    this.replacementKeyId = replacementKeyId;
    this.revokedAt = Objects.requireNonNull(revokedAt, "revokedAt == null");
    this.verifiedAt = verifiedAt;
    this.suspiciousKeyIds = List.copyOf(suspiciousKeyIds);
    this.events = List.copyOf(events);
    this.failure = failure;
  }

  /** The leaked root key's id. */
  public String leakedKeyId() {
    return leakedKeyId;
  }

  /** The replacement's id, if one was created. */
  public Optional<String> replacementKeyId() {
    return Optional.ofNullable(replacementKeyId);
  }

  /** When the leaked key was deleted: services using it fail from here on. */
  public Instant revokedAt() {
    return revokedAt;
  }

  /** When the replacement passed verification, if it did. */
  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt);
  }

  /** The downtime window: from revocation until the replacement verified, if it did. */
  public Optional<Duration> downtime() {
    return verifiedAt == null
        ? Optional.empty()
        : Optional.of(Duration.between(revokedAt, verifiedAt));
  }

  /** API keys created or updated since the given instant (candidates for abuse). */
  public List<String> suspiciousKeyIds() {
    return suspiciousKeyIds;
  }

  /** Every action, in order, with its timestamp. */
  public List<RotationEvent> events() {
    return events;
  }

  /** What failed, if the playbook did not complete. */
  public Optional<RotationException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder("leak response for ")
            .append(leakedKeyId)
            .append(": replacement ")
            .append(replacementKeyId)
            .append(", downtime ")
            .append(downtime().map(Duration::toString).orElse("open"));
    if (failure != null) {
      b.append(" - ").append(failure.getMessage());
    }
    for (RotationEvent e : events) {
      b.append("\n  ").append(e);
    }
    return b.toString();
  }
}
