package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SecretScanningServlet} on a real Jetty, with reports signed by a test key pair. */
class SecretScanningServletTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private LeakEndpoint endpoint;

  @AfterEach
  void stop() throws Exception {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private LeakEndpoint start() throws Exception {
    return start(Duration.ofSeconds(30), SecretScanningServlet.DEFAULT_READ_BUDGET);
  }

  private LeakEndpoint start(Duration idle, Duration readBudget) throws Exception {
    endpoint = new LeakEndpoint(idle, readBudget);
    return endpoint;
  }

  private HttpResponse<String> post(byte[] body, String id, String signature) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port + "/leaks"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (id != null) {
      b.header(SecretScanningServlet.KEY_IDENTIFIER_HEADER, id);
    }
    if (signature != null) {
      b.header(SecretScanningServlet.SIGNATURE_HEADER, signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Verification.Code code(String key) {
    return endpoint.unkey.keys().verify(Secret.of(key)).code();
  }

  @Test
  void signedReportIsAnsweredWithLabelsAndTheKeyDies() throws Exception {
    LeakEndpoint e = start();
    byte[] body = LeakEndpoint.report(e.liveKey);
    HttpResponse<String> r = post(body, LeakEndpoint.KEY_ID, e.sign(body));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(r.body()).contains("\"label\":\"true_positive\"").doesNotContain(e.liveKey);
    e.drainPlaybook();
    assertThat(e.playbookTasks).hasValue(1);
    assertThat(code(e.liveKey)).isEqualTo(Verification.Code.NOT_FOUND);
  }

  @Test
  void badOrMissingSignatureIs401AndNothingIsRevoked() throws Exception {
    LeakEndpoint e = start();
    byte[] body = LeakEndpoint.report(e.liveKey);
    byte[] other = LeakEndpoint.report(e.liveKey + "x");
    assertThat(post(body, LeakEndpoint.KEY_ID, e.sign(other)).statusCode()).isEqualTo(401);
    assertThat(post(body, "unknown-key", e.sign(body)).statusCode()).isEqualTo(401);
    assertThat(post(body, null, null).statusCode()).isEqualTo(401);
    assertThat(post(body, LeakEndpoint.KEY_ID, "not base64!").statusCode()).isEqualTo(401);

    e.drainPlaybook();
    assertThat(e.playbookTasks).hasValue(0);
    assertThat(code(e.liveKey)).isEqualTo(Verification.Code.VALID);
  }

  @Test
  void otherMethodsAre405() throws Exception {
    start();
    for (String method : new String[] {"GET", "PUT", "DELETE"}) {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port + "/leaks"))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build();
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(method).isEqualTo(405);
      assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }
  }

  @Test
  void declaredHugeBodyIs413BeforeItIsSent() throws Exception {
    LeakEndpoint e = start();
    try (Socket socket = new Socket("127.0.0.1", e.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /leaks HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Connection: close\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: 104857600\r\n\r\n"
                  + "[{\"token\":\"")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // only the headers and 11 bytes were ever sent: the answer cannot have waited for the rest
      String[] response = LeakEndpoint.readResponse(socket);
      assertThat(response[0]).isEqualTo("413");
      assertThat(response[1]).contains("larger than this endpoint accepts");
    }
    assertThat(e.playbookTasks).hasValue(0);
  }

  @Test
  void chunkedHugeBodyIs413WithoutReadingItAll() throws Exception {
    LeakEndpoint e = start();
    AtomicLong sent = new AtomicLong();
    try (Socket socket = new Socket("127.0.0.1", e.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /leaks HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Connection: close\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  while (sent.get() < 100L << 20) { // 100 MiB, if the server took it all
                    out.write(head);
                    out.write(chunk);
                    out.write(new byte[] {'\r', '\n'});
                    sent.addAndGet(chunk.length);
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException closed) {
                  // the server closed the connection after its 413: expected
                }
              });
      String[] response = LeakEndpoint.readResponse(socket);
      assertThat(response[0]).isEqualTo("413");
      socket.close();
      writer.get(20, TimeUnit.SECONDS);
    }
    // the limit is 1 MiB; what else was sent sits in socket buffers, far from 100 MiB
    assertThat(sent.get()).isLessThan(40L << 20);
    assertThat(e.playbookTasks).hasValue(0);
  }

  @Test
  void stalledBodyEndsAtTheServersIdleTimeout() throws Exception {
    LeakEndpoint e = start(Duration.ofMillis(300), SecretScanningServlet.DEFAULT_READ_BUDGET);
    byte[] body = LeakEndpoint.report(e.liveKey);
    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", e.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers(body.length, e.sign(body)));
      out.write(body, 0, 10);
      out.flush(); // and nothing more
      String[] response = LeakEndpoint.readResponse(socket); // Jetty's 408 at idle timeout
      assertThat(response[0]).isEqualTo("408");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.playbookTasks).hasValue(0);
    assertThat(code(e.liveKey)).isEqualTo(Verification.Code.VALID);
  }

  @Test
  void drippingBodyEndsAtTheReadBudget() throws Exception {
    LeakEndpoint e = start(Duration.ofSeconds(30), Duration.ofMillis(500));
    byte[] body = LeakEndpoint.report(e.liveKey);
    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", e.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers(body.length, e.sign(body)));
      out.flush();
      CompletableFuture<Void> drip =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (byte b : body) { // one byte every 50 ms: never idle, never done in time
                    out.write(b);
                    out.flush();
                    Thread.sleep(50);
                  }
                } catch (IOException | InterruptedException closed) {
                  // the server answered and closed
                }
              });
      String[] response = LeakEndpoint.readResponse(socket);
      assertThat(response[0]).isEqualTo("408");
      assertThat(response[1]).contains("did not arrive in time");
      socket.close();
      drip.get(20, TimeUnit.SECONDS);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.playbookTasks).hasValue(0);
    assertThat(code(e.liveKey)).isEqualTo(Verification.Code.VALID);
  }

  private static byte[] headers(int length, String signature) {
    return ("POST /leaks HTTP/1.1\r\n"
            + "Host: localhost\r\n"
            + "Connection: close\r\n"
            + "Content-Type: application/json\r\n"
            + SecretScanningServlet.KEY_IDENTIFIER_HEADER
            + ": "
            + LeakEndpoint.KEY_ID
            + "\r\n"
            + SecretScanningServlet.SIGNATURE_HEADER
            + ": "
            + signature
            + "\r\nContent-Length: "
            + length
            + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
