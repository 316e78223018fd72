package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.waiters.Waiters;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code keyward.leak.enabled=true} in a real app on a random port: GitHub's public keys come from
 * {@code keyward.leak.public-keys-url} (a loopback server standing in for api.github.com with a
 * test key pair), keys live in {@link FakeUnkeyServer}, and the API key filter covers {@code /*}.
 */
@SpringBootTest(
    classes = {ProtectedApp.class, KeywardLeakEndpointTest.RootKey.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "keyward.retry.enabled=false",
      "keyward.leak.enabled=true",
      "keyward.leak.api-key-prefixes=sk_live",
    })
class KeywardLeakEndpointTest {
  static final String KEY_ID = "test-key-1";
  static FakeUnkeyServer fake;
  static HttpServer github;
  static KeyPair pair;
  static final AtomicInteger documentFetches = new AtomicInteger();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) throws Exception {
    if (fake == null) {
      fake = FakeUnkeyServer.start();
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      pair = g.generateKeyPair();
      String pem =
          "-----BEGIN PUBLIC KEY-----\\n"
              + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
              + "\\n-----END PUBLIC KEY-----";
      byte[] document =
          ("{\"public_keys\":[{\"key_identifier\":\""
                  + KEY_ID
                  + "\",\"key\":\""
                  + pem
                  + "\",\"is_current\":true}]}")
              .getBytes(StandardCharsets.UTF_8);
      github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      github.createContext(
          "/meta/public_keys/secret_scanning",
          x -> {
            documentFetches.incrementAndGet();
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, document.length);
            x.getResponseBody().write(document);
            x.close();
          });
      github.start();
    }
    registry.add("keyward.base-url", fake::url);
    registry.add(
        "keyward.leak.public-keys-url",
        () ->
            "http://127.0.0.1:"
                + github.getAddress().getPort()
                + "/meta/public_keys/secret_scanning");
  }

  @AfterAll
  static void stop() {
    if (github != null) {
      github.stop(0);
    }
    if (fake != null) {
      fake.close();
    }
  }

  @TestConfiguration
  static class RootKey {
    @Bean
    RootKeyProvider testRootKey() {
      return RootKeyProvider.of(fake.bootstrapKey());
    }
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  Secret liveKey() {
    String apiId = fake.unkey().apis().create(CreateApiRequest.of("payments")).apiId();
    return fake.unkey()
        .keys()
        .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
        .key();
  }

  HttpResponse<String> post(byte[] body, String signature) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/keyward/secret-scanning"))
            .header("Content-Type", "application/json")
            .header("Github-Public-Key-Identifier", KEY_ID)
            .header("Github-Public-Key-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static byte[] report(Secret key) {
    return ("[{\"token\":\""
            + key.reveal()
            + "\",\"type\":\"acme_api_key\",\"url\":\"https://github.com/o/r/blob/a/f\","
            + "\"source\":\"content\"}]")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String sign(byte[] body) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  @Test
  void signedReportRevokesTheKeyWithoutAnApiKeyOrCsrfToken() throws Exception {
    Secret key = liveKey();
    byte[] body = report(key);
    HttpResponse<String> r = post(body, sign(body));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"label\":\"true_positive\"").doesNotContain(key.reveal());
    assertThat(
            Waiters.of(fake.unkey()).timeout(Duration.ofSeconds(20)).awaitRevoked(key).lastState())
        .isEqualTo("NOT_FOUND");
    assertThat(documentFetches.get()).isPositive();
  }

  @Test
  void unsignedReportIs401AndTheKeyLives() throws Exception {
    Secret key = liveKey();
    byte[] body = report(key);
    byte[] other = report(liveKey());
    assertThat(post(body, sign(other)).statusCode()).isEqualTo(401);
    Thread.sleep(200); // a playbook wrongly started would have deleted the key by now
    assertThat(fake.unkey().keys().verify(key).code()).isEqualTo(Verification.Code.VALID);
  }

  @Test
  void theRestOfTheAppStillNeedsAKey() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/documents/list"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
