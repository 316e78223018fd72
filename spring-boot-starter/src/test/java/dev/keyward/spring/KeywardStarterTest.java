package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter in a real Spring Boot app on a random port, verifying against FakeUnkeyServer. */
@SpringBootTest(
    classes = {ProtectedApp.class, KeywardStarterTest.RootKey.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "keyward.filter.exclude=/actuator/*",
      "keyward.filter.routes[0].pattern=/documents/*",
      "keyward.filter.routes[0].permissions=documents.read",
      "keyward.filter.routes[0].tags=route=documents",
      "keyward.retry.enabled=false",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always",
    })
class KeywardStarterTest {
  static FakeUnkeyServer fake;
  static String apiId;

  @AfterAll
  static void stopFake() {
    if (fake != null) {
      fake.close();
    }
  }

  @DynamicPropertySource
  static void unkey(DynamicPropertyRegistry registry) {
    if (fake == null) {
      fake = FakeUnkeyServer.start();
      apiId = fake.unkey().apis().create(CreateApiRequest.of("documents")).apiId();
    }
    registry.add("keyward.base-url", fake::url);
  }

  @TestConfiguration
  static class RootKey {
    @Bean
    RootKeyProvider testRootKey() {
      return RootKeyProvider.of(fake.bootstrapKey());
    }
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void clearFaults() {
    fake.clearFaults();
  }

  Secret key(String... permissions) {
    return fake.unkey()
        .keys()
        .create(
            CreateKeyRequest.builder(apiId)
                .prefix("sk")
                .externalId("user_7")
                .permissions(List.of(permissions))
                .build())
        .key();
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, Secret key) throws Exception {
    return get(path, "Authorization", "Bearer " + key.reveal());
  }

  @Test
  void missingKeyIs401Problem() throws Exception {
    HttpResponse<String> r = get("/documents/list");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
  }

  @Test
  void validKeyReachesTheControllerAsPrincipal() throws Exception {
    Secret key = key("documents.read");

    HttpResponse<String> r = get("/documents/list", key);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("key=key_").endsWith(" externalId=user_7");
  }

  @Test
  void unknownKeyIs401AndQueryStringKeyIgnored() throws Exception {
    Secret key = key("documents.read");
    assertThat(get("/documents/list", Secret.of("sk_doesNotExist1234")).statusCode())
        .isEqualTo(401);
    assertThat(get("/documents/list?key=" + key.reveal()).statusCode()).isEqualTo(401);
  }

  @Test
  void routePermissionQueryIsCheckedByUnkey() throws Exception {
    HttpResponse<String> r = get("/documents/list", key("reports.read"));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("\"code\":\"INSUFFICIENT_PERMISSIONS\"");
  }

  @Test
  void preAuthorizeTestsUnkeyPermissions() throws Exception {
    assertThat(get("/documents/write", key("documents.read")).statusCode()).isEqualTo(403);
    HttpResponse<String> allowed =
        get("/documents/write", key("documents.read", "documents.write"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo("written");

    assertThat(get("/reports", key("reports.read")).statusCode()).isEqualTo(200);
    HttpResponse<String> denied = get("/reports", key("documents.read"));
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("urn:keyward:problem:insufficient-permissions");
  }

  @Test
  void unkeyFailingIs503() throws Exception {
    Secret key = key("documents.read");
    fake.inject(Fault.serverError(500));

    HttpResponse<String> r = get("/documents/list", key);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("verification-unavailable").doesNotContain(key.reveal());
  }

  @Test
  void healthShowsLivenessAndAcceptedRootKey() throws Exception {
    HttpResponse<String> r = get("/actuator/health");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "\"unkey\":{\"details\":{\"liveness\":\"OK\",\"rootKey\":\"accepted\",\"probe\":\"NOT_FOUND\",\"circuitBreaker\":\"CLOSED\"},\"status\":\"UP\"}");
  }

  @Test
  void metricsComeFromObservations() throws Exception {
    get("/documents/list", key("documents.read"));

    // The filter's outcome and the client's call, each an observation turned into a timer.
    assertThat(
            meters
                .get("keyward.filter.verifications")
                .tag("code", "VALID")
                .tag("cached", "false")
                .timer()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            meters
                .get("unkey.client.call")
                .tag("unkey.operation", "keys.verifyKey")
                .tag("outcome", "SUCCESS")
                .tag("http.response.status_code", "200")
                .timer()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            meters
                .get("unkey.client.attempt")
                .tag("url.template", "/v2/keys.verifyKey")
                .timer()
                .count())
        .isGreaterThanOrEqualTo(1);
    // No hand-made client meters any more.
    assertThat(meters.find("keyward.client.calls").meters()).isEmpty();
  }

  @Test
  void noKeyReachesTheLogsAtTrace() throws Exception {
    // Attached here: Spring Boot resets Logback while the context starts. JUL (System.Logger) is
    // bridged to SLF4J by Spring Boot, so this sees the filter's lines too.
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger keyward = context.getLogger("dev.keyward");
    Level before = keyward.getLevel();
    keyward.setLevel(Level.TRACE);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
    try {
      sendCanary(logs);
    } finally {
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
      keyward.setLevel(before);
    }
  }

  void sendCanary(ListAppender<ILoggingEvent> logs) throws Exception {
    Secret canary = key("documents.read");
    get("/documents/list", canary);
    get("/documents/write", canary);
    fake.inject(Fault.serverError(503));
    get("/documents/list", canary);

    List<String> lines =
        logs.list.stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).toList();
    // Positive control: keyward logged at TRACE/DEBUG/ERROR during these requests, so lines were
    // seen.
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("dev.keyward"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains(canary.reveal()));
  }
}
