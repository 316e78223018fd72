package dev.keyward.spring;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Where the starter's client gets its base URL and root key: the {@code keyward.*} properties
 * first, then {@code UNKEY_BASE_URL} and {@code UNKEY_ROOT_KEY}, read from the process environment
 * as {@link UnkeyHttpClient#fromEnvironment()} reads them (blank means unset, surrounding
 * whitespace is stripped). The process environment is Spring's {@code systemEnvironment} property
 * source, so tests can replace it; other property sources never supply these variables.
 */
final class UnkeyEnvironment {
  private final Environment environment;

  UnkeyEnvironment(Environment environment) {
    this.environment = environment;
  }

  /**
   * {@code keyward.base-url} if set, else {@code UNKEY_BASE_URL} if set, else Unkey's API.
   *
   * @throws IllegalStateException naming the property or variable when it is not an http(s) URL
   *     without user info, query or fragment
   */
  String baseUrl(@Nullable String property) {
    String source = "property keyward.base-url";
    String value = property;
    if (value == null || value.isBlank()) {
      source = "environment variable " + UnkeyHttpClient.BASE_URL_VARIABLE;
      value = variable(UnkeyHttpClient.BASE_URL_VARIABLE);
    }
    if (value == null || value.isBlank()) {
      return UnkeyHttpClient.DEFAULT_BASE_URL;
    }
    String url = value.strip();
    try {
      UnkeyHttpClient.builder().baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          source
              + " is not an http(s) URL without user info, query or fragment, e.g. "
              + UnkeyHttpClient.DEFAULT_BASE_URL);
    }
    return url;
  }

  /**
   * Reads the variable {@code name} on every call, failing as {@link
   * RootKeyProvider#fromEnvironment(String)} does; the messages also name the properties that
   * choose another source.
   */
  RootKeyProvider rootKey(String name) {
    return () -> {
      String value = variable(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(
            "environment variable "
                + name
                + " is not set: set it to an Unkey root key (or set keyward.root-key-file, or"
                + " keyward.root-key-env to another variable's name)");
      }
      try {
        return Secret.of(value.strip());
      } catch (InvalidKeyFormatException e) {
        throw new IllegalStateException(
            "environment variable " + name + " does not hold a key: " + e.getMessage(), e);
      }
    };
  }

  private @Nullable String variable(String name) {
    if (environment instanceof ConfigurableEnvironment configurable) {
      PropertySource<?> system =
          configurable
              .getPropertySources()
              .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
      if (system != null) {
        Object value = system.getProperty(name);
        return value == null ? null : value.toString();
      }
    }
    return System.getenv(name);
  }
}
