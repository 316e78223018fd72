package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw requests whose framing is ambiguous or broken (request smuggling shapes, signed or huge
 * sizes, control characters, trickled heads) get a definite answer from {@link FakeUnkeyServer} and
 * never let a body be read as a request; valid but rarer shapes (Expect: 100-continue,
 * absolute-form targets, HEAD, pipelining) are served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeServerFramingTest {
  static final String BODY = "{\"name\":\"framing\"}";

  private FakeUnkeyServer server;
  private String post;

  @BeforeAll
  void start() {
    server =
        FakeUnkeyServer.builder(InMemoryUnkey.builder().clock(TestClock.create()).build())
            .readTimeout(Duration.ofMillis(400))
            .start();
    post =
        "POST /v2/apis.createApi HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer "
            + server.bootstrapKey().reveal()
            + "\r\n";
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
    s.setTcpNoDelay(true);
    s.setSoTimeout(3_000);
    return s;
  }

  String sized() {
    return post + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;
  }

  static String chunked(String... chunkLines) {
    return "Transfer-Encoding: chunked\r\n\r\n" + String.join("\r\n", chunkLines) + "\r\n";
  }

  static Stream<Arguments> ambiguousHeads() {
    return Stream.of(
        Arguments.of("space before the colon", 400, "Content-Length : 18\r\n\r\n"),
        Arguments.of("tab before the colon", 400, "Content-Length\t: 18\r\n\r\n"),
        Arguments.of(
            "Content-Length and Transfer-Encoding",
            400,
            "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n12\r\n"),
        Arguments.of(
            "Transfer-Encoding over two headers",
            501,
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n12\r\n"),
        Arguments.of("signed Content-Length", 400, "Content-Length: +18\r\n\r\n"),
        Arguments.of("NUL in a value", 400, "X-A: 1\u0000\r\nContent-Length: 18\r\n\r\n"),
        Arguments.of(
            "bare CR in a value", 400, "X-A: 1\rContent-Length: 0\r\nContent-Length: 18\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousHeads")
  void ambiguousHeadIsRefusedAndTheBodyIsNeverReadAsARequest(String name, int status, String rest)
      throws Exception {
    try (Socket s = connect()) {
      RawHttp.send(s, post + rest + BODY);

      RawHttp.Answer a = RawHttp.readAnswer(s);
      assertThat(a.status()).as(a.text()).isEqualTo(status);
      assertThat(a.header("Connection")).isEqualTo("close");
      assertThat(s.getInputStream().read()).as("no second answer").isEqualTo(-1);
    }
  }

  static Stream<Arguments> brokenChunks() {
    return Stream.of(
        Arguments.of("not hex", 400, "zz"),
        Arguments.of("signed", 400, "-0"),
        Arguments.of("no CRLF after the data", 400, "2\r\n{}XX0\r\n"),
        Arguments.of("line over 4 KiB", 400, "1;x=" + "a".repeat(5000)),
        Arguments.of("size near Long.MAX_VALUE", 413, "1\r\n{\r\n7fffffffffffffff"),
        Arguments.of("size of 20 hex digits", 413, "1\r\n{\r\nffffffffffffffffffff"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenChunks")
  void brokenChunkIsAnsweredAtOnce(String name, int status, String chunks) throws Exception {
    try (Socket s = connect()) {
      long start = System.nanoTime();
      RawHttp.send(s, post + chunked(chunks));

      RawHttp.Answer a = RawHttp.readAnswer(s);
      assertThat(a.status()).as(a.text()).isEqualTo(status);
      assertThat(a.header("Connection")).isEqualTo("close");
      // Not after the 400 ms read timeout: the size alone decides.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(350));
    }
  }

  @Test
  void expectContinueGetsAnInterimAnswerBeforeTheBodyIsSent() throws Exception {
    try (Socket s = connect()) {
      RawHttp.send(
          s, post + "Expect: 100-continue\r\nContent-Length: " + BODY.length() + "\r\n\r\n");

      assertThat(RawHttp.readAnswer(s).status()).isEqualTo(100);
      RawHttp.send(s, BODY);
      assertThat(RawHttp.readAnswer(s).status()).isEqualTo(200);
    }
  }

  @Test
  void absoluteFormTargetIsServed() throws Exception {
    try (Socket s = connect()) {
      RawHttp.send(s, sized().replace("POST /v2/", "POST http://127.0.0.1:1/v2/"));

      RawHttp.Answer a = RawHttp.readAnswer(s);
      assertThat(a.status()).as(a.text()).isEqualTo(200);
    }
  }

  @Test
  void headAnswerHasNoBodySoTheNextAnswerParses() throws Exception {
    try (Socket s = connect()) {
      RawHttp.send(s, "HEAD /v2/liveness HTTP/1.1\r\nHost: x\r\n\r\n");
      String head = new String(readHead(s.getInputStream()), StandardCharsets.ISO_8859_1);
      assertThat(head).startsWith("HTTP/1.1 404");

      RawHttp.send(s, "GET /v2/liveness HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(RawHttp.readAnswer(s).status()).isEqualTo(200);
    }
  }

  @Test
  void pipelinedRequestsAreAllAnswered() throws Exception {
    try (Socket s = connect()) {
      RawHttp.send(s, sized() + sized() + sized());

      for (int i = 0; i < 3; i++) {
        assertThat(RawHttp.readAnswer(s).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void tricklingHeadIsAnswered408AfterTheReadTimeout() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      out.write("GET /v2/liveness HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      // One byte every 100 ms: each read of the server's succeeds well within its 400 ms timeout.
      try {
        while (s.getInputStream().available() == 0 && System.nanoTime() - start < 3_000_000_000L) {
          out.write('a');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException closedByTheServer) {
        // the server answered and closed
      }

      assertThat(RawHttp.readAnswer(s).status()).isEqualTo(408);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }
  }

  @Test
  void tenMegabyteHeaderLineIsAnswered431() throws Exception {
    try (Socket s = connect()) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  RawHttp.send(s, "GET /v2/liveness HTTP/1.1\r\nX: " + "a".repeat(10 << 20));
                } catch (IOException closedByTheServer) {
                  // expected once the server has answered
                }
              });
      writer.start();

      assertThat(RawHttp.readAnswer(s).status()).isEqualTo(431);
      writer.join(5_000);
    }
  }

  private static byte[] readHead(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int c = in.read();
      assertThat(c).isNotNegative();
      b.write(c);
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    return b.toByteArray();
  }
}
