package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyward.TransportException;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.Liveness;
import dev.keyward.model.RateLimit;
import dev.keyward.model.RatelimitCheck;
import dev.keyward.model.Refill;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnkeyHttpClientTest {
  static final Secret ROOT = Secret.of("unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXxQ");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  ValidatingDispatcher answers;
  UnkeyHttpClient client;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(ROOT)
            .clock(time)
            .sleeper(time)
            .build();
  }

  @AfterEach
  void validated() {
    if (answers != null) { // null when a missing spec skipped the test in setUp
      answers.assertValid();
    }
  }

  @Test
  void createKeySendsEveryFieldAndReadsTheKey() throws Exception {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_c1\"},\"data\":{\"keyId\":\"key_2cGK\",\"key\":\"sk_5Hq9wXy2ZpQv8Lr\"}}");
    CreateKeyRequest request =
        CreateKeyRequest.builder("api_123")
            .prefix("sk")
            .name("acme")
            .byteLength(24)
            .externalId("user_42")
            .meta(Map.of("plan", "pro"))
            .roles(List.of("admin"))
            .permissions(List.of("documents.read"))
            .expires(Instant.ofEpochMilli(1_900_000_000_000L))
            .credits(new Credits(100L, Refill.monthly(100, 1)))
            .ratelimits(List.of(RateLimit.of("requests", 10, Duration.ofSeconds(1), true)))
            .enabled(true)
            .recoverable(false)
            .build();

    CreatedKey created = client.keys().create(request);

    assertThat(created.keyId()).isEqualTo("key_2cGK");
    assertThat(created.key().reveal()).isEqualTo("sk_5Hq9wXy2ZpQv8Lr");
    assertThat(created.requestId()).isEqualTo("req_c1");
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getTarget()).isEqualTo("/v2/keys.createKey");
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + ROOT.reveal());
    assertThat(recorded.getHeaders().get("User-Agent")).startsWith("keyward-java/");
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(recorded.getBody().utf8())
        .isEqualTo(
            "{\"apiId\":\"api_123\",\"prefix\":\"sk\",\"name\":\"acme\","
                + "\"byteLength\":24,\"externalId\":\"user_42\",\"meta\":{\"plan\":\"pro\"},\"roles\":[\"admin\"],"
                + "\"permissions\":[\"documents.read\"],\"expires\":1900000000000,"
                + "\"credits\":{\"remaining\":100,\"refill\":{\"interval\":\"monthly\",\"amount\":100,\"refillDay\":1}},"
                + "\"ratelimits\":[{\"name\":\"requests\",\"limit\":10,\"duration\":1000,\"autoApply\":true}],"
                + "\"enabled\":true,\"recoverable\":false}");
  }

  @Test
  void createKeyWithOnlyTheApiIdSendsNothingElse() throws Exception {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_c2\"},\"data\":{\"keyId\":\"key_1\",\"key\":\"k_abcdefgh\"}}");
    client.keys().create(CreateKeyRequest.builder("api_123").build());
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"apiId\":\"api_123\"}");
  }

  @Test
  void verifyKeyReadsAFullAnswerWithMetaNumbersExact() throws Exception {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_v1\"},\"data\":{\"valid\":true,\"code\":\"VALID\","
            + "\"keyId\":\"key_1\",\"name\":\"acme\",\"meta\":{\"seats\":12345678901234,\"ratio\":0.25,\"tier\":\"pro\"},"
            + "\"expires\":1900000000000,\"credits\":99,\"enabled\":true,\"permissions\":[\"documents.read\"],"
            + "\"roles\":[\"reader\"],\"identity\":{\"id\":\"id_1\",\"externalId\":\"user_42\",\"meta\":{}},"
            + "\"ratelimits\":[{\"exceeded\":false,\"id\":\"rl_12345678\",\"name\":\"requests\",\"limit\":10,"
            + "\"duration\":1000,\"reset\":1000,\"remaining\":9,\"autoApply\":true}]}}");

    Verification v =
        client
            .keys()
            .verify(
                VerifyKeyRequest.builder("sk_5Hq9wXy2ZpQv8Lr")
                    .tags(List.of("path=/x"))
                    .permissions("documents.read AND documents.write")
                    .cost(2)
                    .ratelimits(List.of(RatelimitCheck.named("requests", 1)))
                    .build());

    assertThat(v.valid()).isTrue();
    assertThat(v.code()).isEqualTo(Verification.Code.VALID);
    assertThat(v.meta())
        .containsEntry("seats", 12345678901234L)
        .containsEntry("ratio", new BigDecimal("0.25"));
    assertThat(v.expires()).isEqualTo(Instant.ofEpochMilli(1_900_000_000_000L));
    assertThat(v.credits()).isEqualTo(99L);
    assertThat(v.identity().externalId()).isEqualTo("user_42");
    assertThat(v.ratelimits())
        .singleElement()
        .satisfies(r -> assertThat(r.remaining()).isEqualTo(9));
    assertThat(v.requestId()).isEqualTo("req_v1");
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getTarget()).isEqualTo("/v2/keys.verifyKey");
    assertThat(recorded.getBody().utf8())
        .isEqualTo(
            "{\"key\":\"sk_5Hq9wXy2ZpQv8Lr\",\"tags\":[\"path=/x\"],"
                + "\"permissions\":\"documents.read AND documents.write\",\"credits\":{\"cost\":2},"
                + "\"ratelimits\":[{\"name\":\"requests\",\"cost\":1}]}");
  }

  @Test
  void notFoundVerificationCarriesOnlyValidAndCode() {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_v2\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}");
    Verification v = client.keys().verify("sk_missing12345");
    assertThat(v.valid()).isFalse();
    assertThat(v.code()).isEqualTo(Verification.Code.NOT_FOUND);
    assertThat(v.keyId()).isNull();
    assertThat(v.permissions()).isEmpty();
    assertThat(v.requestId()).isEqualTo("req_v2");
  }

  @Test
  void unknownVerificationCodeStaysOpen() {
    answers.skipResponseValidation(); // a code newer than the spec, on purpose
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_v3\"},\"data\":{\"valid\":false,\"code\":\"QUARANTINED\"}}");
    Verification v = client.keys().verify("sk_any12345678");
    assertThat(v.code()).isEqualTo(Verification.Code.UNKNOWN);
    assertThat(v.rawCode()).isEqualTo("QUARANTINED");
  }

  @Test
  void livenessIsAGetWithoutAuthorization() throws Exception {
    answers.enqueue(200, "{\"meta\":{\"requestId\":\"req_l\"},\"data\":{\"message\":\"OK\"}}");
    Liveness l = client.liveness();
    assertThat(l.message()).isEqualTo("OK");
    assertThat(l.requestId()).isEqualTo("req_l");
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getTarget()).isEqualTo("/v2/liveness");
    assertThat(recorded.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void requestOptionsOverrideTheRootKeyPerCall() throws Exception {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_o\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}");
    Secret tenant = Secret.of("unkey_tenantKey1234567");
    client
        .withOptions(RequestOptions.builder().rootKey(tenant).build())
        .keys()
        .verify("sk_any12345678");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + tenant.reveal());
  }

  @Test
  void withRootKeySwitchesTheKeyOnTheBlockingAndAsyncPort() throws Exception {
    String notFound =
        "{\"meta\":{\"requestId\":\"req_w\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}";
    answers.enqueue(200, notFound);
    answers.enqueue(200, notFound);
    answers.enqueue(200, notFound);
    Secret tenant = Secret.of("unkey_tenantKey7654321");
    dev.keyward.Unkey port = client;
    port.withRootKey(tenant).keys().verify("sk_any12345678");
    client
        .async()
        .withRootKey(tenant)
        .keys()
        .verify(VerifyKeyRequest.builder("sk_any12345678").build())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    port.keys().verify("sk_any12345678");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + tenant.reveal());
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + tenant.reveal());
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + ROOT.reveal());
  }

  @Test
  void rootKeyProviderIsReadOncePerAttempt() throws Exception {
    int[] reads = {0};
    UnkeyHttpClient rotating =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKeyProvider(() -> Secret.of("unkey_rotation" + (++reads[0]) + "abcdefgh"))
            .clock(time)
            .sleeper(time)
            .build();
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}");
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_2\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}");
    rotating.keys().verify("sk_any12345678");
    rotating.keys().verify("sk_any12345678");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer unkey_rotation1abcdefgh");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer unkey_rotation2abcdefgh");
  }

  @Test
  void fromEnvironmentNamesTheMissingVariable() {
    assumeTrue(
        System.getenv(UnkeyHttpClient.ROOT_KEY_VARIABLE) == null,
        "UNKEY_ROOT_KEY is set in this environment");
    assertThatThrownBy(UnkeyHttpClient::fromEnvironment)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("UNKEY_ROOT_KEY");
  }

  @Test
  void wrongBaseUrlIsATransportErrorNamingTheHostNeverTheKey() {
    UnkeyHttpClient nowhere =
        UnkeyHttpClient.builder()
            .baseUrl("http://unkey.invalid/")
            .rootKey(ROOT)
            .clock(time)
            .sleeper(time)
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
            .build();
    assertThatThrownBy(() -> nowhere.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcome()).isEqualTo(TransportException.Outcome.NOT_SENT);
              assertThat(e.getMessage()).contains("unkey.invalid").doesNotContain(ROOT.reveal());
            });
    assertThat(time.sleeps).hasSize(1); // a connect failure is retried even for createKey
  }

  @Test
  void asyncCallsCompleteWithTheSameValues() throws Exception {
    answers.enqueue(
        200, "{\"meta\":{\"requestId\":\"req_a\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}");
    Verification v =
        client
            .async()
            .keys()
            .verify(VerifyKeyRequest.builder("sk_any12345678").build())
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(v.valid()).isTrue();
    assertThat(v.requestId()).isEqualTo("req_a");
  }

  @Test
  void toStringNeverShowsTheRootKey() {
    assertThat(client.toString()).doesNotContain(ROOT.reveal());
    assertThat(RequestOptions.builder().rootKey(ROOT).build().toString())
        .doesNotContain(ROOT.reveal());
  }
}
