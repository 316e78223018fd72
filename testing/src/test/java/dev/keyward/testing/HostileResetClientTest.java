package dev.keyward.testing;

import static dev.keyward.testing.HostileClients.API;
import static dev.keyward.testing.HostileClients.ROOT;
import static dev.keyward.testing.HostileClients.assertNoKey;
import static dev.keyward.testing.HostileClients.retrying;
import static dev.keyward.testing.HostileClients.run;
import static dev.keyward.testing.HostileClients.text;
import static dev.keyward.testing.HostileClients.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.TransportException;
import dev.keyward.UnkeyException;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.KeyInfo;
import dev.keyward.testing.HostileClients.ClientCall;
import dev.keyward.testing.HostileClients.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@link HostileServer} resets the connection mid-body: a SAFE call is repeated and succeeds, a
 * call that is not idempotent (keys.createKey, keys.verifyKey) is never replayed, whatever the
 * retry policy allows, and says that its outcome is unknown.
 */
class HostileResetClientTest {
  static final String CREATED =
      "{\"meta\":{\"requestId\":\"req_created\"},\"data\":{\"keyId\":\"key_1\","
          + "\"key\":\"sk_live_4fGh8JkLm2NpQ7rStVw9\"}}";

  static final String WHOAMI =
      "{\"meta\":{\"requestId\":\"req_who\"},\"data\":{\"keyId\":\"key_1\",\"start\":\"sk_live_9hTq\","
          + "\"enabled\":true,\"createdAt\":1700000000000}}";

  HostileClients clients;

  @BeforeEach
  void watch() {
    clients = new HostileClients();
  }

  @AfterEach
  void check() throws InterruptedException {
    clients.close();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSafeCallResetMidBodyIsRepeated(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(HostileAnswer.json(200, WHOAMI).resetAfter(20));
      server.otherwise(HostileAnswer.json(200, WHOAMI));
      UnkeyHttpClient client = clients.client(server, ROOT, b -> b.retryPolicy(retrying(3)));

      KeyInfo info = run(mode, client, ClientCall.whoami(API));

      assertThat(info.keyId()).isEqualTo("key_1");
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(server.requests().get(1).bodyText())
          .isEqualTo(server.requests().get(0).bodyText());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateResetMidBodyIsNeverReplayed(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(HostileAnswer.json(200, CREATED).resetAfter(20));
      // A replay would get a clean answer: only keyward's decision keeps the count at one.
      server.otherwise(HostileAnswer.json(200, CREATED));
      UnkeyHttpClient client = clients.client(server, ROOT, b -> b.retryPolicy(retrying(3)));

      UnkeyException e = thrown(mode, client, ClientCall.create());

      assertUnknownOutcome(e, "keys.createKey");
      assertThat(server.requestCount()).isEqualTo(1);
      assertNoKey(clients.logs(), ROOT, API);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aVerifyResetMidBodyIsNeverReplayed(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(
          HostileAnswer.json(
                  200,
                  "{\"meta\":{\"requestId\":\"req_v\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}")
              .resetAfter(20));
      server.otherwise(HostileAnswer.json(200, CREATED));
      UnkeyHttpClient client = clients.client(server, ROOT, b -> b.retryPolicy(retrying(3)));

      UnkeyException e = thrown(mode, client, ClientCall.verify(API));

      assertUnknownOutcome(e, "keys.verifyKey");
      assertThat(server.requestCount()).isEqualTo(1);
      assertNoKey(text(e), ROOT, API);
    }
  }

  static void assertUnknownOutcome(UnkeyException e, String operation) {
    assertThat(e)
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("keyward does not repeat " + operation);
    assertThat(((TransportException) e).outcome()).isEqualTo(TransportException.Outcome.UNKNOWN);
  }
}
