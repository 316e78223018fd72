package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int PER_THREAD = 200;
  private static final long CREDITS = 1000;

  /** Rounds to try before giving up on seeing two verifications in flight (a loaded CI machine). */
  private static final int MAX_ROUNDS = 20;

  @Test
  void exactlyRemainingVerificationsSucceedAndThreadsOverlapped() throws Exception {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String apiId = unkey.apis().create(CreateApiRequest.of("concurrency")).apiId();
    int maxInFlight = 0;
    // Every round must spend exactly the credits; rounds repeat only until one shows real overlap,
    // so a busy machine that happens to serialise the threads cannot make the check vacuous.
    for (int round = 0; round < MAX_ROUNDS && maxInFlight < 2; round++) {
      CreatedKey key =
          unkey.keys().create(CreateKeyRequest.builder(apiId).credits(Credits.of(CREDITS)).build());
      AtomicInteger valid = new AtomicInteger();
      maxInFlight = Math.max(maxInFlight, verifyFromManyThreads(unkey, key, valid));
      assertThat(THREADS * PER_THREAD).isGreaterThan((int) CREDITS);
      assertThat(valid.get()).as("valid verifications in round %d", round).isEqualTo(CREDITS);
    }
    // positive control: the threads really ran verifications at the same time
    assertThat(maxInFlight).isGreaterThan(1);
  }

  /**
   * Spends {@code key}'s credits from {@link #THREADS} threads; returns the most calls in flight.
   */
  private static int verifyFromManyThreads(InMemoryUnkey unkey, CreatedKey key, AtomicInteger valid)
      throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < PER_THREAD; i++) {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Verification v = unkey.keys().verify(key.key());
                    inFlight.decrementAndGet();
                    if (v.valid()) {
                      valid.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return maxInFlight.get();
  }

  @Test
  void overlapDetectorTripsOnOverlappingThreads() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    CountDownLatch both = new CountDownLatch(2);
    Runnable r =
        () -> {
          max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          both.countDown();
          try {
            both.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
        };
    Thread a = new Thread(r);
    Thread b = new Thread(r);
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(max.get()).isEqualTo(2);
  }
}
