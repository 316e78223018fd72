package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.KeyFormat;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.CircuitState;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter's degraded mode end to end: Unkey at a server that accepts connections and never
 * answers. The filter's own short budget answers the first requests; the breaker then opens,
 * requests take their route's policy at once, and health and metrics show it.
 */
@SpringBootTest(
    classes = {ProtectedApp.class, KeywardDegradedTest.RootKey.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "keyward.filter.exclude=/actuator/*",
      "keyward.filter.routes[0].pattern=/documents/*",
      "keyward.filter.routes[1].pattern=/status",
      "keyward.filter.routes[1].degraded-policy=FAIL_OPEN",
      "keyward.filter.routes[2].pattern=/documents/write",
      "keyward.filter.routes[2].degraded-policy=FAIL_OPEN",
      "keyward.filter.verify.timeout=400ms",
      "keyward.filter.degraded.breaker-failures=2",
      "keyward.filter.degraded.breaker-open-interval=1h",
      "keyward.call-timeout=500ms",
      "keyward.retry.enabled=false",
      "management.endpoints.web.exposure.include=health",
      "management.endpoint.health.show-details=always",
    })
class KeywardDegradedTest {
  static ServerSocket silent;
  static final List<Socket> held = new CopyOnWriteArrayList<>();

  @DynamicPropertySource
  static void unkey(DynamicPropertyRegistry registry) throws IOException {
    if (silent == null) {
      silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepted, read never, answered never
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
    }
    registry.add("keyward.base-url", () -> "http://127.0.0.1:" + silent.getLocalPort());
  }

  @AfterAll
  static void stop() throws IOException {
    silent.close();
    for (Socket s : held) {
      s.close();
    }
  }

  @TestConfiguration
  static class RootKey {
    @Bean
    RootKeyProvider testRootKey() {
      return RootKeyProvider.of(KeyFormat.generate("unkey", 16, new SecureRandom()));
    }
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;
  @Autowired ApiKeyFilter filter;
  final HttpClient http = HttpClient.newHttpClient();
  final String key = KeyFormat.generate("sk", 16, new SecureRandom()).reveal();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theFiltersOwnBudgetThenTheOpenBreakerThenEachRoutesPolicy() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> first = get("/documents/list");
    long firstMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).isPresent();
    // The management budget (keyward.call-timeout 500 ms per attempt) is not what bounds this:
    // keyward.filter.verify.timeout is 400 ms over two attempts; a generous bound, not a benchmark.
    assertThat(firstMillis).isLessThan(3_000);
    assertThat(first.body()).doesNotContain(key);

    assertThat(get("/documents/list").statusCode()).isEqualTo(503);
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
    int connectionsWhenOpened = held.size();

    for (int i = 0; i < 5; i++) {
      assertThat(get("/documents/list").statusCode()).isEqualTo(503);
    }
    // Failing open lets the request in unverified, never with permissions: method security
    // still refuses what needs one.
    HttpResponse<String> write = get("/documents/write");
    assertThat(write.statusCode()).isIn(401, 403);
    assertThat(write.body()).doesNotContain("written");
    HttpResponse<String> open = get("/status");
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).isEqualTo("status (unverified)");
    assertThat(held).as("an open breaker sends nothing to Unkey").hasSize(connectionsWhenOpened);

    assertThat(meters.get("keyward.filter.circuit.state").gauge().value())
        .isEqualTo(CircuitState.OPEN.ordinal());
    assertThat(meters.get("keyward.filter.circuit").tag("state", "OPEN").timer().count())
        .isEqualTo(1L);
    assertThat(
            meters
                .get("keyward.filter.degraded")
                .tag("policy", "FAIL_CLOSED")
                .tag("passed", "false")
                .timer()
                .count())
        .isEqualTo(7L);
    assertThat(
            meters
                .get("keyward.filter.degraded")
                .tag("policy", "FAIL_OPEN")
                .tag("passed", "true")
                .timer()
                .count())
        .isEqualTo(2L);

    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/unkey"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"circuitBreaker\":\"OPEN\"").doesNotContain(key);
  }
}
