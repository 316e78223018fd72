package dev.keyward.logging.logback;

import static dev.keyward.logging.Canaries.API_KEY;
import static dev.keyward.logging.Canaries.API_KEY_START;
import static dev.keyward.logging.Canaries.ROOT_KEY;
import static dev.keyward.logging.Canaries.ROOT_KEY_START;
import static dev.keyward.logging.Canaries.SECRETS;
import static dev.keyward.logging.Canaries.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import dev.keyward.logging.Canaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

class LogbackRedactionTest {
  @TempDir static Path dir;

  @BeforeAll
  static void logCanaries() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(
        MDC.getMDCAdapter()); // a fresh context does not share slf4j's MDC otherwise
    context.putProperty("dir", dir.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(
        LogbackRedactionTest.class.getResource("/dev/keyward/logging/logback-test-config.xml"));
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getLevel() >= Status.WARN)
        .isEmpty();

    Logger log = context.getLogger("dev.keyward.example.Payments");
    MDC.put("user", API_KEY);
    try {
      log.info("message holds " + ROOT_KEY);
      log.info("arguments hold {} and {}", ROOT_KEY, "Authorization: Bearer " + TOKEN);
      log.warn("body {\"rootKey\": \"" + ROOT_KEY + "\"}");
      log.error("exception follows", Canaries.failure());
    } finally {
      MDC.remove("user");
    }
    context.stop();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getLevel() >= Status.WARN)
        .isEmpty();
  }

  @Test
  void redactingEncoder_masksMessageArgumentsMdcAndThrowable() throws Exception {
    assertRedacted(read("encoder.log"));
  }

  @Test
  void redactingEncoder_masksTheThrowableLogbackAppendsByItself() throws Exception {
    String log = read("implicit-ex.log");
    assertRedacted(log);
    assertThat(log)
        .contains("Caused by: java.lang.IllegalStateException: cause rejected " + API_KEY_START);
  }

  @Test
  void redactConversionWord_masksItsContent() throws Exception {
    assertRedacted(read("converter.log"));
  }

  @Test
  void redactingEncoder_wrapsAnyEncoder() throws Exception {
    assertRedacted(read("wrapped.log"));
  }

  @Test
  void withoutKeyward_theCanaryLeaks() throws Exception {
    String log = read("plain.log");
    assertThat(log).contains(ROOT_KEY).contains(API_KEY).contains(TOKEN);
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
        .contains("\tat dev.keyward.logging.Canaries.failure");
  }

  private static String read(String name) throws Exception {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }
}
