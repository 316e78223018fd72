package dev.keyward.benchmarks.servlet;

import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.CircuitState;
import dev.keyward.servlet.DegradedPolicy;
import dev.keyward.servlet.Requirement;
import dev.keyward.servlet.VerificationCache;
import dev.keyward.servlet.VerifiedKey;
import dev.keyward.testing.InMemoryUnkey;
import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ApiKeyFilter's added latency per request with Unkey unreachable once the circuit breaker is open,
 * side by side with a verification-cache hit on the same filter. Target: {@code breakerOpen*} ≤ 2 ×
 * {@code cacheHit*} for each kind of unreachable: a closed loopback port, and a server that accepts
 * connections and never answers.
 *
 * <p>Each filter verifies through the real {@link UnkeyHttpClient} with the request path's budget
 * (2 s call timeout, 2 attempts) and has a {@link VerificationCache}. Setup sends failing requests
 * until the breaker is OPEN; its open interval is 1 h, so no probe reaches the network while
 * measuring (teardown checks that the never-answering server accepted no further connection and the
 * breaker is still open). The cache hit presents a key the cache holds; the open path presents
 * another well-formed key the cache does not hold, so it pays the cache miss, the breaker's refusal
 * and the route's policy ({@code policy}, default FAIL_CLOSED: a 503 problem+json written to a
 * recording response).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UnreachableUnkeyBenchmark {
  static final String PERMISSION = "documents.read";
  static final Secret ROOT = Secret.of("unkey_4YY9nP6eZl2UHR8wXa3qMiYy");

  /** A filter whose Unkey cannot be reached, its breaker open, and the requests to send it. */
  @State(Scope.Benchmark)
  public abstract static class Unreachable {
    /** What the route does when Unkey cannot answer. */
    @Param({"FAIL_CLOSED"})
    public DegradedPolicy policy;

    ApiKeyFilter filter;
    VerificationCache cache;
    Requirement requirement;
    Secret cachedKey;
    Verification valid;
    FakeRequest cachedRequest;
    FakeRequest unknownRequest;
    FakeResponse untouched;
    RecordingResponse response;
    FilterChain chain;

    void open(String baseUrl, Blackhole sink) throws Exception {
      InMemoryUnkey unkey = InMemoryUnkey.builder().build();
      String apiId = unkey.apis().create(CreateApiRequest.of("bench")).apiId();
      CreateKeyRequest create =
          CreateKeyRequest.builder(apiId).prefix("sk").permissions(List.of(PERMISSION)).build();
      cachedKey = unkey.keys().create(create).key();
      String unknownKey = unkey.keys().create(create).key().reveal();
      valid = unkey.keys().verify(cachedKey);
      if (!valid.valid()) {
        throw new IllegalStateException("setup key not valid: " + valid.code());
      }
      UnkeyHttpClient client =
          UnkeyHttpClient.builder()
              .baseUrl(baseUrl)
              .rootKey(ROOT)
              .callTimeout(Duration.ofSeconds(2))
              .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
              .noHttpLogging()
              .build();
      requirement = Requirement.permissions(PERMISSION);
      cache = VerificationCache.builder().ttl(VerificationCache.MAX_TTL).build();
      for (int i = 0; i < 1000; i++) {
        cache.offer(Secret.of("sk_other" + i), requirement, valid);
      }
      filter =
          ApiKeyFilter.builder(client)
              .route("/documents/*", requirement, policy)
              .cache(cache)
              .circuitBreaker(2, Duration.ofHours(1))
              .build();
      cachedRequest = new FakeRequest("Bearer " + cachedKey.reveal(), "/documents");
      unknownRequest = new FakeRequest("Bearer " + unknownKey, "/documents");
      untouched = new FakeResponse();
      response = new RecordingResponse();
      chain = (req, res) -> sink.consume(req.getAttribute(VerifiedKey.ATTRIBUTE));

      for (int i = 0; i < 10 && filter.circuitState() != CircuitState.OPEN; i++) {
        checkDegradedAnswer(breakerOpen());
      }
      if (filter.circuitState() != CircuitState.OPEN) {
        throw new IllegalStateException("the breaker did not open: " + filter.circuitState());
      }
      long start = System.nanoTime();
      checkDegradedAnswer(breakerOpen());
      long openNanos = System.nanoTime() - start;
      if (openNanos > TimeUnit.MILLISECONDS.toNanos(100)) {
        throw new IllegalStateException("the open breaker took " + openNanos + " ns: it called");
      }
    }

    /** The cache expires entries after at most 60 s: fill it again before each iteration. */
    @Setup(Level.Iteration)
    public void refreshCache() throws Exception {
      cache.offer(cachedKey, requirement, valid);
      cachedRequest.setAttribute(VerifiedKey.ATTRIBUTE, null);
      cacheHit();
      if (cachedRequest.getAttribute(VerifiedKey.ATTRIBUTE) == null) {
        throw new IllegalStateException("the cached key did not pass");
      }
    }

    void checkDegradedAnswer(int status) {
      if (policy == DegradedPolicy.FAIL_OPEN) {
        if (status != 200
            || unknownRequest.getAttribute(ApiKeyFilter.FAILED_OPEN_ATTRIBUTE) != Boolean.TRUE) {
          throw new IllegalStateException("FAIL_OPEN did not pass unverified: " + status);
        }
      } else if (status != 503 || response.getHeader("Retry-After") == null) {
        throw new IllegalStateException(policy + " answered " + status + ", not 503");
      }
    }

    void cacheHit() throws Exception {
      filter.doFilter(cachedRequest, untouched, chain);
    }

    int breakerOpen() throws Exception {
      response.clear();
      filter.doFilter(unknownRequest, response, chain);
      return response.getStatus();
    }

    void checkStillOpen() {
      if (filter.circuitState() != CircuitState.OPEN) {
        throw new IllegalStateException("the breaker left OPEN while measuring");
      }
    }
  }

  /** Unkey's address is a loopback port nothing listens on: connections are refused. */
  @State(Scope.Benchmark)
  public static class ClosedPort extends Unreachable {
    /** Opens the breaker against the closed port. */
    @Setup(Level.Trial)
    public void setUp(Blackhole sink) throws Exception {
      open(SilentServer.closedPortUrl(), sink);
    }

    /** Fails the run if a probe could have happened. */
    @TearDown(Level.Trial)
    public void tearDown() {
      checkStillOpen();
    }
  }

  /** Unkey's address accepts connections and never answers: each call ends in its timeout. */
  @State(Scope.Benchmark)
  public static class NeverAnswers extends Unreachable {
    SilentServer server;
    int acceptedWhenOpen;

    /** Opens the breaker against the silent server (one 2 s timeout per failing request). */
    @Setup(Level.Trial)
    public void setUp(Blackhole sink) throws Exception {
      server = new SilentServer();
      open(server.url(), sink);
      acceptedWhenOpen = server.accepted();
      if (acceptedWhenOpen == 0) {
        throw new IllegalStateException("the silent server accepted no connection");
      }
    }

    /** Fails the run if a probe reached the server while measuring. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      checkStillOpen();
      int accepted = server.accepted();
      server.close();
      if (accepted != acceptedWhenOpen) {
        throw new IllegalStateException("the filter connected while the breaker was open");
      }
    }
  }

  /** Baseline: a key the verification cache holds, through the filter whose Unkey is refused. */
  @Benchmark
  public void cacheHitClosedPort(ClosedPort s) throws Exception {
    s.cacheHit();
  }

  /** A key the cache does not hold, the breaker open: the route's policy at once. */
  @Benchmark
  public int breakerOpenClosedPort(ClosedPort s) throws Exception {
    return s.breakerOpen();
  }

  /** Baseline: a key the verification cache holds, through the filter whose Unkey never answers. */
  @Benchmark
  public void cacheHitNeverAnswers(NeverAnswers s) throws Exception {
    s.cacheHit();
  }

  /** A key the cache does not hold, the breaker open: the route's policy at once. */
  @Benchmark
  public int breakerOpenNeverAnswers(NeverAnswers s) throws Exception {
    return s.breakerOpen();
  }
}
