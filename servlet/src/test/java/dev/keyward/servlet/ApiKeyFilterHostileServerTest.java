package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.testing.HostileAnswer;
import dev.keyward.testing.HostileAnswer.Echo;
import dev.keyward.testing.HostileAnswer.Place;
import dev.keyward.testing.HostileServer;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jetty + ApiKeyFilter + UnkeyHttpClient → a {@link HostileServer} that echoes the presented API
 * key into what the filter logs or writes into its 401/503 body: {@code meta.requestId}, {@code
 * X-Unkey-Request-Id}, the verification's {@code code} and {@code keyId}, an error's type and
 * detail. Neither the body nor any log line holds the key.
 */
class ApiKeyFilterHostileServerTest {
  static final Secret ROOT = Secret.of("unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXx");

  final HostileServer unkey = HostileServer.start();
  final UnkeyHttpClient client =
      UnkeyHttpClient.builder()
          .baseUrl(unkey.url())
          .rootKey(ROOT)
          .retryPolicy(RetryPolicy.none())
          .build();
  JettyServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    unkey.close();
  }

  HttpResponse<String> get(Secret key) throws Exception {
    return server.get("/docs/1", "Authorization", "Bearer " + key.reveal());
  }

  static String notFound(String requestId, String code, String keyId) {
    return "{\"meta\":{\"requestId\":\""
        + requestId
        + "\"},\"data\":{\"valid\":false,\"code\":\""
        + code
        + "\",\"keyId\":\""
        + keyId
        + "\"}}";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"sk_live_9hTq4LmZx2VbN7cRw3KpYs8D", "rT6thaSG8QqpSuli8HTud89eq_3nByLAqLjtG1dY-fE"})
  void aPresentedKeyEchoedByTheServerReachesNeitherTheAnswerNorTheLogs(String presented)
      throws Exception {
    Secret key = Secret.of(presented);
    server = new JettyServer(ApiKeyFilter.builder(client).build());
    try (LogCapture logs = new LogCapture()) {
      // 1: a rejection whose request id (body and header) is the key: 401 with a placeholder id.
      unkey.enqueue(
          HostileAnswer.json(200, notFound(presented, "NOT_FOUND", "key_1"))
              .withHeader("X-Unkey-Request-Id", presented));
      HttpResponse<String> idEcho = get(key);
      // 2: the key as the code and the key id.
      unkey.enqueue(HostileAnswer.json(200, notFound("req_2", presented, presented)));
      HttpResponse<String> codeEcho = get(key);
      // 3: a 400 and a 500 whose envelope carries it: the filter answers 503 and logs the cause.
      unkey.enqueue(HostileAnswer.echo(Echo.bodyField("key"), Place.META_REQUEST_ID));
      HttpResponse<String> badRequest = get(key);
      unkey.enqueue(HostileAnswer.echo(Echo.bodyField("key"), Place.ERROR_TYPE).withStatus(500));
      HttpResponse<String> serverError = get(key);
      unkey.enqueue(
          HostileAnswer.echo(Echo.bodyField("key"), Place.HEADER_REQUEST_ID).withStatus(500));
      HttpResponse<String> headerEcho = get(key);

      assertThat(unkey.requestCount()).isEqualTo(5);
      assertThat(unkey.requests()).allSatisfy(r -> assertThat(r.bodyText()).contains(presented));
      assertThat(idEcho.statusCode()).isEqualTo(401);
      assertThat(idEcho.body()).contains("\"requestId\":\"(invalid request id)\"");
      assertThat(codeEcho.statusCode()).isEqualTo(403);
      assertThat(codeEcho.body()).contains("\"code\":\"(invalid code)\"");
      assertThat(badRequest.statusCode()).isEqualTo(503);
      assertThat(serverError.statusCode()).isEqualTo(503);
      assertThat(headerEcho.statusCode()).isEqualTo(503);
      for (HttpResponse<String> r :
          new HttpResponse[] {idEcho, codeEcho, badRequest, serverError, headerEcho}) {
        assertNoKey(r.body() + r.headers().map(), presented);
      }
      // The filter did log: each rejection at DEBUG, the outage once at ERROR.
      assertThat(logs.all()).contains("key rejected").contains("answering 503");
      assertNoKey(logs.all(), presented);
    }
  }

  /** The key, its lower case, and any 8 characters past what a mask may keep (Unkey's start). */
  static void assertNoKey(String text, String key) {
    assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(key.toLowerCase(Locale.ROOT));
    int visible = key.startsWith("sk_live_") ? 12 : 4;
    for (int i = visible; i + 8 <= key.length(); i++) {
      assertThat(text).doesNotContain(key.substring(i, i + 8));
    }
  }
}
