package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.testing.InMemoryUnkey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two deliveries of one token at once: the key is handled exactly once. */
class RedeliveryRaceAttackTest {
  final SignedReports reports = new SignedReports();
  final InMemoryUnkey workspace = InMemoryUnkey.builder().build();
  final List<LeakNotice> notices = new CopyOnWriteArrayList<>();
  final SignedReports.Counting counting = new SignedReports.Counting(workspace);

  CreatedKey liveKey() {
    String apiId = workspace.apis().create(CreateApiRequest.of("payments")).apiId();
    return workspace.keys().create(CreateKeyRequest.builder(apiId).prefix("sk_live").build());
  }

  /** Pauses the first successful claim until the test lets it go. */
  static final class PausingStore implements LeakDedupeStore {
    final LeakDedupeStore delegate = LeakDedupeStore.inMemory();
    final CountDownLatch claimed = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Optional<LeakRecord> find(String tokenHash) {
      return delegate.find(tokenHash);
    }

    @Override
    public LeakRecord claim(LeakRecord record) {
      LeakRecord stored = delegate.claim(record);
      if (stored == record && claimed.getCount() > 0) {
        claimed.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return stored;
    }

    @Override
    public void markDone(String tokenHash) {
      delegate.markDone(tokenHash);
    }
  }

  /**
   * Finding (medium): a redelivery that arrives after the first delivery recorded the token but
   * before it handed the key to the playbook resubmitted the record (not done, not in flight) and
   * ran the playbook; the first delivery then ran it a second time. With REROLL the leaked key was
   * rerolled twice and the owner told twice.
   */
  @Test
  void aRedeliveryBetweenClaimAndSubmitDoesNotActTwice() throws Exception {
    CreatedKey key = liveKey();
    PausingStore store = new PausingStore();
    try (SecretScanningReceiver receiver =
        SecretScanningReceiver.builder(counting.unkey, reports.verifier())
            .apiKeyPrefixes("sk_live")
            .apiKeyAction(ApiKeyAction.REROLL)
            .dedupeStore(store)
            .notifier(notices::add)
            .playbookExecutor(Runnable::run)
            .build()) {
      byte[] body = SignedReports.body(List.of(key.key().reveal()));
      CompletableFuture<ReceiverResponse> first =
          CompletableFuture.supplyAsync(() -> reports.send(receiver, body));
      assertThat(store.claimed.await(10, TimeUnit.SECONDS)).isTrue();

      ReceiverResponse second = reports.send(receiver, body);
      store.release.countDown();
      ReceiverResponse firstAnswer = first.get(20, TimeUnit.SECONDS);

      assertThat(second.body()).contains("true_positive");
      assertThat(firstAnswer.body()).contains("true_positive");
      assertThat(counting.count("reroll")).as("rerolls of the leaked key").isEqualTo(1);
      assertThat(notices).hasSize(1);
    }
  }

  @Test
  void manyConcurrentDeliveriesOfOneTokenRevokeItOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      CreatedKey key = liveKey();
      int before = counting.count("delete");
      try (SecretScanningReceiver receiver =
          SecretScanningReceiver.builder(counting.unkey, reports.verifier())
              .apiKeyPrefixes("sk_live")
              .notifier(notices::add)
              .build()) {
        byte[] body = SignedReports.body(List.of(key.key().reveal()));
        CyclicBarrier start = new CyclicBarrier(8);
        List<CompletableFuture<ReceiverResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    return reports.send(receiver, body);
                  },
                  r -> new Thread(r).start()));
        }
        for (CompletableFuture<ReceiverResponse> a : answers) {
          assertThat(a.get(20, TimeUnit.SECONDS).body()).contains("true_positive");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counting.count("delete") == before && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(50); // a second, wrong revocation would be on its way by now
        assertThat(counting.count("delete") - before).isEqualTo(1);
      }
    }
    assertThat(notices).hasSize(20);
  }
}
