package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.NotFoundException;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.model.Verification;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Root-key rotation, bulk reroll and the leak playbook against {@link InMemoryUnkey}. */
class RotationOnInMemoryUnkeyTest {
  static final List<String> PERMS =
      List.of("api.*.verify_key", "api.*.create_key", "api.*.read_key");

  @TempDir Path dir;
  TestClock clock;
  InMemoryUnkey admin;
  CreatedKey service;
  Path env;

  @BeforeEach
  void setUp() throws Exception {
    clock = TestClock.create();
    admin = InMemoryUnkey.builder().clock(clock).build();
    service = admin.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("billing").build());
    env = dir.resolve(".env");
    Files.writeString(env, "# app\nUNKEY_ROOT_KEY=" + service.key().reveal() + "\n");
  }

  RootKeyRotation.Builder rotation() {
    return RootKeyRotation.builder()
        .oldKeyId(service.keyId())
        .issuer(RootKeyIssuer.of(admin))
        .store(SecretStore.envFile(env), "UNKEY_ROOT_KEY")
        .verifier(RotationVerifier.authenticatingWith(admin))
        .journal(RotationJournal.open(dir.resolve("journal")))
        .clock(clock)
        .sleeper(clock);
  }

  @Test
  void rootKeyRotationReplacesTheKeyWithTheSamePermissions() throws Exception {
    RotationReport report = rotation().overlap(Duration.ofMinutes(30)).build().execute();

    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    String newId = report.newKeyId().orElseThrow();
    RootKeyInfo fresh = admin.rootKeys().get(newId);
    assertThat(fresh.permissions()).containsExactlyInAnyOrderElementsOf(PERMS);
    assertThat(fresh.name()).isEqualTo("billing [" + report.planId() + "]");
    assertThat(fresh.start())
        .isEqualTo(SecretStore.envFile(env).read("UNKEY_ROOT_KEY").orElseThrow().start());
    assertThat(catchNotFound(() -> admin.rootKeys().get(service.keyId()))).isTrue();
    // done only after calls with the deleted key were refused, three in a row
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .containsSubsequence("REVOKED", "REVOCATION_SEEN", "DONE");
    assertThat(Files.readString(env))
        .startsWith("# app\nUNKEY_ROOT_KEY=")
        .doesNotContain(service.key().reveal());
  }

  @Test
  void rootKeyRotationFromTheSecretFindsItsId() {
    RotationReport report =
        RootKeyRotation.builder()
            .oldKey(service.key())
            .issuer(RootKeyIssuer.of(admin))
            .store(SecretStore.inMemory(), "K")
            .verifier(RotationVerifier.authenticatingWith(admin))
            .journal(RotationJournal.open(dir.resolve("journal")))
            .clock(clock)
            .sleeper(clock)
            .build()
            .execute();
    assertThat(report.oldKeyId()).isEqualTo(service.keyId());
    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
  }

  @Test
  void dashboardIssuerStopsAtCheckpointsAndResumesWithTheOperatorsKey() {
    RootKeyRotation plan = rotation().issuer(RootKeyIssuer.dashboard()).permissions(PERMS).build();
    RotationReport first = plan.execute();
    assertThat(first.status()).isEqualTo(RotationReport.Status.WAITING_FOR_OPERATOR);
    assertThat(first.instructions())
        .singleElement()
        .asString()
        .contains("root key [" + first.planId() + "]")
        .contains(PERMS.toString());

    // the operator creates the key in the dashboard (here: through the fake) and hands it over
    CreatedKey made =
        admin.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("root key").build());
    RotationReport second = plan.supplyNewKey(made.keyId(), made.key(), PERMS);
    assertThat(second.status()).isEqualTo(RotationReport.Status.WAITING_FOR_OPERATOR);
    assertThat(second.instructions())
        .singleElement()
        .asString()
        .contains("delete root key " + service.keyId());

    admin.rootKeys().delete(service.keyId());
    RotationReport done = plan.confirmOldKeyDeleted();
    assertThat(done.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(done.newKeyId()).contains(made.keyId());
  }

  @Test
  void dashboardIssuerRollsBackWhenTheOperatorConfirmsOtherPermissions() {
    RootKeyRotation plan = rotation().issuer(RootKeyIssuer.dashboard()).permissions(PERMS).build();
    plan.execute();
    CreatedKey made =
        admin.rootKeys().create(CreateRootKeyRequest.builder(PERMS.subList(0, 1)).build());
    RotationReport report = plan.supplyNewKey(made.keyId(), made.key(), PERMS.subList(0, 1));
    assertThat(report.status()).isEqualTo(RotationReport.Status.ROLLED_BACK);
    assertThat(report.instructions())
        .singleElement()
        .asString()
        .contains("delete root key " + made.keyId());
    assertThat(SecretStore.envFile(env).read("UNKEY_ROOT_KEY")).contains(service.key());
  }

  @Test
  void bulkRerollGivesEveryKeyExactlyOneSuccessorAndSkipsFinishedKeysOnRerun() throws Exception {
    String apiId = admin.apis().create(CreateApiRequest.of("customers")).apiId();
    for (int i = 0; i < 30; i++) {
      admin
          .keys()
          .create(CreateKeyRequest.builder(apiId).prefix("sk").name("customer-" + i).build());
    }
    Map<String, Secret> delivered = new ConcurrentHashMap<>();
    List<RerollProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    BulkReroll bulk =
        ApiKeyRotation.bulk(admin, apiId)
            .grace(Duration.ofHours(1))
            .concurrency(4)
            .journal(RotationJournal.open(dir.resolve("bulk")))
            .onNewKey((old, created) -> delivered.put(old, created.key()))
            .progress(progress::add)
            .clock(clock)
            .sleeper(clock)
            .build();

    BulkRerollReport report = bulk.run();
    assertThat(report.complete()).isTrue();
    assertThat(report.rerolled()).isEqualTo(30);
    assertThat(delivered).hasSize(30);
    assertThat(progress).hasSize(30).last().extracting(RerollProgress::done).isEqualTo(30);
    for (Map.Entry<String, Secret> e : delivered.entrySet()) {
      Verification v = admin.keys().verify(e.getValue());
      assertThat(v.valid()).isTrue();
      assertThat(admin.keys().get(v.keyId()).name()).isEqualTo(admin.keys().get(e.getKey()).name());
    }
    List<KeyInfo> all = admin.apis().listKeysAll(ListKeysRequest.of(apiId)).stream().toList();
    assertThat(all).hasSize(60);

    BulkRerollReport again = bulk.run();
    assertThat(again.rerolled()).isZero();
    assertThat(again.skipped()).isEqualTo(30);
    assertThat(admin.apis().listKeysAll(ListKeysRequest.of(apiId)).stream().count()).isEqualTo(60);
  }

  @Test
  void leakResponseRevokesFirstThenReplacesAndRerollsRecentKeys() throws Exception {
    String apiId = admin.apis().create(CreateApiRequest.of("customers")).apiId();
    CreatedKey before = admin.keys().create(CreateKeyRequest.builder(apiId).name("old").build());
    clock.advance(Duration.ofDays(1));
    var since = clock.instant();
    CreatedKey suspicious =
        admin.keys().create(CreateKeyRequest.builder(apiId).name("attacker?").build());
    Map<String, Secret> delivered = new ConcurrentHashMap<>();

    LeakReport report =
        LeakResponse.builder()
            .leakedKeyId(service.keyId())
            .issuer(RootKeyIssuer.of(admin))
            .store(SecretStore.envFile(env), "UNKEY_ROOT_KEY")
            .verifier(RotationVerifier.authenticatingWith(admin))
            .reviewApiKeys(admin, List.of(apiId), since)
            .reroll(Duration.ZERO, (old, created) -> delivered.put(old, created.key()))
            .clock(clock)
            .sleeper(clock)
            .build()
            .execute();

    assertThat(report.failure()).isEmpty();
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .containsSubsequence(
            "REVOKED",
            "CREATED",
            "STORED",
            "DEPLOYED",
            "VERIFIED",
            "REVOCATION_SEEN",
            "FOUND",
            "REROLLED");
    assertThat(report.downtime()).isPresent();
    assertThat(report.suspiciousKeyIds()).containsExactly(suspicious.keyId());
    assertThat(delivered).containsOnlyKeys(suspicious.keyId());
    assertThat(catchNotFound(() -> admin.rootKeys().get(service.keyId()))).isTrue();
    assertThat(admin.rootKeys().get(report.replacementKeyId().orElseThrow()).permissions())
        .containsExactlyInAnyOrderElementsOf(PERMS);
    assertThat(report.toString())
        .doesNotContain(service.key().reveal())
        .doesNotContain(delivered.get(suspicious.keyId()).reveal());
    assertThat(admin.keys().verify(before.key()).valid()).isTrue();
  }

  static boolean catchNotFound(Runnable r) {
    try {
      r.run();
      return false;
    } catch (NotFoundException e) {
      return true;
    }
  }
}
