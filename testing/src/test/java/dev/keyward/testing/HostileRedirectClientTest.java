package dev.keyward.testing;

import static dev.keyward.testing.HostileClients.API;
import static dev.keyward.testing.HostileClients.ROOT;
import static dev.keyward.testing.HostileClients.SHAPELESS;
import static dev.keyward.testing.HostileClients.assertNoKey;
import static dev.keyward.testing.HostileClients.text;
import static dev.keyward.testing.HostileClients.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.testing.HostileClients.ClientCall;
import dev.keyward.testing.HostileClients.KeyPair;
import dev.keyward.testing.HostileClients.Mode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code UnkeyHttpClient} follows no redirect of a {@link HostileServer}: a 3xx is a typed error
 * naming the status and the target host, the other server never sees the keys, and a key carried in
 * the Location reaches no message or log.
 */
class HostileRedirectClientTest {
  HostileClients clients;

  @BeforeEach
  void watch() {
    clients = new HostileClients();
  }

  @AfterEach
  void check() throws InterruptedException {
    clients.close();
  }

  static Stream<Arguments> statusesKeysAndModes() {
    return Stream.of(301, 302, 307, 308)
        .flatMap(s -> HostileClients.keyPairsAndModes().map(a -> prepend(s, a)));
  }

  private static Arguments prepend(int status, Arguments a) {
    return Arguments.of(status, a.get()[0], a.get()[1]);
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("statusesKeysAndModes")
  void aRedirectToAnotherServerIsATypedErrorNamingStatusAndHost(
      int status, KeyPair keys, Mode mode) {
    try (HostileServer evil = HostileServer.start();
        HostileServer other = HostileServer.start()) {
      evil.enqueue(HostileAnswer.redirect(status, other.url() + "/v2/keys.verifyKey"));
      UnkeyHttpClient client = clients.client(evil, keys.root());

      UnkeyException e = thrown(mode, client, ClientCall.verify(keys.api()));

      assertThat(e)
          .isInstanceOf(UnexpectedStatusException.class)
          .hasMessageContaining("answered " + status + ", a redirect to")
          .hasMessageContaining("http://127.0.0.1:" + other.port());
      assertThat(e.status()).isEqualTo(status);
      assertThat(evil.requestCount()).isEqualTo(1);
      assertThat(evil.requests().get(0).bodyText()).contains(keys.api().reveal());
      assertThat(other.requestCount()).isZero();
      assertNoKey(text(e), keys.root(), keys.api());
      assertNoKey(clients.logs(), keys.root(), keys.api());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aLocationCarryingTheKeysInItsQueryOrPathNeverReachesTheMessage(Mode mode) {
    try (HostileServer evil = HostileServer.start();
        HostileServer other = HostileServer.start()) {
      // Each Location carries the keys its own call sent: a server can echo only what it got.
      String query =
          other.url() + "/v2/keys.verifyKey?key=" + API.reveal() + "&rootKey=" + SHAPELESS.reveal();
      String path = other.url() + "/" + SHAPELESS.reveal() + "/" + ROOT.reveal();
      evil.enqueue(HostileAnswer.redirect(307, query))
          .enqueue(HostileAnswer.redirect(308, path))
          .enqueue(HostileAnswer.redirect(302, "//" + SHAPELESS.reveal() + ".example:8080/"))
          .enqueue(HostileAnswer.redirect(301, "/v2/keys.verifyKey?key=" + API.reveal()));

      UnkeyException inQuery =
          thrown(mode, clients.client(evil, SHAPELESS), ClientCall.verify(API));
      UnkeyException inPath =
          thrown(mode, clients.client(evil, ROOT), ClientCall.verify(SHAPELESS));
      UnkeyException inHost =
          thrown(mode, clients.client(evil, ROOT), ClientCall.verify(SHAPELESS));
      UnkeyException sameHost = thrown(mode, clients.client(evil, ROOT), ClientCall.verify(API));

      assertThat(inQuery).hasMessageContaining("http://127.0.0.1:" + other.port() + ";");
      assertThat(inPath).hasMessageContaining("http://127.0.0.1:" + other.port() + ";");
      // The host is the key the call sent: named in no message.
      assertThat(inHost).hasMessageContaining("a host keyward does not print");
      assertThat(sameHost).hasMessageContaining("http://127.0.0.1:" + evil.port() + ";");
      for (UnkeyException e : new UnkeyException[] {inQuery, inPath, inHost, sameHost}) {
        assertThat(e).isInstanceOf(UnexpectedStatusException.class);
        assertNoKey(text(e), ROOT, API, SHAPELESS);
      }
      assertThat(evil.requestCount()).isEqualTo(4);
      assertThat(other.requestCount()).isZero();
      assertNoKey(clients.logs(), ROOT, API, SHAPELESS);
    }
  }
}
