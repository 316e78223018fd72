package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Credits;
import dev.keyward.model.RateLimit;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jetty + ApiKeyFilter + UnkeyHttpClient → FakeUnkeyServer: real requests all the way. */
class ApiKeyFilterEndToEndTest {
  final TestClock clock = TestClock.create();
  final FakeUnkeyServer fake = FakeUnkeyServer.start(InMemoryUnkey.builder().clock(clock).build());
  final String apiId = fake.unkey().apis().create(CreateApiRequest.of("e2e")).apiId();
  final UnkeyHttpClient client =
      UnkeyHttpClient.builder()
          .baseUrl(fake.url())
          .rootKey(fake.bootstrapKey())
          .retryPolicy(RetryPolicy.none())
          .build();
  JettyServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    fake.close();
  }

  Secret key(CreateKeyRequest.Builder b) {
    return fake.unkey().keys().create(b.build()).key();
  }

  HttpResponse<String> get(String path, Secret key) throws Exception {
    return server.get(path, "Authorization", "Bearer " + key.reveal());
  }

  @Test
  void codesFromTheFakeMapToStatuses() throws Exception {
    server =
        new JettyServer(
            ApiKeyFilter.builder(client)
                .route("/docs/*", Requirement.permissions("documents.read"))
                .build());

    Secret ok = key(CreateKeyRequest.builder(apiId).permissions(List.of("documents.read")));
    Secret noPermission = key(CreateKeyRequest.builder(apiId));
    Secret disabled = key(CreateKeyRequest.builder(apiId).enabled(false));
    Secret expiring = key(CreateKeyRequest.builder(apiId).expires(clock.instant().plusSeconds(60)));
    Secret spent = key(CreateKeyRequest.builder(apiId).credits(Credits.of(1)));
    Secret limited =
        key(
            CreateKeyRequest.builder(apiId)
                .ratelimits(List.of(RateLimit.of("requests", 1, Duration.ofSeconds(30), true))));

    assertThat(get("/docs/1", ok).statusCode()).isEqualTo(200);
    assertThat(get("/docs/1", noPermission).statusCode()).isEqualTo(403);
    assertThat(get("/other", disabled).statusCode()).isEqualTo(401);
    assertThat(get("/other", Secret.of("sk_neverIssued123")).statusCode()).isEqualTo(401);
    assertThat(get("/other", spent).statusCode()).isEqualTo(200);
    assertThat(get("/other", spent).statusCode()).isEqualTo(429);
    assertThat(get("/other", limited).statusCode()).isEqualTo(200);
    HttpResponse<String> tooMany = get("/other", limited);
    assertThat(tooMany.statusCode()).isEqualTo(429);
    assertThat(tooMany.headers().firstValue("Retry-After"))
        .get()
        .satisfies(v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L));
    clock.advance(Duration.ofSeconds(61));
    HttpResponse<String> expired = get("/other", expiring);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("\"code\":\"EXPIRED\"");
  }

  @Test
  void stoppedServerFailsClosed() throws Exception {
    server = new JettyServer(ApiKeyFilter.builder(client).build());
    Secret ok = key(CreateKeyRequest.builder(apiId));
    assertThat(get("/x", ok).statusCode()).isEqualTo(200);

    fake.close();

    HttpResponse<String> r = get("/x", ok);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("verification-unavailable").doesNotContain(ok.reveal());
  }

  @Test
  void cacheHitsUntilTheTtlUnderTestClock() throws Exception {
    VerificationCache cache =
        VerificationCache.builder().clock(clock).ttl(Duration.ofSeconds(10)).build();
    server = new JettyServer(ApiKeyFilter.builder(client).cache(cache).build());
    Secret ok = key(CreateKeyRequest.builder(apiId));
    String keyId = fake.unkey().keys().verify(ok).keyId();

    assertThat(get("/x", ok).statusCode()).isEqualTo(200);
    fake.unkey().keys().delete(keyId);

    // Documented staleness: the deleted key still passes from the cache until the TTL ends.
    clock.advance(Duration.ofSeconds(9));
    assertThat(get("/x", ok).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("/x", ok).statusCode()).isEqualTo(401);
  }

  @Test
  void noKeyReachesTheLogsAtTrace() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      server = new JettyServer(ApiKeyFilter.builder(client).build());
      Secret canary = key(CreateKeyRequest.builder(apiId).prefix("canary"));
      get("/x", canary);
      server.get("/x?key=" + canary.reveal());
      server.get("/x", "Authorization", "Bearer " + canary.reveal() + " trailing");
      fake.close();
      get("/x", canary);

      // Positive control: the capture does see keyward's lines at TRACE/DEBUG/ERROR.
      assertThat(logs.lines).anySatisfy(l -> assertThat(l).startsWith("dev.keyward"));
      System.getLogger("dev.keyward.servlet.Probe")
          .log(System.Logger.Level.TRACE, "probe " + "sk_probe");
      assertThat(logs.all()).contains("sk_probe");
      assertThat(logs.all()).doesNotContain(canary.reveal());
    }
  }
}
