package dev.keyward.spring;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The path of the secret-scanning endpoint, read straight from the environment so that the API key
 * filter and the security chain can let it through without loading {@code keyward-leak}'s classes.
 */
final class LeakEndpointPath {
  private static final String RECEIVER = "dev.keyward.leak.SecretScanningReceiver";

  private LeakEndpointPath() {}

  /** The endpoint's path when {@code keyward.leak.enabled=true}, else empty. */
  static Optional<String> ifEnabled(Environment environment) {
    Binder binder = Binder.get(environment);
    boolean enabled;
    try {
      enabled = binder.bind("keyward.leak.enabled", Boolean.class).orElse(false);
    } catch (RuntimeException e) {
      throw new IllegalStateException("property keyward.leak.enabled: must be true or false");
    }
    if (!enabled) {
      return Optional.empty();
    }
    if (!ClassUtils.isPresent(RECEIVER, LeakEndpointPath.class.getClassLoader())) {
      throw new IllegalStateException(
          "property keyward.leak.enabled: needs dev.keyward:keyward-leak on the class path");
    }
    return Optional.of(
        checkPath(
            binder.bind("keyward.leak.path", String.class).orElse(LeakProperties.DEFAULT_PATH)));
  }

  /** {@code path} if it is an exact servlet path; else a startup failure naming the property. */
  static String checkPath(@Nullable String path) {
    boolean ok =
        path != null
            && path.length() > 1
            && path.length() <= 200
            && path.startsWith("/")
            && !path.contains("//");
    for (int i = 0; ok && i < path.length(); i++) {
      char c = path.charAt(i);
      ok = c > ' ' && c < 127 && c != '*' && c != '?' && c != '#' && c != '%' && c != ';';
    }
    if (!ok) {
      throw new IllegalStateException(
          "property keyward.leak.path: must be an exact path of 2 to 200 characters starting with /"
              + " (no wildcard, query, fragment, ; or %)");
    }
    return path;
  }
}
