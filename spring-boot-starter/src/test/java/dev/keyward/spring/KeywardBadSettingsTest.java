package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Unkey;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.testing.InMemoryUnkey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** A misconfigured setting fails at startup, and the failure names the property. */
class KeywardBadSettingsTest {
  final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(KeywardAutoConfiguration.class))
          .withBean(Unkey.class, () -> InMemoryUnkey.builder().build());

  void failsNaming(String message, String... properties) {
    runner
        .withPropertyValues(properties)
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining(message));
  }

  @Test
  void goodSettingsStart() {
    runner
        .withPropertyValues(
            "keyward.filter.routes[0].pattern=/documents/*",
            "keyward.filter.exclude=/actuator/*",
            "keyward.filter.usage-exceeded-status=402",
            "keyward.cache.enabled=true",
            "keyward.cache.ttl=60s")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ApiKeyFilter.class));
  }

  @Test
  void filterSettings() {
    failsNaming(
        "property keyward.filter.routes[1]: pattern must not be empty",
        "keyward.filter.routes[0].pattern=/a/*",
        "keyward.filter.routes[1].pattern=");
    failsNaming("property keyward.filter.routes[0]: ", "keyward.filter.routes[0].cost=-1");
    failsNaming(
        "property keyward.filter.exclude[1]: pattern must be",
        "keyward.filter.exclude=/health,/a*b");
    failsNaming(
        "property keyward.filter.usage-exceeded-status: usageExceededStatus must be 429 or 402",
        "keyward.filter.usage-exceeded-status=500");
    failsNaming(
        "property keyward.filter.header: header must be a non-empty token",
        "keyward.filter.header=X Key");
  }

  @Test
  void degradedSettings() {
    failsNaming(
        "keyward.filter.routes[0].degraded-policy",
        "keyward.filter.routes[0].pattern=/a/*",
        "keyward.filter.routes[0].degraded-policy=SOMETIMES");
    failsNaming("keyward.filter.degraded.policy", "keyward.filter.degraded.policy=OPEN_SESAME");
    failsNaming(
        "property keyward.filter.degraded.last-known-good-window: lastKnownGoodWindow must be"
            + " more than 0 and at most 24 h",
        "keyward.filter.degraded.last-known-good-window=25h");
    failsNaming(
        "property keyward.filter.degraded.last-known-good-max-entries: ",
        "keyward.filter.degraded.last-known-good-max-entries=0");
    failsNaming(
        "property keyward.filter.degraded.breaker-failures: circuitBreakerThreshold must be",
        "keyward.filter.degraded.breaker-failures=0");
    failsNaming(
        "property keyward.filter.degraded.breaker-open-interval: circuitBreakerInterval must be",
        "keyward.filter.degraded.breaker-open-interval=2h");
    failsNaming(
        "property keyward.filter.verify.timeout: verificationTimeout must be between 10 ms and 1"
            + " min",
        "keyward.filter.verify.timeout=0s");
    failsNaming(
        "property keyward.filter.verify.max-attempts: verificationAttempts must be between 1 and"
            + " 10",
        "keyward.filter.verify.max-attempts=20");
  }

  @Test
  void degradedSettingsStart() {
    runner
        .withPropertyValues(
            "keyward.filter.degraded.policy=LAST_KNOWN_GOOD",
            "keyward.filter.degraded.last-known-good-window=24h",
            "keyward.filter.routes[0].pattern=/a/*",
            "keyward.filter.routes[0].degraded-policy=fail-open")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ApiKeyFilter.class));
  }

  @Test
  void cacheSettings() {
    failsNaming(
        "property keyward.cache.ttl: ttl must be more than 0 and at most 60 s",
        "keyward.cache.enabled=true",
        "keyward.cache.ttl=5m");
    failsNaming(
        "property keyward.cache.max-size: maxSize must be",
        "keyward.cache.enabled=true",
        "keyward.cache.max-size=0");
  }

  @Test
  void clientSettings() {
    ApplicationContextRunner client =
        UnkeyEnvironmentTest.withEnvironment(
            new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeywardAutoConfiguration.class)),
            Map.of("UNKEY_ROOT_KEY", UnkeyEnvironmentTest.ROOT_KEY));
    client
        .withPropertyValues("keyward.retry.max-attempts=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("property keyward.retry.max-attempts: maxAttempts"));
    client
        .withPropertyValues("keyward.connect-timeout=-1s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("property keyward.connect-timeout: connectTimeout"));
  }
}
