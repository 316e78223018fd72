package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Unkey;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatePermissionRequest;
import dev.keyward.model.CreateRoleRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.GetOverrideRequest;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.model.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace saved by one standalone server and loaded by the next answers exactly as before. */
class SnapshotRoundTripTest {
  @TempDir Path dir;

  private StandaloneServer start(String... args) {
    return StandaloneServer.start(
        ServerOptions.parse(args, Map.of()), Clock.systemUTC(), System.err);
  }

  private static Unkey client(StandaloneServer s) {
    return UnkeyHttpClient.builder()
        .baseUrl(s.server().url())
        .rootKey(s.server().bootstrapKey())
        .retryPolicy(RetryPolicy.none())
        .noHttpLogging()
        .build();
  }

  @Test
  void keysApisRolesCreditsAndOverridesSurviveARestart() throws Exception {
    Path file = dir.resolve("state.json");
    StandaloneServer first = start("--state", file.toString());
    Unkey c = client(first);
    String apiId = c.apis().create(CreateApiRequest.of("billing")).apiId();
    c.permissions().createPermission(CreatePermissionRequest.of("Read", "documents.read"));
    c.permissions()
        .createRole(
            CreateRoleRequest.builder("reader").permissions(List.of("documents.read")).build());
    CreatedKey key =
        c.keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .externalId("user_1")
                    .credits(Credits.of(5))
                    .roles(List.of("reader"))
                    .meta(Map.of("plan", "pro", "seats", 3, "ratio", 0.5))
                    .build());
    CreatedKey recoverable =
        c.keys().create(CreateKeyRequest.builder(apiId).recoverable(true).build());
    CreatedKey root = c.rootKeys().create(CreateRootKeyRequest.of(List.of("api.*.verify_key")));
    c.ratelimits().limit(LimitRequest.of("emails", "user_1", 10, Duration.ofMinutes(1)));
    c.ratelimits().setOverride(SetOverrideRequest.of("emails", "user_1", 7, Duration.ofMinutes(1)));
    assertThat(c.keys().verify(key.key()).credits()).isEqualTo(4L);
    Secret bootstrap = first.server().bootstrapKey();

    assertThat(first.stop()).isEqualTo("FakeUnkeyServer stopped; state saved to " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    StandaloneServer second = start("--state", file.toString());
    try {
      assertThat(second.server().bootstrapKey().reveal()).isEqualTo(bootstrap.reveal());
      Unkey c2 = client(second);
      Verification v = c2.keys().verify(key.key());
      assertThat(v.valid()).isTrue();
      assertThat(v.credits()).isEqualTo(3L);
      assertThat(v.roles()).containsExactly("reader");
      assertThat(v.permissions()).containsExactly("documents.read");
      assertThat(v.identity()).isNotNull();
      assertThat(v.identity().externalId()).isEqualTo("user_1");
      assertThat(v.meta()).containsEntry("plan", "pro").containsEntry("seats", 3L);
      assertThat(v.meta().get("ratio").toString()).isEqualTo("0.5");
      assertThat(c2.keys().verify(Secret.of(key.key().reveal() + "x")).valid()).isFalse();
      assertThat(
              c2.keys()
                  .get(GetKeyRequest.builder(recoverable.keyId()).decrypt(true).build())
                  .plaintext()
                  .reveal())
          .isEqualTo(recoverable.key().reveal());
      assertThat(c2.ratelimits().getOverride(GetOverrideRequest.of("emails", "user_1")).limit())
          .isEqualTo(7);
      Unkey asRoot = c2.withRootKey(root.key());
      assertThat(asRoot.keys().verify(key.key()).valid()).isTrue();
    } finally {
      second.stop();
    }
  }

  @Test
  void rootKeyFlagReplacesTheSnapshotsBootstrapKey() {
    Path file = dir.resolve("state.json");
    StandaloneServer first = start("--state", file.toString());
    String apiId = client(first).apis().create(CreateApiRequest.of("billing")).apiId();
    Secret old = first.server().bootstrapKey();
    first.stop();

    StandaloneServer second = start("--state", file.toString(), "--root-key", "unkey_replaced1");
    try {
      assertThat(second.server().bootstrapKey().reveal()).isEqualTo("unkey_replaced1");
      assertThat(client(second).apis().get(apiId).name()).isEqualTo("billing");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> second.server().unkey().as(old).apis().get(apiId))
          .isInstanceOf(dev.keyward.UnauthorizedException.class);
      assertThat(second.server().unkey().workspace().rootKeysByHash.containsKey(old.hash()))
          .isFalse();
    } finally {
      second.stop();
    }
  }

  @Test
  void snapshotIsWrittenAtStartAndFaultsAndQuotaApply() throws Exception {
    Path file = dir.resolve("fresh.json");
    StandaloneServer s =
        start(
            "--state", file.toString(),
            "--fault", "apis.createApi=503:x1",
            "--workspace-rate-limit", "1000/1s");
    try {
      assertThat(Files.readString(file)).contains("\"version\": 1");
      Unkey c = client(s);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> c.apis().create(CreateApiRequest.of("first")))
          .isInstanceOf(dev.keyward.UnkeyException.class);
      assertThat(c.apis().create(CreateApiRequest.of("second")).apiId()).startsWith("api_");
    } finally {
      s.stop();
    }
  }
}
