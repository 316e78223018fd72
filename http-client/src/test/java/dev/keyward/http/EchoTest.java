package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.NotFoundException;
import dev.keyward.UnkeyException;
import dev.keyward.http.internal.ServerTexts;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import dev.keyward.permission.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile server echoes the call's API key and root key into every text keyward keeps: {@code
 * meta.requestId}, {@code X-Unkey-Request-Id}, {@code error.type} (as a docs URL and bare), {@code
 * title} and {@code detail}, and a 2xx answer's request id. No message, toString, stack trace,
 * event or log line (TRACE included) may hold either key; the ids read as a placeholder.
 */
class EchoTest {
  /** Shapes: Unkey root key, a prefixed API key the Redactor was not told about, shapeless. */
  static final String ROOT_SHAPED = "unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXx";

  static final String API_PREFIXED = "sk_live_9hTq4LmZx2VbN7cRw3KpYs8D";
  static final String SHAPELESS = "Qm9vdHN0cmFwX3Rva2VuX2Zvcl9rZXl3YXJkXzQzYw";

  @StartStop final MockWebServer server = new MockWebServer();
  final List<String> events = new CopyOnWriteArrayList<>();
  CapturedLogs logs;

  @BeforeEach
  void capture() {
    logs = new CapturedLogs();
  }

  @AfterEach
  void release() {
    logs.close();
  }

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of(SHAPELESS, API_PREFIXED), Arguments.of(ROOT_SHAPED, SHAPELESS + "x"));
  }

  UnkeyHttpClient client(String rootKey) {
    EventListener listener =
        new EventListener() {
          @Override
          public void callEnd(
              Operation op, int status, @Nullable String requestId, Duration d, int attempts) {
            events.add(String.valueOf(requestId));
          }
        };
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(Secret.of(rootKey))
        .retryPolicy(RetryPolicy.none())
        .eventListener(listener)
        .build();
  }

  @ParameterizedTest
  @MethodSource("keys")
  void echoedKeysReachNoMessageAndNoLog(String rootKey, String apiKey) {
    UnkeyHttpClient client = client(rootKey);
    for (String echo : List.of(rootKey, apiKey)) {
      // 1: in meta.requestId, a docs type URL, title and detail
      server.enqueue(
          json(
              404,
              "{\"meta\":{\"requestId\":\""
                  + echo
                  + "\"},\"error\":{\"title\":\""
                  + echo
                  + "\",\"detail\":\"no key "
                  + echo
                  + "\",\"status\":404,\"type\":\"https://unkey.com/docs/errors/unkey/data/"
                  + echo
                  + "\"}}",
              echo));
      UnkeyException first = failure(() -> client.keys().verify(apiKey));
      assertThat(first).isInstanceOf(NotFoundException.class);
      assertThat(first.requestId()).isEqualTo(ServerTexts.INVALID_REQUEST_ID);
      assertThat(first.type()).isEqualTo(ServerTexts.INVALID_TYPE);
      assertThat(first.title()).endsWith("****");
      assertNoKey(CapturedLogs.text(first), rootKey, apiKey);
      assertNoKey(String.valueOf(first.problem()), rootKey, apiKey);
      assertNoKey(first.title() + first.detail(), rootKey, apiKey);

      // 2: no meta, so the header's id is used; a bare type
      server.enqueue(
          json(
              404,
              "{\"error\":{\"title\":\"t\",\"detail\":\"d\",\"status\":404,\"type\":\""
                  + echo
                  + "\"}}",
              echo));
      UnkeyException second = failure(() -> client.keys().verify(apiKey));
      assertThat(second.requestId()).isEqualTo(ServerTexts.INVALID_REQUEST_ID);
      assertThat(second.type()).isEqualTo(ServerTexts.INVALID_TYPE);
      assertNoKey(CapturedLogs.text(second), rootKey, apiKey);

      // 3: a 2xx answer's request id, in the value and its toString
      server.enqueue(
          json(
              200,
              "{\"meta\":{\"requestId\":\""
                  + echo
                  + "\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}",
              echo));
      Verification v = client.keys().verify(apiKey);
      assertThat(v.requestId()).isEqualTo(ServerTexts.INVALID_REQUEST_ID);
      assertNoKey(v.toString(), rootKey, apiKey);
    }
    assertThat(events).hasSize(6).containsOnly(ServerTexts.INVALID_REQUEST_ID);
    assertNoKey(logs.text(), rootKey, apiKey);
  }

  static UnkeyException failure(Runnable call) {
    Throwable t = catchThrowable(call::run);
    assertThat(t).isInstanceOf(UnkeyException.class);
    return (UnkeyException) t;
  }

  static MockResponse json(int code, String body, String requestIdHeader) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Unkey-Request-Id", requestIdHeader)
        .body(new Buffer().writeUtf8(body))
        .build();
  }

  static void assertNoKey(String text, String rootKey, String apiKey) {
    // Whole keys, and their bodies past the 4 characters of Unkey's start that a mask keeps.
    assertThat(text)
        .doesNotContain(rootKey, apiKey, rootKey.substring(10, 26), apiKey.substring(12, 28));
  }
}
