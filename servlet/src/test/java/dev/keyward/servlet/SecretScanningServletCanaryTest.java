package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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
 * No reported token reaches a log line (keyward at TRACE), a response or a toString on any of the
 * servlet's paths: 200, 400, 401, 405, 408 and 413.
 */
class SecretScanningServletCanaryTest {
  private static final String UNKNOWN = "sk_live_CanaryUnknownKey9xQ7rT2mWv4Z";

  @Test
  void tokensNeverReachLogsResponsesOrToString() throws Exception {
    List<String> texts = new ArrayList<>();
    String live;
    try (LogCapture logs = new LogCapture();
        LeakEndpoint e = new LeakEndpoint(Duration.ofMillis(300), Duration.ofSeconds(10))) {
      live = e.liveKey;
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + e.port + "/leaks?t=" + UNKNOWN);

      byte[] report =
          (new String(LeakEndpoint.report(live), StandardCharsets.UTF_8))
              .replace("]", ",{\"token\":\"" + UNKNOWN + "\"}]")
              .getBytes(StandardCharsets.UTF_8);
      byte[] malformed =
          ("[{\"token\":\"" + live + "\",\"type\":7},{\"token\":\"" + UNKNOWN + "\"}]")
              .getBytes(StandardCharsets.UTF_8);
      List<Integer> statuses = new ArrayList<>();
      for (byte[] body : List.of(report, malformed)) {
        HttpResponse<String> signed =
            http.send(
                HttpRequest.newBuilder(uri)
                    .header(SecretScanningServlet.KEY_IDENTIFIER_HEADER, LeakEndpoint.KEY_ID)
                    .header(SecretScanningServlet.SIGNATURE_HEADER, e.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.add(signed.statusCode());
        texts.add(signed.body());
      }
      HttpResponse<String> unsigned =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header(SecretScanningServlet.SIGNATURE_HEADER, live)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> get =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      statuses.add(unsigned.statusCode());
      statuses.add(get.statusCode());
      texts.add(unsigned.body());
      texts.add(get.body());

      byte[] huge = ("[{\"token\":\"" + live + "\"},").getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket("127.0.0.1", e.port)) { // over 1 MiB: 413, unread
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /leaks?t="
                    + UNKNOWN
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + SecretScanningServlet.SIGNATURE_HEADER
                    + ": "
                    + live
                    + "\r\nContent-Length: 2000000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(huge);
        out.flush();
        String[] tooBig = LeakEndpoint.readResponse(socket);
        statuses.add(Integer.parseInt(tooBig[0]));
        texts.add(tooBig[1]);
      }
      try (Socket socket = new Socket("127.0.0.1", e.port)) { // stalls: Jetty's 408
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /leaks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Length: "
                    + report.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(report, 0, report.length - 5);
        out.flush();
        String[] stalled = LeakEndpoint.readResponse(socket);
        statuses.add(Integer.parseInt(stalled[0]));
        texts.add(stalled[1]);
      }
      e.drainPlaybook();
      assertThat(statuses).containsExactly(200, 400, 401, 405, 413, 408);
      texts.add(e.receiver.toString());
      texts.add(new SecretScanningServlet(e.receiver).toString());
      texts.addAll(logs.lines);
      // Positive control: the capture saw the receiver's summary of the signed report.
      assertThat(logs.all()).contains("secret scanning report: 2 matches");
    }
    for (String text : texts) {
      assertThat(text).doesNotContain(live).doesNotContain(UNKNOWN);
      assertThat(text).doesNotContain(live.substring(8)); // not even the part after the prefix
    }
  }
}
