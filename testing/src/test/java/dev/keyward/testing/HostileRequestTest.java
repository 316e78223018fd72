package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.CreateApiRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile client sends {@link FakeUnkeyServer} malformed request bodies that hide a key in names,
 * wrong-typed values and deep nesting: every one is answered 400 with a body that never echoes the
 * key, and the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestTest {
  static final String KEY = "sk_live_3ZZ8mN5dYk1TGQ7vWz2pLhXx";
  static final String K = "\"" + KEY + "\"";

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeUnkeyServer server;
  private String apiId;

  /** One hostile request: operation and body. */
  record Probe(String op, String body) {
    @Override
    public String toString() {
      return op + " " + (body.length() > 80 ? body.substring(0, 80) + "…" : body);
    }
  }

  @BeforeAll
  void start() {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    server = FakeUnkeyServer.start(unkey);
    apiId = unkey.apis().create(CreateApiRequest.of("hostile")).apiId();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static List<Probe> probes() {
    List<Probe> out = new ArrayList<>();
    String deepObjects = ("{" + K + ":").repeat(10_000) + "1" + "}".repeat(10_000);
    String deepArrays = "[".repeat(10_000) + K + "]".repeat(10_000);
    String at65 = ("{" + K + ":").repeat(64) + "{}" + "}".repeat(64);
    for (String op : List.of("keys.verifyKey", "keys.createKey", "keys.getKey", "keys.updateKey")) {
      out.add(new Probe(op, "{" + K + ":1,"));
      out.add(new Probe(op, "{" + K + ":" + deepObjects + "}"));
      out.add(new Probe(op, "{" + K + ":" + deepArrays + "}"));
      out.add(new Probe(op, "{\"x\":" + at65 + "}"));
      out.add(new Probe(op, "{" + K + ":1} " + K));
      out.add(new Probe(op, "{" + K + ":\"\\uZZZZ\"}"));
      out.add(new Probe(op, "{" + K + ":" + "9".repeat(65) + "}"));
      out.add(new Probe(op, "{" + K + ":1e99999999999}"));
      out.add(new Probe(op, "[" + K + "]"));
      out.add(new Probe(op, K));
      out.add(new Probe(op, ""));
      out.add(new Probe(op, "{'" + KEY + "':1}"));
    }
    out.add(new Probe("keys.verifyKey", "{\"key\":{" + K + ":1}}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":[" + K + "]}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":\"" + KEY + " \"}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"tags\":" + K + "}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"credits\":{\"cost\":" + K + "}}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"credits\":{\"cost\":1.5}}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"ratelimits\":[{" + K + ":1}]}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"key\":7}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"permissions\":{" + K + ":1}}"));
    out.add(new Probe("keys.verifyKey", "{\"key\":" + K + ",\"permissions\":\"(" + KEY + "\"}"));
    out.add(new Probe("keys.getKey", "{\"keyId\":{" + K + ":" + K + "}}"));
    out.add(new Probe("keys.createKey", "{\"apiId\":" + K + ",\"prefix\":" + K + "}"));
    out.add(new Probe("keys.createKey", "{\"apiId\":\"a\",\"meta\":" + K + "}"));
    out.add(new Probe("keys.createKey", "{\"apiId\":\"a\",\"meta\":" + at65 + "}"));
    out.add(new Probe("keys.createKey", "{\"apiId\":\"a\",\"expires\":" + K + "}"));
    out.add(new Probe("keys.createKey", "{\"apiId\":\"a\",\"roles\":[" + K + ",1]}"));
    out.add(new Probe("keys.updateKey", "{\"keyId\":\"k\",\"name\":{" + K + ":1}}"));
    out.add(new Probe("keys.updateCredits", "{\"keyId\":\"k\",\"operation\":" + K + "}"));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void hostileBodyIs400WithoutTheKeyAndTheServerKeepsServing(Probe probe) throws Exception {
    HttpResponse<String> r = post(probe.op(), probe.body());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"errors\":[").doesNotContain(KEY, "3ZZ8mN5d");

    HttpResponse<String> next = post("keys.createKey", "{\"apiId\":\"" + apiId + "\"}");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
  }

  private HttpResponse<String> post(String op, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + "/v2/" + op))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + server.bootstrapKey().reveal())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
