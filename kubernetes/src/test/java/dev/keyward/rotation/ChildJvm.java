package dev.keyward.rotation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link KubernetesRotationChild} JVM with line-based pipes to and from the parent test. */
final class ChildJvm implements AutoCloseable {
  final Process process;
  final BufferedReader out;
  final Writer in;
  final Path stderr;

  ChildJvm(Path stderr, String adminKey, String... args) throws IOException {
    this.stderr = stderr;
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                KubernetesRotationChild.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    pb.environment().put("KEYWARD_TEST_ADMIN_KEY", adminKey);
    process = pb.start();
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** The child's next line; fails with its stderr if it ended without one. */
  String readLine() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new AssertionError("child ended without output; stderr: " + Files.readString(stderr));
    }
    return line;
  }

  void go() throws IOException {
    in.write("go\n");
    in.flush();
  }

  /** SIGKILL, and waits for the exit (137). */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill();
    }
  }
}
