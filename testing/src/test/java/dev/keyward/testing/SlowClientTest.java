package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients hold only their own connection: {@link FakeUnkeyServer} keeps answering others, and
 * a stalled request is closed after the read timeout.
 */
class SlowClientTest {
  private static final int SLOW = 24;

  @Test
  void manySlowConnectionsDoNotDelayANormalCall() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try (FakeUnkeyServer server = FakeUnkeyServer.start()) {
      for (int i = 0; i < SLOW; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        slow.add(s);
        String partial =
            i % 2 == 0
                // Half a head: the request line and one header, then silence.
                ? "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\n"
                // A whole head that promises a body, then 10 of its 1,000 bytes.
                : "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + server.bootstrapKey().reveal()
                    + "\r\nContent-Length: 1000\r\n\r\n{\"key\":\"a";
        s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
      }
      Thread.sleep(200); // lets the server pick every slow connection up

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(server.url() + "/v2/liveness"))
              .timeout(Duration.ofSeconds(3))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(millis).isLessThan(2_000);
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void stalledRequestIsClosedAfterTheReadTimeout() throws Exception {
    try (FakeUnkeyServer server =
            FakeUnkeyServer.builder(InMemoryUnkey.builder().build())
                .readTimeout(Duration.ofMillis(300))
                .start();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(
          "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      InputStream in = s.getInputStream();

      int first = in.read(); // EOF once the server gives up on the head

      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(first).isEqualTo(-1);
      assertThat(millis).isBetween(250L, 3_000L);
    }
  }

  @Test
  void idleKeptAliveConnectionOutlivesTheReadTimeout() throws Exception {
    try (FakeUnkeyServer server =
            FakeUnkeyServer.builder(InMemoryUnkey.builder().build())
                .readTimeout(Duration.ofMillis(100))
                .start();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(3_000);
      RawHttp.send(s, "GET /v2/liveness HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(RawHttp.readAnswer(s).status()).isEqualTo(200);
      Thread.sleep(400); // idle between requests is not a stalled request

      RawHttp.send(s, "GET /v2/liveness HTTP/1.1\r\nHost: x\r\n\r\n");

      RawHttp.Answer second = RawHttp.readAnswer(s);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.header("Keep-Alive")).isEqualTo("timeout=300");
    }
  }
}
