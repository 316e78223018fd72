package dev.keyward.benchmarks.servlet;

import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.Requirement;
import dev.keyward.servlet.VerificationCache;
import dev.keyward.servlet.VerifiedKey;
import dev.keyward.testing.FakeUnkeyServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ApiKeyFilter's own cost. Targets: {@code filterVerify} ≤ 1.05 × {@code baselineDirectVerify}
 * (same client, same FakeUnkeyServer over loopback); {@code filterCacheHit} ≤ 3 × {@code
 * baselineHashAndMapGet} ({@code KeyFormat.hash} + {@code ConcurrentHashMap.get}). {@code
 * cacheLookup} is the cache's own path (hash of the presented key, lookup of hash and route query,
 * expiry check against the clock) against the same baseline. {@code filterCacheHitProxyRequest} is
 * the cache hit through {@code java.lang.reflect.Proxy} request/response objects, to show what
 * reflection alone adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApiKeyFilterBenchmark {
  static final String PERMISSION = "documents.read";

  FakeUnkeyServer fake;
  UnkeyHttpClient client;
  Secret key;
  String keyText;
  ApiKeyFilter filter;
  ApiKeyFilter cachedFilter;
  VerificationCache cache;
  Requirement requirement;
  HttpServletRequest request;
  HttpServletResponse response;
  HttpServletRequest proxyRequest;
  final ConcurrentHashMap<String, Verification> map = new ConcurrentHashMap<>();
  Blackhole sink;
  FilterChain chain;

  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) throws Exception {
    sink = blackhole;
    fake = FakeUnkeyServer.start();
    String apiId = fake.unkey().apis().create(CreateApiRequest.of("bench")).apiId();
    key =
        fake.unkey()
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .prefix("sk")
                    .permissions(List.of(PERMISSION))
                    .build())
            .key();
    keyText = key.reveal();
    client =
        UnkeyHttpClient.builder()
            .baseUrl(fake.url())
            .rootKey(fake.bootstrapKey())
            .retryPolicy(RetryPolicy.none())
            .noHttpLogging()
            .build();
    filter = ApiKeyFilter.builder(client).build();
    cache = VerificationCache.builder().ttl(Duration.ofSeconds(60)).build();
    requirement = Requirement.permissions(PERMISSION);
    cachedFilter =
        ApiKeyFilter.builder(client)
            .route("/documents/*", Requirement.permissions(PERMISSION))
            .cache(cache)
            .build();
    request = new FakeRequest("Bearer " + keyText, "/documents");
    response = new FakeResponse();
    proxyRequest = proxyRequest("Bearer " + keyText);
    chain = (req, res) -> sink.consume(req.getAttribute(VerifiedKey.ATTRIBUTE));
    Verification v = client.keys().verify(key);
    if (!v.valid()) {
      throw new IllegalStateException("setup key not valid: " + v.code());
    }
    map.put(KeyFormat.hash(keyText), v);
    for (int i = 0; i < 1000; i++) {
      map.put(KeyFormat.hash("sk_other" + i), v);
      cache.offer(Secret.of("sk_other" + i), requirement, v);
    }
    cachedFilter.doFilter(request, response, chain); // warm the cache through the filter itself
    if (cache.get(Secret.of(keyText), requirement) == null) {
      throw new IllegalStateException("the filter did not cache the valid result");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    fake.close();
  }

  static HttpServletRequest proxyRequest(String authorization) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ApiKeyFilterBenchmark.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, m, a) -> {
              switch (m.getName()) {
                case "getHeaders":
                  return Collections.enumeration(List.of(authorization));
                case "getServletPath":
                  return "/documents";
                case "getPathInfo":
                  return null;
                case "setAttribute":
                  attributes.put((String) a[0], a[1]);
                  return null;
                case "getAttribute":
                  return attributes.get((String) a[0]);
                default:
                  throw new UnsupportedOperationException(m.getName());
              }
            });
  }

  @Benchmark
  public Verification baselineDirectVerify() {
    return client.keys().verify(VerifyKeyRequest.of(Secret.of(keyText)));
  }

  @Benchmark
  public void filterVerify() throws Exception {
    filter.doFilter(request, response, chain);
  }

  @Benchmark
  public Verification baselineHashAndMapGet() {
    return map.get(KeyFormat.hash(keyText));
  }

  @Benchmark
  public Verification cacheLookup() {
    // A fresh Secret per call, as the filter reads one per request: its hash is not memoized yet.
    return cache.get(Secret.of(keyText), requirement);
  }

  @Benchmark
  public void filterCacheHit() throws Exception {
    cachedFilter.doFilter(request, response, chain);
  }

  @Benchmark
  public void filterCacheHitProxyRequest() throws Exception {
    cachedFilter.doFilter(proxyRequest, response, chain);
  }
}
