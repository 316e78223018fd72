package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's exits: help, usage errors and failures to start, each one line on stderr. */
class ServerCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ServerCommand.run(
        args,
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errLine() {
    String s = err.toString(StandardCharsets.UTF_8);
    assertThat(s).endsWith("\n");
    assertThat(s.strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    return s.strip();
  }

  @Test
  void helpPrintsEveryFlagAndTheLoopbackWarning() {
    assertThat(run("--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    for (String flag :
        new String[] {
          "--port",
          "--host",
          "--root-key-env",
          "--root-key",
          "--state",
          "--save-interval",
          "--workspace-rate-limit",
          "--fault",
          "--help"
        }) {
      assertThat(help).contains("  " + flag + " ");
    }
    assertThat(help)
        .contains("default 127.0.0.1: loopback only")
        .contains("exposes a fake whose root key is printed")
        .contains("mode 0600")
        .contains("exits with status 143");
    assertThat(err.size()).isZero();
  }

  @Test
  void unknownFlagExitsTwoWithOneLine() {
    assertThat(run("--port", "0", "--verbose")).isEqualTo(2);
    assertThat(errLine()).isEqualTo("FakeUnkeyServer: unknown flag --verbose (see --help)");
    assertThat(out.size()).isZero();
  }

  @Test
  void takenPortExitsOneWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      assertThat(run("--port", Integer.toString(port))).isEqualTo(1);
      assertThat(errLine())
          .startsWith("FakeUnkeyServer: cannot listen on 127.0.0.1:" + port + " (")
          .contains("in use");
      assertThat(out.size()).isZero();
    }
  }

  @Test
  void unwritableStateExitsOneBeforeServing(@TempDir Path dir) throws Exception {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    assertThat(run("--state", notADir.resolve("state.json").toString())).isEqualTo(1);
    assertThat(errLine())
        .isEqualTo(
            "FakeUnkeyServer: --state "
                + notADir.resolve("state.json")
                + ": cannot read (not a directory)");
    assertThat(out.size()).isZero();
  }
}
