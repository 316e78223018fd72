package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Unkey;
import dev.keyward.leak.FileDedupeStore;
import dev.keyward.leak.LeakDedupeStore;
import dev.keyward.leak.SecretScanningReceiver;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** {@code keyward.leak.*}: off by default; a bad setting fails at startup naming the property. */
class KeywardLeakSettingsTest {
  final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KeywardAutoConfiguration.class, KeywardLeakAutoConfiguration.class))
          .withBean(Unkey.class, () -> InMemoryUnkey.builder().build());

  @TempDir Path dir;

  void failsNaming(String message, String... properties) {
    runner
        .withPropertyValues(properties)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(message)
                    .satisfies(f -> assertThat(allMessages(f)).doesNotContain("sk live")));
  }

  static String allMessages(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getMessage()).append('\n');
    }
    return b.toString();
  }

  @Test
  void offByDefault() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .hasSingleBean(ApiKeyFilter.class)
                .doesNotHaveBean(SecretScanningReceiver.class));
  }

  @Test
  void goodSettingsStart() {
    Path file = dir.resolve("leaks.log");
    runner
        .withPropertyValues(
            "keyward.leak.enabled=true",
            "keyward.leak.api-key-prefixes=sk_live,pk_live",
            "keyward.leak.api-key-action=reroll",
            "keyward.leak.path=/github/leaks",
            "keyward.leak.dedupe-file=" + file)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SecretScanningReceiver.class);
              assertThat(context.getBean(LeakDedupeStore.class))
                  .isInstanceOf(FileDedupeStore.class);
            });
  }

  @Test
  void badSettingsNameTheProperty() {
    failsNaming(
        "property keyward.leak.api-key-prefixes: name the prefixes", "keyward.leak.enabled=true");
    failsNaming(
        "property keyward.leak.api-key-prefixes[1]: ",
        "keyward.leak.enabled=true",
        "keyward.leak.api-key-prefixes=sk_live,sk live");
    failsNaming(
        "property keyward.leak.path: must be an exact path",
        "keyward.leak.enabled=true",
        "keyward.leak.api-key-prefixes=sk_live",
        "keyward.leak.path=/github/*");
    failsNaming(
        "property keyward.leak.public-keys-url: url must be an http or https URL",
        "keyward.leak.enabled=true",
        "keyward.leak.api-key-prefixes=sk_live",
        "keyward.leak.public-keys-url=ftp://example.com/keys");
    failsNaming(
        "keyward.leak.api-key-action",
        "keyward.leak.enabled=true",
        "keyward.leak.api-key-prefixes=sk_live",
        "keyward.leak.api-key-action=shred");
    failsNaming(
        "property keyward.leak.dedupe-file: must be a writable regular file",
        "keyward.leak.enabled=true",
        "keyward.leak.api-key-prefixes=sk_live",
        "keyward.leak.dedupe-file=" + dir);
  }
}
