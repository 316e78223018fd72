package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreatedKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's class-level check: the sample service's declared permissions must be exactly what
 * these tests' calls needed (strict), or the class fails after its tests.
 */
class UnkeyExtensionPermissionCheckTest {
  @RegisterExtension
  static final UnkeyExtension extension =
      new UnkeyExtension()
          .checking(
              PermissionCheck.declared(DeclaredPermissions.of(KeyIssuingService.DECLARED))
                  .productionIds(Map.of("billing", "api_prod1234"))
                  .failOnExcess());

  private static KeyIssuingService service(InMemoryUnkey unkey) {
    String apiId = unkey.unrecorded().apis().create(CreateApiRequest.of("billing")).apiId();
    return new KeyIssuingService(unkey, apiId);
  }

  @Test
  void issuesAndVerifies(InMemoryUnkey unkey) {
    KeyIssuingService service = service(unkey);
    assertThat(service.valid(service.issue().key())).isTrue();
  }

  @Test
  void rotates(InMemoryUnkey unkey) {
    KeyIssuingService service = service(unkey);
    CreatedKey rotated = service.rotate(service.issue().keyId());
    assertThat(service.valid(rotated.key())).isTrue();
  }
}
