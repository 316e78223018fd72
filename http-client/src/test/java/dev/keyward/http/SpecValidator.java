package dev.keyward.http;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks HTTP traffic against Unkey's OpenAPI spec ({@code openapi-3.0.yaml}, found through the
 * system property {@code keyward.openapi}) and, for {@code /v2/rootKeys.*}, against keyward's
 * root-key extension spec on the classpath. Both are loaded once per JVM.
 *
 * <p>When the Unkey spec file is missing, every check is skipped through a JUnit assumption naming
 * the property, unless {@code keyward.openapi.required=true}, when it fails instead.
 */
public final class SpecValidator {
  /** The system property naming Unkey's {@code openapi-3.0.yaml}. */
  public static final String PROPERTY = "keyward.openapi";

  /** The classpath location of keyward's root-key extension spec. */
  public static final String ROOT_KEYS_SPEC = "dev/keyward/http/rootkeys-openapi.yaml";

  private static volatile SpecValidator instance;

  private final OpenApiInteractionValidator unkey;
  private final OpenApiInteractionValidator rootKeys;

  private SpecValidator(OpenApiInteractionValidator unkey, OpenApiInteractionValidator rootKeys) {
    this.unkey = unkey;
    this.rootKeys = rootKeys;
  }

  /**
   * The shared validator, or empty when the spec is missing (fails instead when required): for
   * tests that check behaviour and validate traffic on the side, which still run in a clone without
   * the spec. Tests that check the spec itself use {@link #get()}.
   */
  public static Optional<SpecValidator> ifAvailable() {
    String location = System.getProperty(PROPERTY);
    if (instance == null
        && (location == null || !Files.isRegularFile(Path.of(location)))
        && !Boolean.getBoolean(PROPERTY + ".required")) {
      return Optional.empty();
    }
    return Optional.of(get());
  }

  /**
   * The shared validator; skips (or fails, when required) the calling test if the spec is missing.
   */
  public static SpecValidator get() {
    SpecValidator v = instance;
    if (v != null) {
      return v;
    }
    synchronized (SpecValidator.class) {
      if (instance == null) {
        String location = System.getProperty(PROPERTY);
        boolean required = Boolean.getBoolean(PROPERTY + ".required");
        if (location == null || !Files.isRegularFile(Path.of(location))) {
          String message =
              "Unkey's openapi-3.0.yaml not found: set -D"
                  + PROPERTY
                  + "=/path/to/openapi-3.0.yaml (was "
                  + location
                  + ")";
          if (required) {
            fail(message + " and " + PROPERTY + ".required=true");
          }
          assumeTrue(false, message);
        }
        try {
          String unkeySpec = Files.readString(Path.of(location), StandardCharsets.UTF_8);
          String rootKeySpec;
          try (InputStream in =
              SpecValidator.class.getClassLoader().getResourceAsStream(ROOT_KEYS_SPEC)) {
            if (in == null) {
              throw new AssertionError("missing classpath resource " + ROOT_KEYS_SPEC);
            }
            rootKeySpec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          instance =
              new SpecValidator(
                  OpenApiInteractionValidator.createForInlineApiSpecification(unkeySpec)
                      .withResolveCombinators(true)
                      .build(),
                  OpenApiInteractionValidator.createForInlineApiSpecification(rootKeySpec)
                      .withResolveCombinators(true)
                      .build());
        } catch (IOException e) {
          throw new AssertionError("cannot read the OpenAPI specs", e);
        }
      }
      return instance;
    }
  }

  private OpenApiInteractionValidator forPath(String path) {
    return path.startsWith("/v2/rootKeys.") ? rootKeys : unkey;
  }

  /**
   * Validates a request.
   *
   * @throws AssertionError listing the validator's messages
   */
  public void validateRequest(
      String method, String path, Map<String, String> headers, String body) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
    headers.forEach(b::withHeader);
    if (body != null && !body.isEmpty()) {
      b.withBody(body);
    }
    check("request " + method + " " + path, forPath(path).validateRequest(b.build()));
  }

  /**
   * Validates a response to {@code method path}.
   *
   * @throws AssertionError listing the validator's messages
   */
  public void validateResponse(
      String method, String path, int status, String contentType, String body) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      b.withContentType(contentType);
    }
    if (body != null && !body.isEmpty()) {
      b.withBody(body);
    }
    Request.Method m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    check(
        "response " + status + " to " + method + " " + path,
        forPath(path).validateResponse(path, m, b.build()));
  }

  private static void check(String what, ValidationReport report) {
    if (report.hasErrors()) {
      String messages =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .map(m -> "  " + m.getKey() + ": " + m.getMessage())
              .collect(Collectors.joining("\n"));
      throw new AssertionError(what + " does not match the OpenAPI spec:\n" + messages);
    }
  }
}
