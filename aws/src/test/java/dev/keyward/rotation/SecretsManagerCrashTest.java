package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.aws.FakeSecretsManager;
import dev.keyward.aws.SecretsManagerStore;
import dev.keyward.key.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * core's crash matrix on {@link SecretsManagerStore}: a root-key rotation crashes at every step
 * boundary and inside every journal write and store call's checkpoints (one run per crash point),
 * every object of the crashed run is dropped, and a new run resumes against the same fake Secrets
 * Manager, whose state outlives the crash; its lease expires after its ttl, which the resume waits
 * out on the test clock. Invariants: exactly one live new key, stored as AWSCURRENT, the old key
 * revoked, no AWSPENDING left, no plaintext in the journal (or, failing verification, the old key
 * stays live and current).
 */
class SecretsManagerCrashTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");
  static final String NAME = "UNKEY_ROOT_KEY";

  static FakeSecretsManager fake;
  static SecretsManagerClient client;

  @TempDir Path root;

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeSecretsManager.start();
    client = fake.client();
  }

  @AfterAll
  static void stopFake() {
    client.close();
    fake.close();
  }

  /** The world outside the process: Unkey, the clock, the disk and Secrets Manager survive. */
  final class World {
    final Path dir;
    final FakeRootKeys server = new FakeRootKeys();
    final FakeRootKeys.Key old = server.add("deploy bot", PERMS);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    final String prefix;

    World(int n) throws IOException {
      dir = Files.createDirectories(root.resolve("run" + n));
      prefix = "crash/" + root.getFileName() + "/" + n + "/";
      store().write(NAME, old.secret);
      server.protectedOldKeyId = old.id;
      server.storeValue = () -> store().read(NAME);
    }

    SecretsManagerStore store() {
      return SecretsManagerStore.builder(client).prefix(prefix).clock(clock).build();
    }

    void crashed() {
      clock.advance(RootStaging.LEASE_MARGIN.plus(Duration.ofMinutes(6)));
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
        .contains("root.created", "store.stage", "store.staged", "store.promote", "store.promoted")
        .contains("root.revoke", "deploy.hook")
        .anyMatch(p -> p.startsWith("force:"));
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
        w.crashed();
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
          w.crashed();
        }
      }
      RotationReport report = w.plan(Storage.SYSTEM).execute();

      assertThat(w.server.violations).as(at).isEmpty();
      SecretsManagerStore store = w.store();
      Secret stored = store.read(NAME).orElseThrow();
      assertThat(store.readStage(NAME, VersionedSecretStore.Stage.PENDING))
          .as(at + ": no pending version left")
          .isEmpty();
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
        assertThat(live.get(0).secret)
            .as(at + ": the stored key is the live one")
            .isEqualTo(stored);
        assertThat(store.readStage(NAME, VersionedSecretStore.Stage.PREVIOUS).orElseThrow().value())
            .as(at)
            .isEqualTo(w.old.secret);
      }
      StringBuilder journal = new StringBuilder();
      try (Stream<Path> files = Files.list(w.dir.resolve("journal"))) {
        for (Path f : files.toList()) {
          journal.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
      }
      for (FakeRootKeys.Key k : w.server.keys.values()) {
        assertThat(journal.toString()).as(at).doesNotContain(k.secret.reveal());
        assertThat(report.toString()).as(at).doesNotContain(k.secret.reveal());
      }
    }
    throw new AssertionError("the rotation never finished without a crash");
  }
}
