package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Verification;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UnkeyExtensionTest {
  @RegisterExtension static final UnkeyExtension extension = new UnkeyExtension();

  @Test
  void customerStyleUnitTest(InMemoryUnkey unkey, TestClock clock) {
    String apiId = unkey.apis().create(CreateApiRequest.of("my-api")).apiId();
    CreatedKey key =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .expires(clock.instant().plus(Duration.ofDays(1)))
                    .build());
    assertThat(unkey.keys().verify(key.key()).valid()).isTrue();
    clock.advance(Duration.ofDays(2));
    assertThat(unkey.keys().verify(key.key()).code()).isEqualTo(Verification.Code.EXPIRED);
  }

  @Test
  void clientTalksToTheSameWorkspaceThroughTheServer(
      InMemoryUnkey unkey, FakeUnkeyServer server, UnkeyHttpClient client) {
    String apiId = unkey.apis().create(CreateApiRequest.of("my-api")).apiId();
    CreatedKey key = client.keys().create(CreateKeyRequest.builder(apiId).build());
    assertThat(unkey.keys().verify(key.key()).valid()).isTrue();
    assertThat(server.url()).startsWith("http://127.0.0.1:");
  }

  @Test
  void eachTestGetsAFreshClock(TestClock clock) {
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    clock.sleep(Duration.ofHours(1));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T01:00:00Z"));
  }
}
