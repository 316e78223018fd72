package dev.keyward.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.PermissionCheck;
import dev.keyward.testing.UnkeyExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's least-privilege check: after this class, billing.permissions must hold exactly what
 * BillingService's calls needed, or the class fails.
 */
class BillingServicePermissionsTest {
  @RegisterExtension static final UnkeyExtension unkey = checkedExtension();

  @Test
  void authorizesValidKeys(InMemoryUnkey unkey) {
    InMemoryUnkey setup = unkey.unrecorded(); // the test's own calls are not the service's
    String apiId = setup.apis().create(CreateApiRequest.of("billing")).apiId();
    CreatedKey key = setup.keys().create(CreateKeyRequest.builder(apiId).build());

    assertThat(new BillingService(unkey).authorize(key.key().reveal())).isTrue();
  }

  private static UnkeyExtension checkedExtension() {
    // readme:begin least-privilege-check
    UnkeyExtension unkey = // @RegisterExtension static final in the test class
        new UnkeyExtension()
            .checking(
                PermissionCheck.declaredIn(Path.of("src/test/resources/billing.permissions"))
                    .productionIds(Map.of("billing", "api_7hK2pQx9")) // test name -> production id
                    .failOnExcess());
    // readme:end least-privilege-check
    return unkey;
  }
}
