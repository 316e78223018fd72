package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.vault.FakeVaultServer;
import dev.keyward.vault.VaultTestStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * core's crash matrix on the Vault store: crashes a root-key rotation at every journal write, every
 * step boundary and on both sides of every Vault request (before it is sent; after Vault applied
 * it, before the answer is read), discards every object of the crashed run, lets the store's lease
 * expire, resumes with new objects, and checks Invariants 1 and 2 against the fake issuer and the
 * fake Vault. The matrices with a second crash during the resume run with {@code -Plong}.
 */
class VaultRotationCrashTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");
  static final FakeVaultServer VAULT =
      FakeVaultServer.start(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));

  @TempDir Path root;

  @AfterAll
  static void stop() {
    VAULT.close();
  }

  /** The world outside the process: the issuer, Vault, the clock and the disk survive a crash. */
  final class World {
    final Path dir;
    final String prefix;
    final FakeRootKeys server = new FakeRootKeys();
    final FakeRootKeys.Key old = server.add("deploy bot", PERMS);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));

    World(int n) throws IOException {
      dir = Files.createDirectories(root.resolve("run" + n));
      prefix = "run" + n + "/";
      server.protectedOldKeyId = old.id;
      store(Storage.SYSTEM).write("UNKEY_ROOT_KEY", old.secret);
      server.storeValue = () -> store(Storage.SYSTEM).read("UNKEY_ROOT_KEY");
    }

    VersionedSecretStore store(Storage storage) {
      return VaultTestStores.crashing(
          VAULT.url(), VAULT.rootToken(), prefix, clock, storage::checkpoint);
    }

    RootKeyRotation plan(Storage storage) {
      return RootKeyRotation.builder()
          .oldKeyId(old.id)
          .issuer(server)
          .store(store(storage), "UNKEY_ROOT_KEY")
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
    List<String> points = crashEverywhere(false, 0);
    assertThat(points)
        .anyMatch(p -> p.startsWith("write:"))
        .anyMatch(p -> p.equals("store.staged"))
        .anyMatch(p -> p.startsWith("vault:POST") && p.endsWith(":answered"))
        .anyMatch(p -> p.startsWith("vault:POST") && !p.endsWith(":answered"))
        .anyMatch(p -> p.equals("root.revoke"))
        .anyMatch(p -> p.equals("deploy.hook"));
  }

  @Test
  void resumeAfterACrashDuringRollbackLeavesTheOldKeyLive() throws IOException {
    List<String> points = crashEverywhere(true, 0);
    assertThat(points).contains("rollback.deleteNew", "store.unstage");
  }

  @Test
  @Tag("long")
  void resumeSurvivesASecondCrashDuringTheResume() throws IOException {
    assertThat(crashEverywhere(false, 3)).isNotEmpty();
    assertThat(crashEverywhere(false, 9)).isNotEmpty();
  }

  @Test
  @Tag("long")
  void rollbackSurvivesASecondCrashDuringTheResume() throws IOException {
    assertThat(crashEverywhere(true, 5)).isNotEmpty();
  }

  /** Crashes at each event n in turn; with {@code second > 0} the first resume crashes too. */
  private List<String> crashEverywhere(boolean failVerification, int second) throws IOException {
    List<String> crashedAt = new ArrayList<>();
    for (int n = 1; n < 2000; n++) {
      World w = new World(second * 10000 + n);
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
      crashedAt.add(storage.seen().get(n - 1)); // later events: the dead run's lease release
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
      VersionedSecretStore store = w.store(Storage.SYSTEM);
      Secret stored = store.read("UNKEY_ROOT_KEY").orElseThrow();
      assertThat(store.readStage("UNKEY_ROOT_KEY", VersionedSecretStore.Stage.PENDING))
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
        assertThat(live.get(0).secret)
            .as(at + ": the stored key is the live one")
            .isEqualTo(stored);
        assertThat(store.readStage("UNKEY_ROOT_KEY", VersionedSecretStore.Stage.PREVIOUS))
            .as(at)
            .map(VersionedSecret::value)
            .contains(w.old.secret);
      }
      assertNoPlaintext(w, report, at);
    }
    throw new AssertionError("the rotation never finished without a crash");
  }

  private void assertNoPlaintext(World w, RotationReport report, String at) throws IOException {
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
}
