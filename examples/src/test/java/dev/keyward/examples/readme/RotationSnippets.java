package dev.keyward.examples.readme;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.rotation.ApiKeyRotation;
import dev.keyward.rotation.BulkRerollReport;
import dev.keyward.rotation.LeakReport;
import dev.keyward.rotation.LeakResponse;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RootKeyRotation;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.rotation.RotationReport;
import dev.keyward.rotation.RotationVerifier;
import dev.keyward.rotation.SecretStore;
import dev.keyward.waiters.WaitResult;
import dev.keyward.waiters.Waiters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The README's rotation blocks: root-key rotation, API-key reroll and the leak playbook. */
final class RotationSnippets {
  /** Sends a customer their new key, e.g. by mail. */
  interface Mailer {
    void send(String customer, Secret key);
  }

  private final Secret adminKey;
  private final Mailer mailer;
  private final Instant leakDetectedAt;
  private final RecordingLog log = new RecordingLog();

  RotationSnippets(Secret adminKey, Mailer mailer, Instant leakDetectedAt) {
    this.adminKey = adminKey;
    this.mailer = mailer;
    this.leakDetectedAt = leakDetectedAt;
  }

  private void restartBilling() {}

  private boolean billingHealthUsing(Secret key) {
    return key.reveal().startsWith("unkey_");
  }

  private String customerOf(String keyId) {
    return "owner of " + keyId;
  }

  Unkey rotateRootKey() {
    // readme:begin root-key-rotation
    Unkey admin = UnkeyHttpClient.builder().rootKey(adminKey).build(); // may call rootKeys.*

    RootKeyRotation rotation =
        RootKeyRotation.builder()
            .oldKeyId("key_3ZbF1Sq7mTu8b6Yy2xXLKf") // or .oldKey(secret)
            .issuer(RootKeyIssuer.of(admin)) // RootKeyIssuer.dashboard() on unkey.com
            .store(SecretStore.envFile(Path.of("/etc/billing/.env")), "UNKEY_ROOT_KEY")
            .deploy((planId, newKeyId) -> restartBilling()) // may run again after a crash
            .verifier(
                RotationVerifier.authenticatingWith(admin)
                    .withCheck(key -> billingHealthUsing(key), Duration.ofMinutes(2)))
            .journal(RotationJournal.open(Path.of("/var/lib/billing/rotation")))
            .overlap(Duration.ofMinutes(15)) // the old key stays live 15 min after verification
            .waitForOverlap(false) // return WAITING_UNTIL instead of sleeping
            .build();

    rotation.plan().forEach(System.out::println); // dry run: prints the steps, does nothing
    // DONE, WAITING_UNTIL(T), WAITING_FOR_OPERATOR (dashboard issuer) or ROLLED_BACK
    RotationReport report = rotation.execute();
    if (report.status() == RotationReport.Status.WAITING_UNTIL) {
      // later (cron, next deploy): finishes the revocation once T has passed
      rotation.resume();
    }
    // readme:end root-key-rotation
    return admin;
  }

  BulkRerollReport reroll(Unkey admin) {
    // readme:begin api-key-reroll
    ApiKeyRotation.reroll(admin, "key_2cGKbMxRyIzhCxo1Idjz8q", Duration.ofDays(7));

    BulkRerollReport bulk =
        ApiKeyRotation.bulk(admin, "api_1234")
            .createdBefore(Instant.parse("2026-01-01T00:00:00Z"))
            .grace(Duration.ofDays(7))
            .concurrency(8)
            .journal(RotationJournal.open(Path.of("/var/lib/billing/reroll")))
            .onNewKey((oldKeyId, created) -> mailer.send(customerOf(oldKeyId), created.key()))
            .progress(p -> log.info("reroll {}", p)) // done/total, rate, ETA
            .build()
            .run();
    // readme:end api-key-reroll
    return bulk;
  }

  List<Object> respondToLeak(Unkey admin) {
    // readme:begin leak-response
    LeakReport report =
        LeakResponse.builder()
            .leakedKeyId("key_3ZbF1Sq7mTu8b6Yy2xXLKf")
            .issuer(RootKeyIssuer.of(admin))
            .store(SecretStore.envFile(Path.of("/etc/billing/.env")), "UNKEY_ROOT_KEY")
            .deploy((planId, newKeyId) -> restartBilling())
            .verifier(RotationVerifier.authenticatingWith(admin))
            .reviewApiKeys(admin, List.of("api_1234"), leakDetectedAt.minus(Duration.ofDays(2)))
            .reroll(
                Duration.ZERO,
                (oldKeyId, created) -> mailer.send(customerOf(oldKeyId), created.key()))
            // or .deleteReviewedKeys(), or neither to only list them
            .build()
            .execute();

    // REVOKED, CREATED, STORED, DEPLOYED, VERIFIED, REVOCATION_SEEN, FOUND, REROLLED ...
    System.out.println(report);
    report.downtime(); // revocation → replacement verified
    report.suspiciousKeyIds(); // API keys created or updated since the given instant
    // readme:end leak-response
    return List.of(report);
  }

  WaitResult awaitRevocation(Unkey admin, Secret customerKey) throws InterruptedException {
    // readme:begin waiters
    Waiters waiters = Waiters.of(admin).timeout(Duration.ofMinutes(3)); // default 2 min
    // until NOT_FOUND, DISABLED or EXPIRED, verifying at credit cost 0
    WaitResult seen = waiters.awaitRevoked(customerKey);
    waiters.awaitRootKeyRevoked(adminKey); // after deleting a root key: until it gets 401s
    waiters.awaitVerifies(customerKey); // a new or re-enabled key: VALID, never spending credits
    // readme:end waiters
    return seen;
  }
}
