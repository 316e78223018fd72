package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built {@code keyward-testing-<version>-server.jar} as a child process (failsafe, after
 * {@code package}): it serves, saves its state on SIGTERM and refuses bad input with one line.
 */
class ServerJarIT {
  private static final Path JAR = Path.of(System.getProperty("keyward.serverJar"));
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static Process java(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).start();
  }

  private static String stderr(Process p) throws Exception {
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> post(String url, String op, String rootKey, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/v2/" + op))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + rootKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThenSavesItsStateOnSigterm() throws Exception {
    assertThat(JAR).exists();
    Path state = dir.resolve("state.json");
    String apiId;
    Process p = java("--port", "0", "--state", state.toString());
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      String second = out.readLine();
      assertThat(first).startsWith("FakeUnkeyServer listening on http://127.0.0.1:");
      assertThat(second).startsWith("UNKEY_ROOT_KEY=unkey_");
      String url = first.substring("FakeUnkeyServer listening on ".length());
      String rootKey = second.substring("UNKEY_ROOT_KEY=".length(), second.indexOf(' '));

      HttpResponse<String> live =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/v2/liveness")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).contains("\"message\":\"OK\"");
      HttpResponse<String> api = post(url, "apis.createApi", rootKey, "{\"name\":\"from-it\"}");
      assertThat(api.statusCode()).isEqualTo(200);
      apiId = api.body().replaceAll(".*\"apiId\":\"(api_[A-Za-z0-9]+)\".*", "$1");
      assertThat(apiId).startsWith("api_");

      // SIGTERM on Linux; through the handle, because Process.destroy() also closes our end of
      // its stdout, where the last line is still to be read.
      assertThat(p.toHandle().destroy()).isTrue();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(143);
      assertThat(out.readLine()).isEqualTo("FakeUnkeyServer stopped; state saved to " + state);
      assertThat(out.readLine()).isNull();
      assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
      assertThat(Files.readString(state)).contains("\"name\": \"from-it\"").contains(rootKey);
    } finally {
      p.destroyForcibly();
    }

    // The next process serves the saved workspace to the same root key.
    Process again = java("--state", state.toString());
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8));
      String url = out.readLine().substring("FakeUnkeyServer listening on ".length());
      String rootKey = out.readLine().substring("UNKEY_ROOT_KEY=".length()).split(" ")[0];
      HttpResponse<String> get = post(url, "apis.getApi", rootKey, "{\"apiId\":\"" + apiId + "\"}");
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).contains("\"name\":\"from-it\"");
    } finally {
      again.destroy();
      again.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void takenPortExitsOneWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Process p = java("--port", Integer.toString(taken.getLocalPort()));
      String err = stderr(p);
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(err)
          .startsWith("FakeUnkeyServer: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .endsWith("\n");
      assertThat(err.strip()).doesNotContain("\n");
      assertThat(p.getInputStream().readAllBytes()).isEmpty();
    }
  }

  @Test
  void unknownFlagExitsTwoWithOneLine() throws Exception {
    Process p = java("--verbose");
    assertThat(stderr(p)).isEqualTo("FakeUnkeyServer: unknown flag --verbose (see --help)\n");
    assertThat(p.exitValue()).isEqualTo(2);
  }
}
