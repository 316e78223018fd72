package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.kubernetes.KubernetesSecretStore;
import dev.keyward.kubernetes.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * core's crash matrix on {@link KubernetesSecretStore}: a root-key rotation crashes at every step
 * boundary and inside every journal write (one run per crash point, each on its own Secret of one
 * mock server), every object of the crashed run is discarded, the lease the crashed run held
 * expires (the clock moves past its ttl), and a new run resumes. Invariant 2 is checked against the
 * fake issuer and the Secret: the old key is never revoked before the new one verified, the Secret
 * always holds a key that works, and no second new key is left alive.
 */
class KubernetesRotationCrashTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");
  static final String NAME = "UNKEY_ROOT_KEY";

  @TempDir Path root;
  MockCluster cluster;
  KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = MockCluster.start();
    client = cluster.newClient();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** The world outside the process: the server, the cluster, the clock and the disk. */
  final class World {
    final Path dir;
    final String secret;
    final FakeRootKeys server = new FakeRootKeys();
    final FakeRootKeys.Key old = server.add("deploy bot", PERMS);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));

    World(int n) throws IOException {
      dir = Files.createDirectories(root.resolve("run" + n));
      secret = "unkey-" + n;
      cluster.createSecret(secret, Map.of("OTHER", "kept"));
      store().write(NAME, old.secret);
      server.protectedOldKeyId = old.id;
      server.storeValue = () -> store().read(NAME);
    }

    KubernetesSecretStore store() {
      return KubernetesSecretStore.of(client, MockCluster.NAMESPACE, secret).withClock(clock);
    }

    RootKeyRotation plan(Storage storage) {
      return RootKeyRotation.builder()
          .oldKeyId(old.id)
          .issuer(server)
          .store(store(), NAME)
          .deploy((planId, keyId) -> storage.checkpoint("deploy.hook"))
          .verifier(RotationVerifier.authenticatingWith(server::clientFor))
          .journal(RotationJournal.open(dir.resolve("journal"), storage))
          .overlap(Duration.ofMinutes(5))
          .clock(clock)
          .sleeper(clock)
          .build();
    }
  }

  @Test
  void resumeAfterACrashAtAnyPointCompletesTheRotation() throws IOException {
    assertThat(crashEverywhere(false, 0))
        .contains("store.stage", "store.staged", "store.promote", "store.promoted")
        .contains("deploy.hook", "root.revoke", "root.awaitRevocation");
  }

  @Test
  void resumeAfterACrashDuringRollbackLeavesTheOldKeyLive() throws IOException {
    assertThat(crashEverywhere(true, 0)).contains("rollback.deleteNew", "store.unstage");
  }

  @Test
  @Tag("long")
  void resumeSurvivesASecondCrashDuringTheResume() throws IOException {
    for (int second : new int[] {3, 6}) {
      assertThat(crashEverywhere(false, second)).isNotEmpty();
    }
  }

  @Test
  @Tag("long")
  void rollbackSurvivesASecondCrashDuringTheResume() throws IOException {
    assertThat(crashEverywhere(true, 4)).isNotEmpty();
  }

  private List<String> crashEverywhere(boolean failVerification, int second) throws IOException {
    List<String> crashedAt = new ArrayList<>();
    for (int n = 1; n < 1000; n++) {
      World w = new World(second * 1000 + n);
      if (failVerification) {
        w.server.grant = p -> p.subList(0, 1);
      }
      CrashStorage storage = new CrashStorage(n);
      try {
        w.plan(storage).execute();
      } catch (CrashStorage.Crash crash) {
        storage.kill();
        w.clock.advance(RootStaging.LEASE_MARGIN.plus(Duration.ofMinutes(6)));
      }
      if (!storage.crashed()) {
        assertThat(n).as("crash points exercised").isGreaterThan(20);
        return crashedAt;
      }
      crashedAt.add(storage.seen().get(storage.seen().size() - 1));
      String at = "crash at event " + n + " (" + crashedAt.get(crashedAt.size() - 1) + ")";
      if (second > 0) {
        CrashStorage again = new CrashStorage(second);
        try {
          w.plan(again).execute();
        } catch (CrashStorage.Crash crash) {
          again.kill();
          w.clock.advance(RootStaging.LEASE_MARGIN.plus(Duration.ofMinutes(6)));
        }
      }
      RotationReport report = w.plan(Storage.SYSTEM).execute();

      assertThat(w.server.violations).as(at).isEmpty();
      KubernetesSecretStore store = w.store();
      Secret stored = store.read(NAME).orElseThrow();
      assertThat(store.readStage(NAME, VersionedSecretStore.Stage.PENDING))
          .as(at + ": no pending version left")
          .isEmpty();
      io.fabric8.kubernetes.api.model.Secret raw =
          client.secrets().inNamespace(MockCluster.NAMESPACE).withName(w.secret).get();
      assertThat(raw.getData()).as(at + ": other keys kept").containsKey("OTHER");
      if (failVerification) {
        assertThat(report.status()).as(at).isEqualTo(RotationReport.Status.ROLLED_BACK);
        assertThat(w.server.live()).as(at).extracting(k -> k.id).containsExactly(w.old.id);
        assertThat(stored).as(at).isEqualTo(w.old.secret);
      } else {
        assertThat(report.status()).as(at).isEqualTo(RotationReport.Status.DONE);
        assertThat(w.old.deleted).as(at).isTrue();
        List<FakeRootKeys.Key> live = w.server.live();
        assertThat(live).as(at + ": exactly one live new key").hasSize(1);
        assertThat(live.get(0).id).as(at).isEqualTo(report.newKeyId().orElseThrow());
        assertThat(live.get(0).secret).as(at + ": the stored key is live").isEqualTo(stored);
      }
      assertNoPlaintext(w, raw, report, at);
    }
    throw new AssertionError("the rotation never finished without a crash");
  }

  private void assertNoPlaintext(
      World w, io.fabric8.kubernetes.api.model.Secret raw, RotationReport report, String at)
      throws IOException {
    StringBuilder journal = new StringBuilder();
    try (Stream<Path> files = Files.list(w.dir.resolve("journal"))) {
      for (Path f : files.toList()) {
        journal.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    String annotations = String.valueOf(raw.getMetadata().getAnnotations());
    for (FakeRootKeys.Key k : w.server.keys.values()) {
      assertThat(journal.toString()).as(at).doesNotContain(k.secret.reveal());
      assertThat(report.toString()).as(at).doesNotContain(k.secret.reveal());
      assertThat(annotations).as(at).doesNotContain(k.secret.reveal());
    }
  }
}
