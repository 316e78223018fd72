package dev.keyward.kubernetes;

import static dev.keyward.kubernetes.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.rotation.SecretStoreException;
import dev.keyward.testing.TestClock;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deploy step against the mock server, with this test playing the Deployment controller: a
 * thread that sees the restart annotation and moves the status through a rolling update.
 */
class RolloutRestartTest {
  MockCluster cluster;
  KubernetesClient admin;
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:15:30Z"));

  @BeforeEach
  void start() {
    cluster = MockCluster.start();
    admin = cluster.newClient();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  void createDeployment(String name, int replicas) {
    admin
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .withGeneration(1L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", name))
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    setStatus(name, 1, replicas, replicas, replicas, replicas);
  }

  void setStatus(String name, long observed, int replicas, int updated, int available, int total) {
    Deployment d = admin.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(observed)
            .withReplicas(total)
            .withUpdatedReplicas(updated)
            .withAvailableReplicas(available)
            .withReadyReplicas(available)
            .build());
    admin.apps().deployments().inNamespace(NAMESPACE).resource(d).updateStatus();
  }

  Deployment get(String name) {
    return admin.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  /** Plays the controller: on a new generation, walks the status through a rolling update. */
  Thread controller(String name, int replicas, AtomicBoolean finished, List<String> log) {
    Thread t =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + 20_000_000_000L;
              while (System.nanoTime() < deadline) {
                Deployment d = get(name);
                long generation = d.getMetadata().getGeneration();
                if (generation > d.getStatus().getObservedGeneration()) {
                  synchronized (log) {
                    log.add(
                        "restartedAt "
                            + d.getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getAnnotations()
                                .get(RolloutRestart.RESTARTED_AT));
                  }
                  setStatus(name, generation, replicas, 1, replicas, replicas + 1);
                  pause();
                  setStatus(name, generation, replicas, replicas, replicas - 1, replicas + 1);
                  pause();
                  finished.set(true);
                  setStatus(name, generation, replicas, replicas, replicas, replicas);
                  return;
                }
                pause();
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void pause() {
    try {
      Thread.sleep(30);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sleeps 5 ms of real time per call (so the controller thread runs) and advances the clock. */
  dev.keyward.Sleeper slowly() {
    return d -> {
      Thread.sleep(5);
      clock.advance(d);
    };
  }

  @Test
  void restartsLikeKubectlAndWaitsForEveryRollout() throws Exception {
    createDeployment("api", 2);
    createDeployment("worker", 3);
    List<String> log = new ArrayList<>();
    AtomicBoolean apiDone = new AtomicBoolean();
    AtomicBoolean workerDone = new AtomicBoolean();
    Thread a = controller("api", 2, apiDone, log);
    Thread w = controller("worker", 3, workerDone, log);
    RolloutRestart step =
        RolloutRestart.builder(admin, NAMESPACE)
            .deployments("api", "worker")
            .clock(clock)
            .sleeper(slowly())
            .build();
    step.deploy("rot-1", "key_new");
    assertThat(apiDone).as("returned only after the api rollout completed").isTrue();
    assertThat(workerDone).as("returned only after the worker rollout completed").isTrue();
    a.join();
    w.join();
    assertThat(log).containsOnly("restartedAt 2026-03-01T10:15:30Z");
    assertThat(log).hasSize(2);
    assertThat(get("api").getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(cluster.requests())
        .anyMatch(r -> r.startsWith("PATCH /apis/apps/v1/namespaces/billing/deployments/api"))
        .anyMatch(r -> r.startsWith("PATCH /apis/apps/v1/namespaces/billing/deployments/worker"));
  }

  @Test
  void aRolloutThatDoesNotCompleteTimesOutNamingTheDeploymentAndItsStatus() {
    createDeployment("api", 2);
    RolloutRestart step =
        RolloutRestart.builder(admin, NAMESPACE)
            .deployments("api")
            .timeout(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(10))
            .clock(clock)
            .sleeper(clock)
            .build();
    Instant start = clock.instant();
    assertThatThrownBy(() -> step.deploy("rot-1", "key_new"))
        .isInstanceOfSatisfying(
            RolloutTimeoutException.class,
            e -> {
              assertThat(e.deployment()).isEqualTo("billing/api");
              assertThat(e.polls()).isEqualTo(19);
              assertThat(e.lastState())
                  .isEqualTo(
                      "generation 2, observedGeneration 1, replicas desired 2 updated 2"
                          + " available 2 total 2");
            })
        .hasMessageContaining("the rollout of Deployment billing/api");
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void oldReplicasLeftMeanNotComplete() {
    createDeployment("api", 2);
    Deployment d = get("api");
    d.getMetadata().setGeneration(2L);
    d.getStatus().setObservedGeneration(2L);
    d.getStatus().setReplicas(3);
    assertThat(RolloutRestart.complete(d, 2)).isFalse();
    d.getStatus().setReplicas(2);
    assertThat(RolloutRestart.complete(d, 2)).isTrue();
    assertThat(RolloutRestart.complete(d, 3)).as("the restart's generation not observed").isFalse();
    d.getStatus().setAvailableReplicas(1);
    assertThat(RolloutRestart.complete(d, 2)).isFalse();
  }

  @Test
  void aMissingOrForbiddenDeploymentIsTyped() {
    RolloutRestart step = RolloutRestart.builder(admin, NAMESPACE).deployments("ghost").build();
    assertThatThrownBy(() -> step.deploy("rot-1", "key_new"))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.NOT_FOUND))
        .hasMessageContaining("Deployment billing/ghost not found");
    createDeployment("api", 1);
    cluster.refuse(403, r -> r.getMethod().equals("PATCH"));
    assertThatThrownBy(
            () ->
                RolloutRestart.builder(admin, NAMESPACE)
                    .deployments("api")
                    .build()
                    .deploy("p", "k"))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.PERMISSION_DENIED))
        .hasMessageContaining("patch Deployment billing/api");
  }
}
