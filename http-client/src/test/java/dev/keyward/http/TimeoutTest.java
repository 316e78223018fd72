package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.TransportException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A server that sends its headers and then stalls the body: the failure says that it timed out,
 * which timeout and the operation; and no transport message has a doubled colon.
 */
class TimeoutTest {
  static void stallBody(OutputStream out, AtomicLong written) throws Exception {
    RawServer.writeAscii(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{\"meta\"");
    Thread.sleep(10_000);
  }

  static UnkeyHttpClient.Builder client(RawServer server) {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url())
        .rootKey(UnkeyHttpClientTest.ROOT)
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void aReadTimeoutInTheBodySaysSo() throws Exception {
    try (RawServer server = new RawServer(TimeoutTest::stallBody)) {
      Throwable thrown =
          catchThrowable(client(server).readTimeout(Duration.ofMillis(300)).build()::liveness);

      assertThat(thrown)
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("liveness: no complete answer from 127.0.0.1:")
          .hasMessageContaining(
              "timed out: the read timeout of 300 ms expired while the response body arrived")
          .hasMessageNotContaining("::");
    }
  }

  @Test
  void aCallTimeoutInTheBodySaysSoAlsoAsync() throws Exception {
    try (RawServer server = new RawServer(TimeoutTest::stallBody)) {
      Throwable thrown =
          catchThrowable(
              () ->
                  client(server)
                      .callTimeout(Duration.ofMillis(300))
                      .build()
                      .async()
                      .liveness()
                      .join());

      assertThat(thrown).isInstanceOf(CompletionException.class);
      assertThat(thrown.getCause())
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("liveness: no complete answer from 127.0.0.1:")
          .hasMessageContaining(
              "timed out: the call timeout of 300 ms expired while the response body arrived")
          .hasMessageNotContaining("::")
          .hasMessageNotContaining("cancelled");
    }
  }

  @Test
  void aBudgetSplitsItsTimeOverTheAttemptsAndOverridesThePatientDefaults() throws Exception {
    try (RawServer server = new RawServer(TimeoutTest::stallBody)) {
      UnkeyHttpClient patient =
          UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(UnkeyHttpClientTest.ROOT).build();
      Throwable thrown = catchThrowable(patient.withBudget(Duration.ofMillis(600), 2)::liveness);

      assertThat(thrown)
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("timeout of 300 ms")
          .hasMessageContaining("2 attempts");
    }
  }

  @Test
  void aBudgetOutOfRangeIsRefusedNamingTheArgument() {
    UnkeyHttpClient client =
        UnkeyHttpClient.builder()
            .baseUrl("http://127.0.0.1:9")
            .rootKey(UnkeyHttpClientTest.ROOT)
            .build();
    assertThat(catchThrowable(() -> client.withBudget(Duration.ZERO, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be more than 0 and at most 10 min");
    assertThat(catchThrowable(() -> client.withBudget(Duration.ofSeconds(1), 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be between 1 and 100");
  }

  @Test
  void aConnectFailureHasASingleColon() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    UnkeyHttpClient client =
        UnkeyHttpClient.builder()
            .baseUrl("http://127.0.0.1:" + port + "/")
            .rootKey(UnkeyHttpClientTest.ROOT)
            .retryPolicy(RetryPolicy.none())
            .build();

    Throwable thrown = catchThrowable(() -> client.keys().get("key_2cGKbMxRyIzhCxo1Idjz8q"));

    assertThat(thrown)
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("keys.getKey: could not reach 127.0.0.1:" + port)
        .hasMessageNotContaining("::");
  }
}
