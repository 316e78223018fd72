package dev.keyward.logging.log4j2;

import static dev.keyward.logging.Canaries.API_KEY;
import static dev.keyward.logging.Canaries.API_KEY_START;
import static dev.keyward.logging.Canaries.ROOT_KEY;
import static dev.keyward.logging.Canaries.ROOT_KEY_START;
import static dev.keyward.logging.Canaries.SECRETS;
import static dev.keyward.logging.Canaries.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.logging.Canaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Log4j2RedactionTest {
  @TempDir static Path dir;

  @BeforeAll
  static void logCanaries() throws Exception {
    System.setProperty("keyward.test.dir", dir.toString());
    LoggerContext context =
        Configurator.initialize(
            "keyward-test",
            Log4j2RedactionTest.class.getClassLoader(),
            Log4j2RedactionTest.class
                .getResource("/dev/keyward/logging/log4j2-test-config.xml")
                .toURI());
    try {
      FileAppender appender = context.getConfiguration().getAppender("layout");
      assertThat(appender).isNotNull();
      assertThat(appender.getLayout()).isInstanceOf(RedactingLayout.class);

      Logger log = context.getLogger("dev.keyward.example.Payments");
      ThreadContext.put("user", API_KEY);
      log.info("message holds " + ROOT_KEY);
      log.info("arguments hold {} and {}", ROOT_KEY, "Authorization: Bearer " + TOKEN);
      log.warn("body {\"rootKey\": \"" + ROOT_KEY + "\"}");
      log.error("exception follows", Canaries.failure());
    } finally {
      ThreadContext.remove("user");
      Configurator.shutdown(context);
    }
  }

  @Test
  void redactingLayout_masksMessageArgumentsContextAndThrowable() throws Exception {
    assertRedacted(read("layout.log"));
  }

  @Test
  void redactingLayout_masksTheThrowablePatternLayoutAppendsByItself() throws Exception {
    String log = read("implicit-ex.log");
    assertRedacted(log);
    assertThat(log)
        .contains("Caused by: java.lang.IllegalStateException: cause rejected " + API_KEY_START);
  }

  @Test
  void redactConverter_masksItsContentAndTheThrowable() throws Exception {
    String log = read("converter.log");
    assertRedacted(log);
    assertThat(log.split("java.lang.RuntimeException", -1))
        .hasSize(2); // written once, inside %redact
  }

  @Test
  void withoutKeyward_theCanaryLeaks() throws Exception {
    assertThat(read("plain.log")).contains(ROOT_KEY).contains(API_KEY).contains(TOKEN);
  }

  private static void assertRedacted(String log) {
    for (String secret : SECRETS) {
      assertThat(log).doesNotContain(secret);
    }
    assertThat(log)
        .contains("message holds " + ROOT_KEY_START)
        .contains("arguments hold " + ROOT_KEY_START + " and Authorization: Bearer 8fKq****")
        .contains("{\"rootKey\": \"" + ROOT_KEY_START + "\"}")
        .contains(API_KEY_START) // MDC
        .contains("verify failed for " + ROOT_KEY_START)
        .contains("cause rejected " + API_KEY_START)
        .contains("Suppressed: java.io.IOException: suppressed {\"key\":\"" + API_KEY_START + "\"}")
        .contains("at dev.keyward.logging.Canaries.failure");
  }

  private static String read(String name) throws Exception {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }
}
