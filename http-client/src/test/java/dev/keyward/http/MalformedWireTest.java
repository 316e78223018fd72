package dev.keyward.http;

import static dev.keyward.http.EchoSocketServer.ascii;
import static dev.keyward.http.EchoSocketServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.TransportException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server answers with bytes that break HTTP/1.1 (a status line, a chunk size line, a header line
 * too long to read) and echoes the call's root key into them: OkHttp quotes such bytes in its
 * exception messages, plainly or as a hex dump. The {@link TransportException}'s whole stack trace
 * and every log line must hold neither the key nor its hex. Also: a gzip bomb is cut at {@code
 * maxResponseBytes} counted after decompression, and odd but valid answers (interim 1xx, HTTP/1.0,
 * a 204 with a body, a 101, HTTP/2's status line) end in a typed result.
 */
class MalformedWireTest {
  static final String ROOT = "unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXxQ";
  static final String API_KEY = "sk_live_9hTq4LmZx2VbN7cRw3KpYs8D";
  static final String OK =
      "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}";
  static final String JSON_200 = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

  static final byte[] BOMB = gzipBomb();

  CapturedLogs logs;

  @BeforeEach
  void capture() {
    logs = new CapturedLogs();
  }

  @AfterEach
  void release() {
    logs.close();
  }

  static UnkeyHttpClient client(EchoSocketServer server) {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url())
        .rootKey(Secret.of(ROOT))
        .retryPolicy(RetryPolicy.none())
        .maxResponseBytes(1 << 20)
        .callTimeout(Duration.ofSeconds(10))
        .build();
  }

  static EchoSocketServer.Answer answer(String kind) {
    return switch (kind) {
      case "status line" -> h -> ascii("HTTP/1.1 2x0 " + bearer(h) + "\r\n\r\n");
      case "bare key as status line" -> h -> ascii(bearer(h) + "\r\n\r\n");
      case "chunk extension" ->
          h ->
              ascii(
                  JSON_200
                      + "Transfer-Encoding: chunked\r\n\r\n5 "
                      + bearer(h)
                      + "\r\nhello\r\n0\r\n\r\n");
      case "header line over 256 KiB" ->
          h -> ascii("HTTP/1.1 200 OK\r\nX: " + bearer(h) + "a".repeat(300_000) + "\r\n\r\n");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "status line",
        "bare key as status line",
        "chunk extension",
        "header line over 256 KiB"
      })
  void keyEchoedIntoBrokenHttpReachesNoStackTraceAndNoLog(String kind) throws Exception {
    try (EchoSocketServer server = new EchoSocketServer(answer(kind))) {
      Throwable thrown = catchThrowable(() -> client(server).keys().verify(API_KEY));

      assertThat(thrown).isInstanceOf(TransportException.class);
      assertThat(((TransportException) thrown).outcome())
          .isEqualTo(TransportException.Outcome.UNKNOWN);
      assertThat(server.requests.get()).isEqualTo(1);
      assertNoKey(CapturedLogs.text(thrown));

      Throwable async =
          catchThrowable(
              () ->
                  client(server)
                      .async()
                      .keys()
                      .verify(VerifyKeyRequest.of(Secret.of(API_KEY)))
                      .join());
      assertThat(async).isInstanceOf(CompletionException.class);
      assertThat(async.getCause()).isInstanceOf(TransportException.class);
      assertNoKey(CapturedLogs.text(async));
      assertNoKey(logs.text());
    }
  }

  @Test
  void gzipBombIsCutAtTheLimitCountedAfterDecompression() throws Exception {
    String head = JSON_200 + "Content-Encoding: gzip\r\nContent-Length: " + BOMB.length;
    try (EchoSocketServer server = new EchoSocketServer(h -> concat(head + "\r\n\r\n", BOMB))) {
      Throwable thrown = catchThrowable(() -> client(server).keys().verify(API_KEY));

      // Had keyward read on to the bogus CRC, OkHttp would have failed the call with an
      // IOException.
      assertThat(thrown)
          .isInstanceOf(UnexpectedStatusException.class)
          .hasMessageContaining("maxResponseBytes (1048576 bytes)");
    }
  }

  @Test
  void gzipBombAsAnErrorBodyIsAlsoCut() throws Exception {
    String head =
        "HTTP/1.1 500 Oops\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n";
    try (EchoSocketServer server =
        new EchoSocketServer(
            h -> concat(head + "Content-Length: " + BOMB.length + "\r\n\r\n", BOMB))) {
      Throwable thrown = catchThrowable(() -> client(server).keys().verify(API_KEY));

      assertThat(thrown)
          .isInstanceOf(UnkeyException.class)
          .isNotInstanceOf(TransportException.class);
      assertThat(((UnkeyException) thrown).status()).isEqualTo(500);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.1 100 Continue\r\n\r\n",
        "HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n",
        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n",
      })
  void interimAnswersAndHttp10AreRead(String prefix) throws Exception {
    String answer =
        prefix.startsWith("HTTP/1.0")
            ? prefix + OK
            : prefix + JSON_200 + "Content-Length: " + OK.length() + "\r\n\r\n" + OK;
    try (EchoSocketServer server = new EchoSocketServer(h -> ascii(answer))) {
      Verification v = client(server).keys().verify(API_KEY);

      assertThat(v.valid()).isFalse();
      assertThat(v.requestId()).isEqualTo("req_1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n",
        "HTTP/1.1 099 Low\r\nContent-Length: 0\r\n\r\n",
        "HTTP/2 200\r\nContent-Length: 0\r\n\r\n",
      })
  void oddAnswersEndInATypedFailure(String answer) throws Exception {
    try (EchoSocketServer server = new EchoSocketServer(h -> ascii(answer))) {
      Throwable thrown = catchThrowable(() -> client(server).keys().verify(API_KEY));

      assertThat(thrown).isInstanceOf(UnkeyException.class);
    }
  }

  static void assertNoKey(String text) {
    String hex = HexFormat.of().formatHex(ROOT.getBytes(StandardCharsets.US_ASCII));
    assertThat(text)
        .doesNotContain(ROOT.substring(10), API_KEY.substring(12))
        .doesNotContainIgnoringCase(hex.substring(20, 52));
  }

  /**
   * 64 MiB of zeros gzipped to about 64 KiB (less than either limit, so only counting inflated
   * bytes can stop it), with a wrong CRC: a client that inflates it to the end fails with an
   * IOException instead of hitting the limit.
   */
  static byte[] gzipBomb() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      byte[] zeros = new byte[1 << 16];
      for (int i = 0; i < 1024; i++) {
        g.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bomb = b.toByteArray();
    bomb[bomb.length - 8] ^= 0x5a;
    assertThat(bomb.length).isLessThan(256 * 1024);
    return bomb;
  }

  static byte[] concat(String head, byte[] body) {
    byte[] h = ascii(head);
    byte[] r = new byte[h.length + body.length];
    System.arraycopy(h, 0, r, 0, h.length);
    System.arraycopy(body, 0, r, h.length, body.length);
    return r;
  }
}
