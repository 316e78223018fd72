package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Unkey;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Verification;
import dev.keyward.permission.Operation;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.Fault;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 keys rerolled over HTTP against {@link FakeUnkeyServer} with a workspace rate limit and 5%
 * of rerolls answered 500 after being applied: every key is rerolled exactly once. Long (about 40
 * s): runs with {@code -Plong}; core's {@code BulkRerollTest} covers the same engine by default.
 */
@Tag("long")
class BulkRerollAgainstFakeServerTest {
  @TempDir Path dir;

  @Test
  void everyKeyRerolledExactlyOnceDespiteRateLimitsAndLostAnswers() {
    InMemoryUnkey workspace = InMemoryUnkey.builder().build();
    String apiId = workspace.apis().create(CreateApiRequest.of("customers")).apiId();
    for (int i = 0; i < 2000; i++) {
      workspace
          .keys()
          .create(CreateKeyRequest.builder(apiId).prefix("sk").name("c" + (i % 50)).build());
    }
    try (FakeUnkeyServer server = FakeUnkeyServer.start(workspace)) {
      server.workspaceRateLimit(50, Duration.ofMillis(100));
      server.inject(Fault.serverError(500).after().on(Operation.KEYS_REROLL_KEY).fraction(0.05));
      AtomicInteger lostRerolls = new AtomicInteger();
      AtomicInteger rateLimited = new AtomicInteger();
      server.addListener(
          x -> {
            if (x.status() == 429) {
              rateLimited.incrementAndGet();
            } else if (x.status() == 500 && x.path().endsWith("keys.rerollKey")) {
              lostRerolls.incrementAndGet();
            }
          });
      Unkey client =
          UnkeyHttpClient.builder()
              .baseUrl(server.url())
              .rootKey(server.bootstrapKey())
              .retryPolicy(RetryPolicy.none())
              .noHttpLogging()
              .build();
      Map<String, Secret> delivered = new ConcurrentHashMap<>();
      AtomicInteger deliveries = new AtomicInteger();

      BulkRerollReport report =
          ApiKeyRotation.bulk(client, apiId)
              .grace(Duration.ofHours(1))
              .concurrency(8)
              .journal(RotationJournal.open(dir))
              .onNewKey(
                  (old, created) -> {
                    deliveries.incrementAndGet();
                    delivered.put(old, created.key());
                  })
              .build()
              .run();

      assertThat(report.failed()).isEmpty();
      assertThat(lostRerolls.get()).as("rerolls applied but answered 500").isGreaterThan(50);
      assertThat(rateLimited.get()).as("429 answers").isPositive();
      assertThat(report.rerolled()).isEqualTo(2000);
      assertThat(delivered).hasSize(2000);
      server.clearFaults().clearWorkspaceRateLimit();

      List<KeyInfo> all = workspace.apis().listKeysAll(ListKeysRequest.of(apiId)).stream().toList();
      Set<String> successors = new HashSet<>();
      for (Map.Entry<String, Secret> e : delivered.entrySet()) {
        Verification v = workspace.keys().verify(e.getValue());
        assertThat(v.valid()).as("successor of %s", e.getKey()).isTrue();
        assertThat(successors.add(v.keyId())).isTrue();
      }
      Set<String> unexpected = new HashSet<>();
      for (KeyInfo k : all) {
        if (!delivered.containsKey(k.keyId()) && !successors.contains(k.keyId())) {
          unexpected.add(k.keyId());
        }
      }
      assertThat(unexpected)
          .as("live keys that are neither an old key nor a delivered successor")
          .isEmpty();
      assertThat(all).hasSize(4000);
      // lost answers happened and were recovered: more deliveries than keys is allowed only with
      // deletions
      assertThat(deliveries.get()).isEqualTo(2000);
    }
  }
}
