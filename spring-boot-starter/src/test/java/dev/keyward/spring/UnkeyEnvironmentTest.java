package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.RootKeyProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The starter reads {@code UNKEY_BASE_URL} and {@code UNKEY_ROOT_KEY} from the process environment
 * (here: a replaced {@code systemEnvironment} property source), as {@code
 * UnkeyHttpClient.fromEnvironment()} does; {@code keyward.*} properties win.
 */
class UnkeyEnvironmentTest {
  static final String ROOT_KEY = "unkey_3ZtestRootKey0123456789";

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(KeywardAutoConfiguration.class));

  static ApplicationContextRunner withEnvironment(
      ApplicationContextRunner runner, Map<String, Object> variables) {
    return runner.withInitializer(
        context ->
            context
                .getEnvironment()
                .getPropertySources()
                .replace(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
  }

  @Test
  void unkeyVariablesConfigureTheClient() {
    withEnvironment(
            runner,
            Map.of(
                "UNKEY_ROOT_KEY", " " + ROOT_KEY + "\n", "UNKEY_BASE_URL", "http://127.0.0.1:9/"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(UnkeyHttpClient.class).baseUrl().toString())
                  .isEqualTo("http://127.0.0.1:9/");
              assertThat(context.getBean(RootKeyProvider.class).current().reveal())
                  .isEqualTo(ROOT_KEY);
            });
  }

  @Test
  void withoutVariablesTheBaseUrlIsUnkeys() {
    withEnvironment(runner, Map.of("UNKEY_ROOT_KEY", ROOT_KEY, "UNKEY_BASE_URL", "  "))
        .run(
            context ->
                assertThat(context.getBean(UnkeyHttpClient.class).baseUrl().toString())
                    .isEqualTo("https://api.unkey.com/"));
  }

  @Test
  void keywardPropertiesWinOverUnkeyVariables() {
    Map<String, Object> variables =
        Map.of("UNKEY_ROOT_KEY", ROOT_KEY, "UNKEY_BASE_URL", "http://127.0.0.1:9/");
    withEnvironment(runner, variables)
        .withPropertyValues("keyward.base-url=http://127.0.0.1:10/")
        .run(
            context ->
                assertThat(context.getBean(UnkeyHttpClient.class).baseUrl().toString())
                    .isEqualTo("http://127.0.0.1:10/"));
    // KEYWARD_BASE_URL is keyward.base-url (relaxed binding), so it wins too.
    withEnvironment(
            runner,
            Map.of(
                "UNKEY_ROOT_KEY",
                ROOT_KEY,
                "UNKEY_BASE_URL",
                "http://127.0.0.1:9/",
                "KEYWARD_BASE_URL",
                "http://127.0.0.1:11/"))
        .run(
            context ->
                assertThat(context.getBean(UnkeyHttpClient.class).baseUrl().toString())
                    .isEqualTo("http://127.0.0.1:11/"));
  }

  @Test
  void rootKeyEnvNamesAnotherVariable() {
    withEnvironment(runner, Map.of("BILLING_UNKEY_KEY", ROOT_KEY))
        .withPropertyValues("keyward.root-key-env=BILLING_UNKEY_KEY")
        .run(
            context ->
                assertThat(context.getBean(RootKeyProvider.class).current().reveal())
                    .isEqualTo(ROOT_KEY));
  }

  @Test
  void missingRootKeyFailsAtStartupNamingTheVariable() {
    // An ordinary property named UNKEY_ROOT_KEY is not the environment: the root key is never a
    // property.
    withEnvironment(runner, Map.of())
        .withPropertyValues("UNKEY_ROOT_KEY=" + ROOT_KEY)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("environment variable UNKEY_ROOT_KEY is not set")
                    .hasMessageContaining("keyward.root-key-file"));
    withEnvironment(runner, Map.of("UNKEY_ROOT_KEY", "has space"))
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .hasStackTraceContaining(
                      "environment variable UNKEY_ROOT_KEY does not hold a key: secret has a"
                          + " whitespace character at index 3");
              StringWriter trace = new StringWriter();
              context.getStartupFailure().printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain("has space");
            });
    withEnvironment(runner, Map.of("UNKEY_ROOT_KEY", ROOT_KEY))
        .withPropertyValues("keyward.root-key-env= ")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("property keyward.root-key-env must name"));
  }

  @Test
  void badBaseUrlFailsAtStartupNamingItsSource() {
    withEnvironment(runner, Map.of("UNKEY_ROOT_KEY", ROOT_KEY, "UNKEY_BASE_URL", "not a url"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith(
                        "environment variable UNKEY_BASE_URL is not an http(s)"));
    withEnvironment(runner, Map.of("UNKEY_ROOT_KEY", ROOT_KEY))
        .withPropertyValues("keyward.base-url=https://api.unkey.com/?x=1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("property keyward.base-url is not an http(s)"));
  }
}
