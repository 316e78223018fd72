package dev.keyward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job in a child JVM with keyward and its dependencies as named modules on the module
 * path, so the {@code module-info.java} files (exports, requires) are proven to work; and compiles
 * a named consumer module against them, so what users can and cannot reach is proven too.
 */
class MainJobModulePathTest {
  private static final Pattern MODULE_JARS =
      Pattern.compile(
          ".*(keyward-(core|http-client|testing|leak|servlet)[^/]*\\.jar"
              + "|/(core|http-client|testing|leak|servlet)/target[^/]*/classes"
              + "|jakarta\\.servlet-api[^/]*\\.jar"
              + "|okhttp-jvm[^/]*\\.jar|okio-jvm[^/]*\\.jar|kotlin-stdlib-[0-9][^/]*\\.jar"
              + "|moshi-[0-9][^/]*\\.jar|slf4j-api[^/]*\\.jar|slf4j-simple[^/]*\\.jar)$");

  /** The examples' classes and embedded Jetty (for the leak drill) go on the class path. */
  private static final Pattern CLASS_PATH =
      Pattern.compile(".*(/examples/target[^/]*/classes|/jetty-[^/]*\\.jar)$");

  @TempDir Path temp;

  private static List<String> entries(boolean modules) {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String normalized = entry.replace('\\', '/');
      if ((modules ? MODULE_JARS : CLASS_PATH).matcher(normalized).matches()) {
        out.add(entry);
      }
    }
    return out;
  }

  @Test
  void mainJobRunsOnTheModulePath() throws Exception {
    List<String> modulePath = entries(true);
    List<String> classPath = entries(false);
    assertThat(modulePath).anyMatch(p -> p.contains("http-client"));
    assertThat(classPath)
        .anyMatch(p -> p.replace('\\', '/').matches(".*/examples/target[^/]*/classes"));
    assertThat(modulePath).anyMatch(p -> p.contains("servlet-api"));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--module-path",
                String.join(File.pathSeparator, modulePath),
                "--add-modules",
                "dev.keyward.http,dev.keyward.testing,dev.keyward.leak,dev.keyward.servlet,org.slf4j.simple",
                "-cp",
                String.join(File.pathSeparator, classPath),
                MainJob.class.getName())
            .redirectErrorStream(true);
    builder.environment().remove("UNKEY_BASE_URL");
    builder.environment().remove("UNKEY_ROOT_KEY");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("code=VALID")
        .contains("code=NOT_FOUND")
        .contains("HTTP 200, true_positive")
        .contains("verify says NOT_FOUND")
        .contains("done");
  }

  /** A consumer module that {@code requires dev.keyward.http} and nothing else. */
  private String compileConsumer(String body) throws Exception {
    Path src = temp.resolve("src");
    Files.createDirectories(src.resolve("com/example"));
    Files.writeString(
        src.resolve("module-info.java"), "module com.example { requires dev.keyward.http; }");
    Files.writeString(
        src.resolve("com/example/Consumer.java"),
        "package com.example;\n"
            + "public class Consumer {\n"
            + "  static Object use(dev.keyward.Unkey unkey) {\n"
            + body
            + "  }\n"
            + "}\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        ToolProvider.findFirst("javac")
            .orElseThrow()
            .run(
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "-proc:none",
                "-d",
                temp.resolve("out").toString(),
                "--module-path",
                String.join(File.pathSeparator, entries(true)),
                src.resolve("module-info.java").toString(),
                src.resolve("com/example/Consumer.java").toString());
    String messages = err.toString(StandardCharsets.UTF_8);
    return rc == 0 ? "" : messages.isEmpty() ? "javac exit " + rc : messages;
  }

  @Test
  void aNamedConsumerReachesTheModelButNotTheInternals() throws Exception {
    assertThat(
            compileConsumer(
                "    dev.keyward.model.CreateKeyRequest create =\n"
                    + "        dev.keyward.model.CreateKeyRequest.builder(\"api_1\").build();\n"
                    + "    dev.keyward.Unkey tenant =\n"
                    + "       "
                    + " unkey.withRootKey(dev.keyward.key.Secret.of(\"unkey_0123456789abcdef\"));\n"
                    + "    dev.keyward.model.Page<dev.keyward.model.KeyInfo> page =\n"
                    + "       "
                    + " tenant.apis().listKeys(dev.keyward.model.ListKeysRequest.of(\"api_1\"));\n"
                    + "    dev.keyward.model.Patch<String> name ="
                    + " dev.keyward.model.Patch.set(\"n\");\n"
                    + "    okhttp3.HttpUrl url ="
                    + " dev.keyward.http.UnkeyHttpClient.builder().build().baseUrl();\n"
                    + "    return java.util.List.of(create, page, name, url);\n"))
        .isEmpty();
    assertThat(compileConsumer("    return dev.keyward.internal.Constraints.class;\n"))
        .contains("package dev.keyward.internal is not visible");
    assertThat(compileConsumer("    return dev.keyward.http.internal.WireCodec.class;\n"))
        .contains("package dev.keyward.http.internal is not visible");
  }
}
