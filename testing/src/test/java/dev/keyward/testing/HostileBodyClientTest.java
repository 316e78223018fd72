package dev.keyward.testing;

import static dev.keyward.testing.HostileClients.API;
import static dev.keyward.testing.HostileClients.ROOT;
import static dev.keyward.testing.HostileClients.assertNoKey;
import static dev.keyward.testing.HostileClients.run;
import static dev.keyward.testing.HostileClients.text;
import static dev.keyward.testing.HostileClients.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.TransportException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.Verification;
import dev.keyward.testing.HostileClients.ClientCall;
import dev.keyward.testing.HostileClients.Mode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies of a {@link HostileServer} that never end or barely move: a body of gigabytes is refused
 * after at most {@code maxResponseBytes} (16 MiB by default), so the server manages to write only a
 * sliver of it; a dripping body is read while the call timeout allows, and cut off with a message
 * naming the timeout once it does not.
 */
class HostileBodyClientTest {
  static final long FOUR_GIB = 4L << 30;

  /** The default cap, plus what the loopback socket buffers and one server write can hold. */
  static final long AT_MOST_WRITTEN = 64L << 20;

  static final String VALID =
      "{\"meta\":{\"requestId\":\"req_drip\"},\"data\":{\"valid\":true,\"code\":\"VALID\","
          + "\"keyId\":\"key_1\",\"name\":\"a name that makes the body a little longer\"}}";

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
  void aHugeBodyWithContentLengthIsRefusedAndBarelySent(Mode mode) throws InterruptedException {
    // Refused from its Content-Length: the server writes only what the socket buffers take.
    assertHugeBodyRefused(mode, HostileAnswer.huge(FOUR_GIB, "{\"data\":[", "0,"), 0);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aHugeBodyWithoutContentLengthIsCutOffAndBarelySent(Mode mode) throws InterruptedException {
    assertHugeBodyRefused(
        mode,
        HostileAnswer.huge(
                FOUR_GIB,
                "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":true,\"code\":\"VALID\","
                    + "\"meta\":{\"pad\":\"",
                "a")
            .withoutContentLength(),
        16L << 20);
  }

  /** {@code atLeast}: the bytes keyward must have read before it could tell the body is too big. */
  private void assertHugeBodyRefused(Mode mode, HostileAnswer answer, long atLeast)
      throws InterruptedException {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(answer);
      long start = System.nanoTime();

      UnkeyException e = thrown(mode, clients.client(server, ROOT), ClientCall.verify(API));

      assertThat(e)
          .isInstanceOf(UnexpectedStatusException.class)
          .hasMessageContaining("larger than maxResponseBytes (16777216 bytes)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      long written = settled(server);
      assertThat(written).isGreaterThanOrEqualTo(atLeast).isLessThan(AT_MOST_WRITTEN);
      assertThat(server.requestCount()).isEqualTo(1);
      assertNoKey(text(e), ROOT, API);
      assertNoKey(clients.logs(), ROOT, API);
    }
  }

  /** The server's body byte count once it stopped growing (the connection was dropped). */
  private static long settled(HostileServer server) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      long now = server.bodyBytesWritten();
      if (now == last) {
        return now;
      }
      last = now;
      Thread.sleep(300);
    }
    return server.bodyBytesWritten();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDrippingBodyWithinTheCallTimeoutIsRead(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      // About 150 bytes, 16 every 50 ms: some 500 ms in all, each gap far below the read timeout.
      server.enqueue(HostileAnswer.json(200, VALID).dripping(16, Duration.ofMillis(50)));
      UnkeyHttpClient client =
          clients.client(server, ROOT, b -> b.callTimeout(Duration.ofSeconds(5)));
      long start = System.nanoTime();

      Verification v = run(mode, client, ClientCall.verify(API));

      assertThat(v.valid()).isTrue();
      assertThat(v.requestId()).isEqualTo("req_drip");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDrippingBodyBeyondTheCallTimeoutFailsNamingIt(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      // A byte every 100 ms: each read is quick, the whole body would take some 15 s.
      server.enqueue(HostileAnswer.json(200, VALID).dripping(1, Duration.ofMillis(100)));
      UnkeyHttpClient client =
          clients.client(server, ROOT, b -> b.callTimeout(Duration.ofMillis(1500)));
      long start = System.nanoTime();

      UnkeyException e = thrown(mode, client, ClientCall.verify(API));

      assertThat(e)
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("the call timeout of 1500 ms expired");
      assertThat(((TransportException) e).outcome()).isEqualTo(TransportException.Outcome.UNKNOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(server.requestCount()).isEqualTo(1);
      assertNoKey(text(e), ROOT, API);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyPausingBeyondTheReadTimeoutFailsNamingIt(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(HostileAnswer.json(200, VALID).dripping(40, Duration.ofMillis(1500)));
      UnkeyHttpClient client =
          clients.client(server, ROOT, b -> b.readTimeout(Duration.ofMillis(500)));

      UnkeyException e = thrown(mode, client, ClientCall.verify(API));

      assertThat(e)
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("the read timeout of 500 ms expired");
      assertNoKey(text(e), ROOT, API);
    }
  }
}
