package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Problem;
import dev.keyward.ServerException;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import dev.keyward.permission.Operation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker's transitions and its single half-open probe, through a real Jetty. */
class CircuitBreakerTest {
  static final String KEY = "sk_2WcR8nTq5ZxLm4KpV9sYbD7e";

  final ScriptedUnkey unkey = new ScriptedUnkey();
  final MutableClock clock = new MutableClock();
  final CountingListener listener = new CountingListener();
  ApiKeyFilter filter;
  JettyServer server;

  void start(DegradedPolicy policy) throws Exception {
    filter =
        ApiKeyFilter.builder(unkey.unkey)
            .clock(clock)
            .listener(listener)
            .degradedPolicy(policy)
            .circuitBreaker(3, Duration.ofSeconds(10))
            .build();
    server = new JettyServer(filter);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> get() throws Exception {
    return server.get("/x", "Authorization", "Bearer " + KEY);
  }

  void outage() {
    unkey.fail(
        new ServerException(Operation.KEYS_VERIFY_KEY, Problem.ofStatus(500, "req_1"), "down"));
  }

  void valid() {
    unkey.answer(Verification.builder(Code.VALID).keyId("key_1").build());
  }

  @Test
  void opensAfterConsecutiveFailuresProbesOncePerIntervalAndClosesOnSuccess() throws Exception {
    start(DegradedPolicy.FAIL_CLOSED);
    outage();
    get();
    get();
    valid();
    get(); // a success resets the count: failures must be consecutive
    outage();
    get();
    get();
    assertThat(filter.circuitState()).isEqualTo(CircuitState.CLOSED);
    get();
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(unkey.requests).hasSize(6);

    // Open: the policy at once, no call.
    HttpResponse<String> refused = get();
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
    clock.advance(Duration.ofSeconds(9));
    assertThat(get().statusCode()).isEqualTo(503);
    assertThat(unkey.requests).hasSize(6);

    // Half-open: one probe; it fails, so the breaker opens again for another interval.
    clock.advance(Duration.ofSeconds(1));
    assertThat(get().statusCode()).isEqualTo(503);
    assertThat(unkey.requests).hasSize(7);
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(get().statusCode()).isEqualTo(503);
    assertThat(unkey.requests).hasSize(7);

    // The next probe succeeds: closed, and every request reaches Unkey again.
    clock.advance(Duration.ofSeconds(10));
    valid();
    assertThat(get().statusCode()).isEqualTo(200);
    assertThat(filter.circuitState()).isEqualTo(CircuitState.CLOSED);
    assertThat(get().statusCode()).isEqualTo(200);
    assertThat(unkey.requests).hasSize(9);
    assertThat(listener.transitions)
        .containsExactly(
            CircuitState.OPEN,
            CircuitState.HALF_OPEN,
            CircuitState.OPEN,
            CircuitState.HALF_OPEN,
            CircuitState.CLOSED);
    assertThat(listener.degraded).hasSize(9).allMatch(d -> d.equals("FAIL_CLOSED refused"));
  }

  @Test
  void underContentionExactlyOneProbeRunsAndEveryOtherRequestIsRefusedUnderFailClosed()
      throws Exception {
    start(DegradedPolicy.FAIL_CLOSED);
    outage();
    for (int i = 0; i < 3; i++) {
      get();
    }
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
    clock.advance(Duration.ofSeconds(10));

    int threads = 16;
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch probeEntered = new CountDownLatch(1);
    CountDownLatch othersDone = new CountDownLatch(threads - 1);
    int callsBefore = unkey.requests.size();
    unkey.script =
        r -> {
          probeEntered.countDown();
          try {
            // The probe holds until every other request has been answered: they overlapped it.
            assertThat(othersDone.await(30, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Verification.builder(Code.VALID).keyId("key_1").build();
        };
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  int status = get().statusCode();
                  if (status != 200) {
                    othersDone.countDown();
                  }
                  return status;
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) {
        statuses.add(f.get(60, TimeUnit.SECONDS));
      }

      assertThat(probeEntered.getCount()).isZero();
      assertThat(unkey.requests.size() - callsBefore).isEqualTo(1);
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 503).hasSize(threads - 1);
      assertThat(filter.circuitState()).isEqualTo(CircuitState.CLOSED);
    } finally {
      pool.shutdownNow();
    }
  }
}
