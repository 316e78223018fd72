package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each behaviour of {@link HostileServer} observably happens, as a bare socket client sees it. */
class HostileServerTest {
  private static final String KEY = "unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXx";

  private static Socket connect(HostileServer server) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
    s.setSoTimeout(5_000);
    return s;
  }

  private static String post(String body) {
    return "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + KEY
        + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  @Test
  void redirectPointsElsewhereAndTheOtherHostSeesNothing() throws Exception {
    try (HostileServer evil = HostileServer.start();
        HostileServer other = HostileServer.start();
        Socket s = connect(evil)) {
      evil.enqueue(HostileAnswer.redirect(307, other.url() + "/v2/keys.verifyKey"));

      RawHttp.send(s, post("{}"));
      RawHttp.Answer a = RawHttp.readAnswer(s);

      assertThat(a.status()).isEqualTo(307);
      assertThat(a.header("Location")).isEqualTo(other.url() + "/v2/keys.verifyKey");
      assertThat(evil.requestCount()).isEqualTo(1);
      assertThat(evil.requests().get(0).header("authorization")).isEqualTo("Bearer " + KEY);
      assertThat(other.requestCount()).isZero();
    }
  }

  @Test
  void echoesPutTheRequestsValuesWhereAsked() throws Exception {
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      server
          .enqueue(
              HostileAnswer.echo(HostileAnswer.Echo.bearer(), HostileAnswer.Place.ERROR_DETAIL))
          .enqueue(
              HostileAnswer.echo(
                  HostileAnswer.Echo.bodyField("key"), HostileAnswer.Place.META_REQUEST_ID))
          .enqueue(HostileAnswer.echo(HostileAnswer.Echo.body(), HostileAnswer.Place.ERROR_TYPE))
          .enqueue(
              HostileAnswer.echo(HostileAnswer.Echo.bearer(), HostileAnswer.Place.HEADER_REQUEST_ID)
                  .withStatus(500));
      String body = "{\"key\":\"sk_echo_me\"}";

      String[] texts = new String[4];
      RawHttp.Answer last = null;
      for (int i = 0; i < 4; i++) {
        RawHttp.send(s, post(body));
        last = RawHttp.readAnswer(s);
        texts[i] = last.text();
      }

      assertThat(texts[0]).contains("\"detail\":\"" + KEY + "\"");
      assertThat(texts[1]).contains("\"requestId\":\"sk_echo_me\"");
      assertThat(texts[2]).contains("\"type\":\"{\\\"key\\\":\\\"sk_echo_me\\\"}\"");
      assertThat(last.status()).isEqualTo(500);
      assertThat(last.header("X-Unkey-Request-Id")).isEqualTo(KEY);
    }
  }

  @Test
  void hugeBodyStreamsLazilyWithItsPrefix() throws Exception {
    long size = 3L << 30; // 3 GiB announced; the test reads only the start
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      server.enqueue(HostileAnswer.huge(size, "{\"data\":[", "0,"));
      RawHttp.send(s, post("{}"));
      InputStream in = s.getInputStream();

      String head = readHead(in);
      byte[] start = in.readNBytes(1 << 20);

      assertThat(head).contains("Content-Length: " + size);
      assertThat(new String(start, 0, 15, StandardCharsets.US_ASCII))
          .isEqualTo("{\"data\":[0,0,0,");
      assertThat(start).hasSize(1 << 20);
      // What the client read, less at most the one write still blocked; far from the whole body.
      assertThat(server.bodyBytesWritten()).isBetween((1L << 20) - (64 << 10), size / 2);
    }
  }

  @Test
  void drippingBodyArrivesInSlowPieces() throws Exception {
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      server.enqueue(HostileAnswer.json(200, "{\"a\":1}").dripping(2, Duration.ofMillis(100)));
      long start = System.nanoTime();
      RawHttp.send(s, post("{}"));

      RawHttp.Answer a = RawHttp.readAnswer(s);

      assertThat(a.text()).isEqualTo("{\"a\":1}");
      // 7 bytes in 4 writes: 3 gaps of 100 ms.
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);
    }
  }

  @Test
  void absurdHeadersAreSentAsGiven() throws Exception {
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      server.enqueue(
          HostileAnswer.json(429, "{}")
              .withHeader("Retry-After", "99999999999999999999")
              .withHeader("X-Huge", "v".repeat(100_000))
              .withManyHeaders("X-Many", "1", 5_000)
              .withRawHeaderLine("X-Bad: \u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1)));
      RawHttp.send(s, post("{}"));

      String head = readHead(s.getInputStream());

      assertThat(head).contains("Retry-After: 99999999999999999999\r\n");
      assertThat(head).contains("X-Huge: " + "v".repeat(100_000) + "\r\n");
      assertThat(head).contains("X-Many-5000: 1\r\n");
      // Read as ISO-8859-1, the raw bytes 0xFF 0xFE come back unchanged (invalid as UTF-8).
      assertThat(head).contains("X-Bad: \u00ff\u00fe\r\n");
    }
  }

  @Test
  void resetMidBodyAbortsTheConnection() throws Exception {
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      server.enqueue(HostileAnswer.huge(1 << 20, "{\"data\":[", "0,").resetAfter(100));
      RawHttp.send(s, post("{}"));
      InputStream in = s.getInputStream();
      String head = readHead(in);
      byte[] got = new byte[100];
      int n = in.readNBytes(got, 0, 100);

      assertThat(head).contains("Content-Length: 1048576");
      assertThat(n).isEqualTo(100);
      assertThatThrownBy(() -> in.read()).isInstanceOf(SocketException.class);
    }
  }

  @Test
  void stallAfterHeadersSendsNoBodyUntilItCloses() throws Exception {
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      server.enqueue(HostileAnswer.json(200, "{}").stallAfterHeaders(Duration.ofMillis(400)));
      RawHttp.send(s, post("{}"));
      InputStream in = s.getInputStream();
      String head = readHead(in);
      long start = System.nanoTime();

      int next = in.read();

      assertThat(head).startsWith("HTTP/1.1 200 OK\r\n");
      assertThat(next).isEqualTo(-1);
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
  }

  @Test
  void recordsWhatEachRequestCarried() throws Exception {
    try (HostileServer server = HostileServer.start();
        Socket s = connect(server)) {
      RawHttp.send(s, post("{\"key\":\"k\"}"));
      RawHttp.readAnswer(s);
      RawHttp.send(s, "GET /v2/liveness HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.readAnswer(s);

      assertThat(server.requests()).hasSize(2);
      ReceivedRequest first = server.requests().get(0);
      assertThat(first.method()).isEqualTo("POST");
      assertThat(first.target()).isEqualTo("/v2/keys.verifyKey");
      assertThat(first.bodyText()).isEqualTo("{\"key\":\"k\"}");
      assertThat(first.bodySize()).isEqualTo(11);
      assertThat(first.toString()).doesNotContain(KEY);
      assertThat(server.requests().get(1).method()).isEqualTo("GET");
    }
  }

  /** Reads up to and including the blank line, as ISO-8859-1. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("EOF in head");
      }
      b.append((char) c);
    }
    return b.toString();
  }
}
