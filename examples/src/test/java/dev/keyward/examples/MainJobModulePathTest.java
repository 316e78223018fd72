package dev.keyward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the main job in a child JVM with keyward and its dependencies as named modules on the module
 * path, so the {@code module-info.java} files (exports, requires, opens to Moshi) are proven to
 * work.
 */
class MainJobModulePathTest {
  private static final Pattern MODULE_JARS =
      Pattern.compile(
          ".*(keyward-(core|http-client|testing)[^/]*\\.jar"
              + "|/(core|http-client|testing)/target[^/]*/classes"
              + "|okhttp-jvm[^/]*\\.jar|okio-jvm[^/]*\\.jar|kotlin-stdlib-[0-9][^/]*\\.jar"
              + "|moshi-[0-9][^/]*\\.jar|slf4j-api[^/]*\\.jar|slf4j-simple[^/]*\\.jar)$");

  @Test
  void mainJobRunsOnTheModulePath() throws Exception {
    List<String> modulePath = new ArrayList<>();
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String normalized = entry.replace('\\', '/');
      if (MODULE_JARS.matcher(normalized).matches()) {
        modulePath.add(entry);
      } else if (normalized.matches(".*/examples/target[^/]*/classes")) {
        classPath.add(entry);
      }
    }
    assertThat(modulePath).anyMatch(p -> p.contains("http-client"));
    assertThat(classPath).hasSize(1);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--module-path",
                String.join(File.pathSeparator, modulePath),
                "--add-modules",
                "dev.keyward.http,dev.keyward.testing,org.slf4j.simple",
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
    assertThat(output).contains("code=VALID").contains("code=NOT_FOUND").contains("done");
  }
}
