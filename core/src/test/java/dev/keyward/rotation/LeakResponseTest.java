package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.key.Secret;
import dev.keyward.waiters.WaiterTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakResponseTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");

  final ManualClock clock = new ManualClock(Instant.parse("2026-04-01T00:00:00Z"));
  final FakeRootKeys server = new FakeRootKeys();
  final FakeRootKeys.Key leaked = server.add("ci pipeline", PERMS);
  final SecretStore store = SecretStore.inMemory();

  LeakResponse.Builder playbook() {
    store.write("UNKEY_ROOT_KEY", leaked.secret);
    return LeakResponse.builder()
        .leakedKeyId(leaked.id)
        .issuer(server)
        .store(store, "UNKEY_ROOT_KEY")
        .verifier(RotationVerifier.authenticatingWith(server::clientFor))
        .clock(clock)
        .sleeper(clock);
  }

  @Test
  void revokesFirstThenReplacesWithTheSamePermissions() {
    List<String> order = new java.util.ArrayList<>();
    LeakReport report =
        playbook().deploy((plan, key) -> order.add("deploy " + leaked.deleted)).build().execute();

    assertThat(order).containsExactly("deploy true");
    assertThat(leaked.deleted).isTrue();
    assertThat(report.failure()).isEmpty();
    FakeRootKeys.Key replacement = server.keys.get(report.replacementKeyId().orElseThrow());
    assertThat(replacement.permissions).containsExactlyElementsOf(PERMS);
    assertThat(replacement.name).startsWith("ci pipeline [leak-");
    assertThat(store.read("UNKEY_ROOT_KEY")).contains(replacement.secret);
    assertThat(report.downtime()).isPresent();
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .containsExactly(
            "DESCRIBED", "REVOKED", "CREATED", "STORED", "DEPLOYED", "VERIFIED", "REVOCATION_SEEN");
    assertThat(report.toString())
        .doesNotContain(leaked.secret.reveal())
        .doesNotContain(replacement.secret.reveal());
  }

  @Test
  void waitsUntilTheLeakedKeyIsRefusedEverywhereThroughTheSleeper() {
    server.propagationCalls = 2; // two edges still serve the deleted key
    LeakReport report = playbook().build().execute();

    assertThat(report.failure()).isEmpty();
    // 2 calls still authenticated, then 3 refusals in a row; pauses of 250, 500, 1000, 2000 ms
    assertThat(report.events())
        .filteredOn(e -> e.step().equals("REVOCATION_SEEN"))
        .singleElement()
        .extracting(RotationEvent::detail)
        .isEqualTo("key=" + leaked.id + " calls=5 waited=PT3.75S");
    assertThat(server.callsAfterDeletion.get(leaked.secret)).isEqualTo(5);
  }

  @Test
  void aRevocationThatNeverPropagatesFailsTheReportAfterItsTimeoutNamingTheLastState() {
    server.propagationCalls = Integer.MAX_VALUE;
    Instant start = clock.instant();
    LeakReport report = playbook().revocationTimeout(Duration.ofSeconds(30)).build().execute();

    RotationException failure = report.failure().orElseThrow();
    assertThat(failure.step()).isEqualTo("await-revocation");
    assertThat(failure.getCause())
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("last seen: authenticated (HTTP 200, NOT_FOUND)");
    assertThat(report.verifiedAt()).isPresent();
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .endsWith("VERIFIED", "REVOCATION_UNCONFIRMED", "FAILED");
    assertThat(clock.instant()).isAfterOrEqualTo(start.plusSeconds(30));
    FakeRootKeys.Key replacement = server.keys.get(report.replacementKeyId().orElseThrow());
    for (String text :
        List.of(report.toString(), failure.getMessage(), failure.getCause().getMessage())) {
      assertThat(text)
          .doesNotContain(leaked.secret.reveal())
          .doesNotContain(replacement.secret.reveal());
    }
  }

  @Test
  void aLeakedKeyWhosePlaintextIsNotInTheStoreIsReportedAsUnchecked() {
    LeakResponse.Builder playbook = playbook();
    store.write("UNKEY_ROOT_KEY", Secret.of("unkey_" + "Qw8nAnotherServicesKey"));
    LeakReport report = playbook.build().execute();

    assertThat(report.failure()).isEmpty();
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .contains("REVOCATION_UNCHECKED")
        .doesNotContain("REVOCATION_SEEN");
  }

  @Test
  void failedVerificationIsReportedWithAnOpenDowntimeWindow() {
    server.grant = p -> p.subList(0, 1);
    LeakReport report = playbook().build().execute();
    assertThat(leaked.deleted).isTrue();
    assertThat(report.failure()).get().extracting(RotationException::step).isEqualTo("verify");
    assertThat(report.verifiedAt()).isEmpty();
    assertThat(report.downtime()).isEmpty();
    assertThat(report.toString()).contains("downtime open");
  }

  @Test
  void unknownKeyFailsBeforeRevokingAnything() {
    LeakResponse playbook = playbook().leakedKeyId("key_unknown").build();
    assertThatThrownBy(playbook::execute)
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("describe");
    assertThat(server.live()).hasSize(1);
  }

  @Test
  void aLeakResponseDuringARotationOfTheKeyIsRefusedBeforeRevokingSoNoKeyIsLost(
      @TempDir Path journal) {
    // without the store lock the playbook stored its replacement mid-rotation; the rotation then
    // failed verification (the store no longer held its key) and rolled the store back to the
    // revoked key: the replacement's only copy was gone
    LeakResponse leakResponse = playbook().build(); // writes the leaked key into the store
    server.storeValue = () -> store.read("UNKEY_ROOT_KEY");
    List<Throwable> refusals = new java.util.ArrayList<>();
    RootKeyRotation rotation =
        RootKeyRotation.builder()
            .oldKeyId(leaked.id)
            .issuer(server)
            .store(store, "UNKEY_ROOT_KEY")
            .deploy((plan, key) -> refusals.add(catchThrowable(leakResponse::execute)))
            .verifier(RotationVerifier.authenticatingWith(server::clientFor))
            .journal(RotationJournal.open(journal))
            .clock(clock)
            .sleeper(clock)
            .build();

    RotationReport report = rotation.execute();

    assertThat(refusals).singleElement().isInstanceOf(ConcurrentRotationException.class);
    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    FakeRootKeys.Key stored = server.keys.get(report.newKeyId().orElseThrow());
    assertThat(stored.deleted).isFalse();
    assertThat(store.read("UNKEY_ROOT_KEY")).contains(stored.secret);
    assertThat(server.live()).containsExactly(stored);
  }

  @Test
  void dashboardIssuerIsRefused() {
    assertThatThrownBy(() -> playbook().issuer(RootKeyIssuer.dashboard()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dashboard");
  }
}
