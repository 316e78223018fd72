package dev.keyward.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import dev.keyward.testing.UnkeyExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The README's JUnit block, run as it stands.
// readme:begin junit-test
class BillingServiceTest {
  @RegisterExtension static final UnkeyExtension unkey = new UnkeyExtension();

  @Test
  void rejectsExpiredKeys(InMemoryUnkey unkey, TestClock clock) {
    String apiId = unkey.apis().create(CreateApiRequest.of("billing")).apiId();
    Instant expires = clock.instant().plus(Duration.ofDays(30));
    CreatedKey key = unkey.keys().create(CreateKeyRequest.builder(apiId).expires(expires).build());
    BillingService service = new BillingService(unkey); // takes any Unkey

    assertThat(service.authorize(key.key().reveal())).isTrue();
    clock.advance(Duration.ofDays(31));
    assertThat(service.authorize(key.key().reveal())).isFalse();
  }
}
// readme:end junit-test
