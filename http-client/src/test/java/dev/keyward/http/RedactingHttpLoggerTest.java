package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.redact.Redactor;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactingHttpLoggerTest {
  static final String CREATED = "sk_5Hq9wXy2ZpQv8LrTt3";

  @StartStop final MockWebServer server = new MockWebServer();
  final Logger logger = (Logger) LoggerFactory.getLogger(RedactingHttpLogger.class);
  final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  ValidatingDispatcher answers;

  @BeforeEach
  void capture() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.TRACE);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(null);
    if (answers != null) { // null when a missing spec skipped the test in setUp
      answers.assertValid();
    }
  }

  String logs() {
    StringBuilder b = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      b.append(e.getFormattedMessage()).append('\n');
    }
    return b.toString();
  }

  @Test
  void traceLogsHeadersAndBodiesWithEverySecretMasked() {
    answers.enqueue(
        new ValidatingDispatcher.Canned(
                200,
                "application/json",
                "{\"meta\":{\"requestId\":\"req_log\"},\"data\":{\"keyId\":\"key_12345678\",\"key\":\""
                    + CREATED
                    + "\"}}",
                java.util.Map.of())
            .header("X-Unkey-Request-Id", "req_log"));
    UnkeyHttpClient client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .redactor(Redactor.builder().prefix("sk").build())
            .build();

    client.keys().create(CreateKeyRequest.builder("api_12345678").build());

    String logs = logs();
    assertThat(logs)
        .contains(
            "POST /v2/keys.createKey -> 200 (request req_log)",
            "Authorization: Bearer unkey_3ZZ8****",
            "\"apiId\":\"api_12345678\"",
            "key_12345678");
    assertThat(logs).doesNotContain(UnkeyHttpClientTest.ROOT.reveal()).doesNotContain(CREATED);
  }

  @Test
  void queryValuesNamedLikeSecretsAreMaskedForAnyOkHttpClient() throws Exception {
    server.setDispatcher(new mockwebserver3.QueueDispatcher());
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());
    OkHttpClient http =
        new OkHttpClient.Builder().addInterceptor(RedactingHttpLogger.create()).build();
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(
                        server.url(
                            "/x?api_key=plainSecret123&page=2&token="
                                + UnkeyHttpClientTest.ROOT.reveal()))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(204);
    }
    String logs = logs();
    assertThat(logs)
        .contains("api_key=****", "page=2", "token=****")
        .doesNotContain("plainSecret123")
        .doesNotContain(UnkeyHttpClientTest.ROOT.reveal());
  }

  @Test
  void debugLogsOnlyTheExchangeLine() {
    logger.setLevel(Level.DEBUG);
    answers.enqueue(200, "{\"meta\":{\"requestId\":\"req_l\"},\"data\":{\"message\":\"OK\"}}");
    UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .build()
        .liveness();
    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("GET /v2/liveness -> 200")
        .contains(" ms");
  }
}
