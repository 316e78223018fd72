package dev.keyward.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.hygiene.Finding.Kind;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KeyHygiene}'s root-key checks over Unkey's resource permissions ({@code unkey:v1:…}). */
class ResourcePermissionHygieneTest {
  @Test
  void wideResourcePermissionsAreWildcards_scopedOnesAreNot() {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String api = unkey.apis().create(CreateApiRequest.of("billing")).apiId();
    String prefix = "unkey:v1:" + unkey.workspaceId() + ":keyspaces/";
    String ks = unkey.keyspaceId(api);
    List<String> wide =
        List.of(
            prefix + "*/keys/*#read_key",
            prefix + ks + "/**#update_key",
            "unkey:v1:" + unkey.workspaceId() + ":**#*");
    List<String> scoped = List.of(prefix + ks + "#create_key", prefix + ks + "/keys/*#verify_key");
    String wideKey = rootKey(unkey, wide);
    String scopedKey = rootKey(unkey, scoped);

    HygieneReport report =
        KeyHygiene.scan(
            unkey,
            List.of(api),
            HygieneOptions.builder()
                .only(Kind.ROOT_KEY_WILDCARD_PERMISSION, Kind.ROOT_KEY_UNUSED_PERMISSION)
                .build());

    assertThat(report.findings())
        .filteredOn(f -> f.keyId().equals(wideKey))
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.ROOT_KEY_WILDCARD_PERMISSION))
        .satisfies(f -> assertThat(f.permissions()).containsExactlyInAnyOrderElementsOf(wide));
    assertThat(report.findings()).noneMatch(f -> f.keyId().equals(scopedKey));
  }

  private static String rootKey(InMemoryUnkey unkey, List<String> permissions) {
    return unkey.rootKeys().create(CreateRootKeyRequest.of(permissions)).keyId();
  }
}
