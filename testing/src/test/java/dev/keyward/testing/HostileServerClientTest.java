package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.TransportException;
import dev.keyward.Unkey;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.VerifyKeyRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code UnkeyHttpClient} pointed at a {@link HostileServer}: how to wire the fixture. Each finding
 * has its focused class, sync and async, with keys of every shape: {@link
 * HostileRedirectClientTest}, {@link HostileEchoClientTest}, {@link HostileBodyClientTest}, {@link
 * HostileHeaderClientTest}, {@link HostileResetClientTest}.
 */
class HostileServerClientTest {
  private static final Secret ROOT = Secret.of("unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXx");

  private static Unkey client(HostileServer server) {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url())
        .rootKey(ROOT)
        .retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofSeconds(2))
        .noHttpLogging()
        .build();
  }

  @Test
  void resetMidBodyIsATransportException() {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(
          HostileAnswer.json(200, "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":true}}")
              .resetAfter(10));

      assertThatThrownBy(() -> client(server).keys().verify(VerifyKeyRequest.of(Secret.of("sk_a"))))
          .isInstanceOf(TransportException.class);
      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(server.requests().get(0).header("Authorization"))
          .isEqualTo("Bearer " + ROOT.reveal());
    }
  }

  @Test
  void stallAfterHeadersIsATransportException() {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(HostileAnswer.json(200, "{}").stallAfterHeaders(Duration.ofSeconds(4)));

      assertThatThrownBy(() -> client(server).keys().verify(VerifyKeyRequest.of(Secret.of("sk_a"))))
          .isInstanceOf(TransportException.class);
    }
  }
}
