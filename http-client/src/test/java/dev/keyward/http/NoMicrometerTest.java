package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: without it on the class path, a client (with interceptors
 * and a response callback) builds and calls; and only the builder's Observation methods name it.
 */
class NoMicrometerTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /** Runs in the class loader without Micrometer: builds a client and calls liveness. */
  public static final class Probe implements Function<String, String> {
    /** Creates the probe. */
    public Probe() {}

    @Override
    public String apply(String baseUrl) {
      StringBuilder seen = new StringBuilder();
      UnkeyHttpClient client =
          UnkeyHttpClient.builder()
              .baseUrl(baseUrl)
              .rootKey(dev.keyward.key.Secret.of("unkey_n0M1cr0m3t3rH3r3Abcdefg"))
              .addInterceptor(
                  new CallInterceptor() {
                    @Override
                    public void beforeCall(CallView call) {
                      seen.append("before ");
                    }
                  })
              .build()
              .withOptions(
                  RequestOptions.builder()
                      .onResponse(m -> seen.append("status ").append(m.status()))
                      .build());
      return client.liveness().message() + " " + seen;
    }
  }

  @Test
  void theClientWorksWithoutMicrometerOnTheClassPath() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"message\":\"OK\"}}")
            .build());
    List<URL> urls = new ArrayList<>();
    String path = System.getProperty("java.class.path");
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.contains("micrometer") && !entry.contains("opentelemetry")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    assertThat(path).contains("micrometer-observation"); // the filter removes something real
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("io.micrometer.observation.ObservationRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      @SuppressWarnings("unchecked")
      Function<String, String> probe =
          (Function<String, String>)
              loader.loadClass(Probe.class.getName()).getConstructor().newInstance();
      assertThat(probe.getClass().getClassLoader()).isSameAs(loader);
      assertThat(probe.apply(server.url("/").toString())).isEqualTo("OK before status 200");
    }
  }

  @Test
  void onlyTheObservationBuilderMethodsAndTypesNameMicrometer() {
    List<String> naming = new ArrayList<>();
    for (Class<?> type :
        List.of(
            UnkeyHttpClient.class,
            UnkeyHttpClient.Builder.class,
            RequestOptions.class,
            RequestOptions.Builder.class,
            CallInterceptor.class,
            ResponseMetadata.class)) {
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())
            && (m.getReturnType().getName().startsWith("io.micrometer")
                || Arrays.stream(m.getParameterTypes())
                    .anyMatch(
                        p ->
                            p.getName().startsWith("io.micrometer")
                                || p.getSimpleName().contains("Observation")))) {
          naming.add(type.getSimpleName() + "." + m.getName());
        }
      }
    }
    assertThat(naming)
        .containsExactlyInAnyOrder(
            "Builder.observationRegistry",
            "Builder.callObservationConvention",
            "Builder.attemptObservationConvention");
  }
}
