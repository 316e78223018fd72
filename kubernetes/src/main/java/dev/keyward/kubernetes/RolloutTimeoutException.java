package dev.keyward.kubernetes;

import dev.keyward.waiters.WaiterTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A restarted Deployment's rollout did not complete before the timeout of {@link RolloutRestart}.
 * The message names the Deployment ({@code namespace/name}) and its last status (generation,
 * observed generation, replicas: desired, updated, available, total), never a value.
 */
public class RolloutTimeoutException extends WaiterTimeoutException {
  private static final long serialVersionUID = 1L;

  /** The Deployment, as {@code namespace/name}. */
  private final String deployment;

  /**
   * Creates the exception for {@code deployment} ({@code namespace/name}) last seen in {@code
   * lastStatus} {@code lastSeenAgo} before the {@code timeout} passed, after {@code polls} reads.
   */
  public RolloutTimeoutException(
      String deployment, String lastStatus, Duration lastSeenAgo, int polls, Duration timeout) {
    super(
        "the rollout of Deployment " + Objects.requireNonNull(deployment, "deployment == null"),
        lastStatus,
        lastSeenAgo,
        polls,
        timeout,
        null);
    this.deployment = deployment;
  }

  /** The Deployment whose rollout did not complete, as {@code namespace/name}. */
  public String deployment() {
    return deployment;
  }
}
