package dev.keyward.kubernetes;

import dev.keyward.Sleeper;
import dev.keyward.rotation.RootKeyRotation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The deploy step of a {@link RootKeyRotation} on Kubernetes: restarts named Deployments as {@code
 * kubectl rollout restart} does (a merge patch setting the pod template's annotation {@code
 * kubectl.kubernetes.io/restartedAt} to now, RFC 3339), so their pods start again and read the new
 * key, then waits until each rollout completes as {@code kubectl rollout status} judges it: the
 * controller observed the new generation, and every replica is updated and available with no old
 * one left. Polls through a {@link Sleeper} and {@link Clock}; a rollout still incomplete at the
 * timeout throws a {@link RolloutTimeoutException} naming the Deployment and its last status, which
 * stops the plan ({@code resume()} restarts and waits again).
 *
 * <pre>{@code
 * RootKeyRotation.builder()
 *     .deploy(RolloutRestart.builder(client, "billing").deployments("api", "worker").build())
 * }</pre>
 *
 * <p>Verbs it calls: {@code patch} and {@code get} on each named Deployment.
 */
public final class RolloutRestart implements RootKeyRotation.DeployHook {
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private final KubernetesClient client;
  private final String namespace;
  private final List<String> deployments;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Clock clock;
  private final Sleeper sleeper;

  private RolloutRestart(Builder b) {
    client = b.client;
    namespace = b.namespace;
    deployments = List.copyOf(b.deployments);
    if (deployments.isEmpty()) {
      throw new IllegalStateException("deployments: name at least one Deployment");
    }
    timeout = b.timeout;
    pollInterval = b.pollInterval;
    clock = b.clock;
    sleeper = b.sleeper;
  }

  /** Starts a deploy step for Deployments in {@code namespace}, through {@code client}. */
  public static Builder builder(KubernetesClient client, String namespace) {
    return new Builder(client, namespace);
  }

  /** Restarts every named Deployment, then waits for each rollout to complete. */
  @Override
  public void deploy(String planId, String newKeyId) throws InterruptedException {
    List<Long> generations = restart();
    for (int i = 0; i < deployments.size(); i++) {
      await(deployments.get(i), generations.get(i));
    }
  }

  /**
   * Patches each Deployment's pod template with {@code restartedAt} = now; returns the generation
   * each patch produced, which the rollout must reach.
   */
  List<Long> restart() {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String patch =
        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\""
            + RESTARTED_AT
            + "\":\""
            + now
            + "\"}}}}}";
    List<Long> generations = new ArrayList<>();
    for (String name : deployments) {
      try {
        Deployment d =
            client
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        Long g = d.getMetadata().getGeneration();
        generations.add(g == null ? 0L : g);
      } catch (KubernetesClientException e) {
        throw Failures.map(e, "patch", "Deployment", namespace, name);
      }
    }
    return generations;
  }

  private void await(String name, long generation) throws InterruptedException {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    int polls = 0;
    while (true) {
      Instant seenAt = clock.instant();
      Deployment d;
      try {
        d = client.apps().deployments().inNamespace(namespace).withName(name).get();
      } catch (KubernetesClientException e) {
        throw Failures.map(e, "get", "Deployment", namespace, name);
      }
      if (d == null) {
        throw Failures.map(
            new KubernetesClientException("not found", 404, null),
            "get",
            "Deployment",
            namespace,
            name);
      }
      polls++;
      if (complete(d, generation)) {
        return;
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new RolloutTimeoutException(
            namespace + "/" + name, describe(d), Duration.between(seenAt, now), polls, timeout);
      }
      Duration left = Duration.between(now, deadline);
      sleeper.sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
    }
  }

  /** {@code kubectl rollout status}'s test, and the generation the restart produced. */
  static boolean complete(Deployment d, long restartedGeneration) {
    DeploymentStatus s = d.getStatus();
    if (s == null) {
      return false;
    }
    long generation = orZero(d.getMetadata().getGeneration());
    long observed = orZero(s.getObservedGeneration());
    if (observed < generation || observed < restartedGeneration) {
      return false;
    }
    int desired =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int updated = orZero(s.getUpdatedReplicas());
    return updated == desired
        && orZero(s.getReplicas()) == desired
        && orZero(s.getAvailableReplicas()) == desired
        && !deadlineExceeded(s);
  }

  private static boolean deadlineExceeded(DeploymentStatus s) {
    if (s.getConditions() == null) {
      return false;
    }
    for (DeploymentCondition c : s.getConditions()) {
      if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
        return true;
      }
    }
    return false;
  }

  /** The status, for messages: never a value (a Deployment's status holds none). */
  static String describe(Deployment d) {
    DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    return "generation "
        + orZero(d.getMetadata().getGeneration())
        + ", observedGeneration "
        + orZero(s.getObservedGeneration())
        + ", replicas desired "
        + (d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas())
        + " updated "
        + orZero(s.getUpdatedReplicas())
        + " available "
        + orZero(s.getAvailableReplicas())
        + " total "
        + orZero(s.getReplicas())
        + (deadlineExceeded(s) ? ", ProgressDeadlineExceeded" : "");
  }

  private static long orZero(@Nullable Long v) {
    return v == null ? 0 : v;
  }

  private static int orZero(@Nullable Integer v) {
    return v == null ? 0 : v;
  }

  @Override
  public String toString() {
    return "RolloutRestart{namespace=" + namespace + ", deployments=" + deployments + "}";
  }

  /** Builds a {@link RolloutRestart}. */
  public static final class Builder {
    private final KubernetesClient client;
    private final String namespace;
    private final List<String> deployments = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(10);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Clock clock = Clock.system(ZoneOffset.UTC);
    private Sleeper sleeper = Sleeper.SYSTEM;

    Builder(KubernetesClient client, String namespace) {
      this.client = Objects.requireNonNull(client, "client == null");
      this.namespace = Objects.requireNonNull(namespace, "namespace == null");
    }

    /** The Deployments to restart, in order (at least one). */
    public Builder deployments(String... names) {
      for (String n : names) {
        deployments.add(Objects.requireNonNull(n, "deployment name == null"));
      }
      return this;
    }

    /** How long to wait for each rollout (positive; default ten minutes). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** How long to wait between reads of a Deployment (positive; default two seconds). */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "pollInterval");
      return this;
    }

    /** The clock of the restart's timestamp and the timeout. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the step waits between reads. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Builds the step. */
    public RolloutRestart build() {
      return new RolloutRestart(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
