package dev.keyward.testing;

import static dev.keyward.testing.HostileClients.assertNoKey;
import static dev.keyward.testing.HostileClients.retrying;
import static dev.keyward.testing.HostileClients.run;
import static dev.keyward.testing.HostileClients.text;
import static dev.keyward.testing.HostileClients.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.BadRequestException;
import dev.keyward.ServerException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.http.internal.ServerTexts;
import dev.keyward.model.Verification;
import dev.keyward.testing.HostileAnswer.Echo;
import dev.keyward.testing.HostileAnswer.Place;
import dev.keyward.testing.HostileClients.ClientCall;
import dev.keyward.testing.HostileClients.KeyPair;
import dev.keyward.testing.HostileClients.Mode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link HostileServer} echoes the bearer (the root key) and the body's {@code key} (the API key)
 * into {@code meta.requestId}, {@code error.type}, {@code error.detail} and {@code
 * X-Unkey-Request-Id} (and a verification's code and key id): on a 200 verify answer, a 4xx, and a
 * 5xx that is retried. No message, toString, stack trace, kept server text or request id, nor any
 * line keyward logs at TRACE through its default HTTP logging, holds either key.
 */
class HostileEchoClientTest {
  static final List<Echo> SOURCES = List.of(Echo.bearer(), Echo.bodyField("key"));

  HostileClients clients;

  @BeforeEach
  void watch() {
    clients = new HostileClients();
  }

  @AfterEach
  void check() throws InterruptedException {
    clients.close();
  }

  static Object[][] keyPairsAndModes() {
    return HostileClients.keyPairsAndModes().map(a -> a.get()).toArray(Object[][]::new);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("keyPairsAndModes")
  void echoesIntoA200VerifyAnswerReachNoText(KeyPair keys, Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      UnkeyHttpClient client = clients.client(server, keys.root());
      for (Echo echo : SOURCES) {
        for (Place place : Place.values()) {
          // The error envelope with status 200: no data, so the answer is not a verification.
          server.enqueue(HostileAnswer.echo(echo, place).withStatus(200));
          UnkeyException e = thrown(mode, client, ClientCall.verify(keys.api()));
          assertThat(e).as("%s", place).isInstanceOf(UnexpectedStatusException.class);
          assertThat(e.status()).isEqualTo(200);
          assertNoKey(text(e), keys.root(), keys.api());
        }
      }
      for (String echoed : List.of(keys.root().reveal(), keys.api().reveal())) {
        // A well-formed verification carrying the key as request id (body, header) and key id,
        server.enqueue(
            HostileAnswer.json(
                    200,
                    "{\"meta\":{\"requestId\":\""
                        + echoed
                        + "\"},\"data\":{\"valid\":true,\"code\":\"VALID\",\"keyId\":\""
                        + echoed
                        + "\"}}")
                .withHeader("X-Unkey-Request-Id", echoed));
        // and one carrying it as its code.
        server.enqueue(
            HostileAnswer.json(
                200,
                "{\"meta\":{\"requestId\":\"req_c\"},\"data\":{\"valid\":false,\"code\":\""
                    + echoed
                    + "\"}}"));
        Verification v = run(mode, client, ClientCall.verify(keys.api()));
        Verification c = run(mode, client, ClientCall.verify(keys.api()));
        assertThat(v.valid()).isTrue();
        assertThat(v.requestId()).isEqualTo(ServerTexts.INVALID_REQUEST_ID);
        assertThat(v.keyId()).isEqualTo(ServerTexts.INVALID_ID);
        assertThat(c.code()).isEqualTo(Verification.Code.UNKNOWN);
        assertThat(c.rawCode()).isEqualTo(ServerTexts.INVALID_CODE);
        assertNoKey(v.toString() + c, keys.root(), keys.api());
      }
      assertThat(server.requestCount()).isEqualTo(2 * Place.values().length + 4);
      assertNoKey(clients.logs(), keys.root(), keys.api());
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("keyPairsAndModes")
  void echoesIntoA4xxReachNoText(KeyPair keys, Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      UnkeyHttpClient client = clients.client(server, keys.root());
      for (Echo echo : SOURCES) {
        for (Place place : Place.values()) {
          server.enqueue(HostileAnswer.echo(echo, place));
          UnkeyException e = thrown(mode, client, ClientCall.verify(keys.api()));
          assertThat(e).as("%s", place).isInstanceOf(BadRequestException.class);
          assertChecked(e, place);
          assertNoKey(text(e), keys.root(), keys.api());
        }
      }
      assertThat(server.requestCount()).isEqualTo(2 * Place.values().length);
      assertNoKey(clients.logs(), keys.root(), keys.api());
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("keyPairsAndModes")
  void echoesIntoA5xxThatIsRetriedReachNoText(KeyPair keys, Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      UnkeyHttpClient client = clients.client(server, keys.root(), b -> b.retryPolicy(retrying(3)));
      int calls = 0;
      for (Echo echo : SOURCES) {
        for (Place place : Place.values()) {
          server.otherwise(HostileAnswer.echo(echo, place).withStatus(500));
          UnkeyException e = thrown(mode, client, ClientCall.whoami(keys.api()));
          calls++;
          // The envelope's type (invalid_input) picks the exception; an echoed type is unreadable,
          // so the status does.
          assertThat(e)
              .as("%s", place)
              .isInstanceOf(
                  place == Place.ERROR_TYPE ? ServerException.class : BadRequestException.class);
          assertThat(e.status()).isEqualTo(500);
          assertChecked(e, place);
          assertNoKey(text(e), keys.root(), keys.api());
          // whoami is SAFE: every attempt of the policy was made, each answered with the echo.
          assertThat(server.requestCount()).isEqualTo(3 * calls);
        }
      }
      assertNoKey(clients.logs(), keys.root(), keys.api());
    }
  }

  /** The echoed place reads as a placeholder or is masked; the others keep the server's value. */
  static void assertChecked(UnkeyException e, Place place) {
    switch (place) {
      case META_REQUEST_ID -> assertThat(e.requestId()).isEqualTo(ServerTexts.INVALID_REQUEST_ID);
      case HEADER_REQUEST_ID -> assertThat(e.requestId()).isEqualTo("req_hostile");
      case ERROR_TYPE -> assertThat(e.type()).isEqualTo(ServerTexts.INVALID_TYPE);
      case ERROR_DETAIL -> assertThat(e.detail()).endsWith("****");
    }
    if (place != Place.META_REQUEST_ID) {
      assertThat(e.requestId()).isEqualTo("req_hostile");
    }
  }
}
