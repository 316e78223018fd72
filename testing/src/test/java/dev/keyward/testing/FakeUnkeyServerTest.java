package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.permission.Operation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw HTTP behaviour of the fake server: errors, faults, the workspace quota, the port. */
class FakeUnkeyServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private InMemoryUnkey unkey;
  private FakeUnkeyServer server;
  private String apiId;

  @BeforeEach
  void start() {
    unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    server = FakeUnkeyServer.start(unkey);
    apiId = unkey.apis().create(CreateApiRequest.of("server")).apiId();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String op, String body, boolean auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + "/v2/" + op))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth) {
      b.header("Authorization", "Bearer " + server.bootstrapKey().reveal());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String createBody() {
    return "{\"apiId\":\"" + apiId + "\"}";
  }

  @Test
  void malformedBodyIs400WithErrors() throws Exception {
    HttpResponse<String> r = post("keys.createKey", "{\"apiId\":42}", true);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"errors\":[").contains("\"requestId\":\"req_");
  }

  @Test
  void revokedRootKeyIs401AfterEarlierRequestsSucceeded() throws Exception {
    CreatedKey root =
        unkey
            .rootKeys()
            .create(
                CreateRootKeyRequest.builder(List.of("api.*.create_key", "api.*.read_api"))
                    .build());
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(server.url() + "/v2/keys.createKey"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + root.key().reveal())
            .POST(HttpRequest.BodyPublishers.ofString(createBody()))
            .build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    unkey.rootKeys().delete(root.keyId());
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void missingAuthorizationIs400AndUnknownKeyIs401() throws Exception {
    assertThat(post("keys.createKey", createBody(), false).statusCode()).isEqualTo(400);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(server.url() + "/v2/keys.createKey"))
            .header("Authorization", "Bearer unkey_notarealkey123456")
            .POST(HttpRequest.BodyPublishers.ofString(createBody()))
            .build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void faultBeforeIsNotAppliedAndAfterIs() throws Exception {
    server.inject(Fault.serverError(503).on(Operation.KEYS_CREATE_KEY).times(1));
    assertThat(post("keys.createKey", createBody(), true).statusCode()).isEqualTo(503);
    assertThat(unkey.workspace().keys).isEmpty();
    server.inject(Fault.serverError(500).after().times(1));
    assertThat(post("keys.createKey", createBody(), true).statusCode()).isEqualTo(500);
    assertThat(unkey.workspace().keys).hasSize(1);
    assertThat(post("keys.createKey", createBody(), true).statusCode()).isEqualTo(200);
  }

  @Test
  void droppedAndTruncatedAnswersFailTheClient() throws Exception {
    server.inject(Fault.drop().after().times(1));
    assertThat(failsWithIo()).isTrue();
    assertThat(unkey.workspace().keys).hasSize(1);
    server.inject(Fault.truncate().times(1));
    assertThat(failsWithIo()).isTrue();
  }

  private boolean failsWithIo() throws Exception {
    try {
      post("keys.createKey", createBody(), true);
      return false;
    } catch (IOException expected) {
      return true;
    }
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() throws Exception {
    server.inject(Fault.tooManyRequests(Duration.ofMillis(1500)).times(1));
    HttpResponse<String> r = post("keys.createKey", createBody(), true);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void workspaceRateLimitAnswers429WithHeaders() throws Exception {
    server.workspaceRateLimit(2, Duration.ofSeconds(1));
    assertThat(post("keys.createKey", createBody(), true).statusCode()).isEqualTo(200);
    assertThat(post("keys.createKey", createBody(), true).statusCode()).isEqualTo(200);
    HttpResponse<String> r = post("keys.createKey", createBody(), true);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("RateLimit-Limit")).hasValue("2");
    assertThat(r.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(r.headers().firstValue("RateLimit-Reset")).isPresent();
    assertThat(r.body()).contains("workspace_rate_limited");
  }

  @Test
  void closeFreesThePort() throws Exception {
    int port = server.port();
    server.close();
    // Nothing listens any more. (Binding the port again was flaky: a client socket elsewhere in
    // the run may be given the same ephemeral port as its local port.)
    assertThatThrownBy(() -> new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port))
        .isInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void livenessNeedsNoKey() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/v2/liveness")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"message\":\"OK\"");
  }
}
