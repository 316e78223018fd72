package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.leak.SecretScanningReceiver;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * By default (keyward-leak on the class path, nothing set) there is no secret-scanning endpoint:
 * its path is an ordinary missing page behind the API key filter.
 */
@SpringBootTest(
    classes = {ProtectedApp.class, KeywardLeakDisabledTest.RootKey.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "keyward.retry.enabled=false")
class KeywardLeakDisabledTest {
  static FakeUnkeyServer fake;

  @DynamicPropertySource
  static void unkey(DynamicPropertyRegistry registry) {
    if (fake == null) {
      fake = FakeUnkeyServer.start();
    }
    registry.add("keyward.base-url", fake::url);
  }

  @AfterAll
  static void stop() {
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
  @Autowired ApplicationContext context;

  @Test
  void noEndpointByDefault() throws Exception {
    assertThat(context.getBeanNamesForType(SecretScanningReceiver.class)).isEmpty();
    String apiId = fake.unkey().apis().create(CreateApiRequest.of("documents")).apiId();
    Secret key =
        fake.unkey().keys().create(CreateKeyRequest.builder(apiId).prefix("sk").build()).key();
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + port + "/keyward/secret-scanning");

    HttpResponse<String> withKey =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key.reveal())
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> withoutKey =
        http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(withKey.statusCode()).isEqualTo(404);
    assertThat(withoutKey.statusCode()).isEqualTo(401); // the filter is not opened for it
  }
}
