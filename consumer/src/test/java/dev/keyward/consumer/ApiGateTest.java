package dev.keyward.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.UnkeyExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiGateTest {
  @RegisterExtension static final UnkeyExtension unkey = new UnkeyExtension();

  @Test
  void admitsLiveKeyAndRefusesRevokedOne(FakeUnkeyServer server) {
    UnkeyHttpClient client =
        UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(server.bootstrapKey()).build();
    CreatedKey live = createKey(server.unkey());
    CreatedKey revoked = createKey(server.unkey());
    server.unkey().keys().update(UpdateKeyRequest.builder(revoked.keyId()).enabled(false).build());
    ApiGate gate = new ApiGate(client);

    assertThat(gate.admit(live.key().reveal())).isTrue();
    assertThat(gate.admit(revoked.key().reveal())).isFalse();
    assertThat(gate.admit("sk_live_3ZxK9mQ2Lk8pR4tV7wY1")).isFalse();
  }

  @Test
  void logFileHoldsNoPlaintextKey(UnkeyHttpClient client) throws IOException {
    CreatedKey live = createKey(client);
    CreatedKey revoked = createKey(client);
    client.keys().update(UpdateKeyRequest.builder(revoked.keyId()).enabled(false).build());
    ApiGate gate = new ApiGate(client);

    assertThat(gate.admit(live.key().reveal())).isTrue();
    assertThat(gate.admit(revoked.key().reveal())).isFalse();

    String log = Files.readString(Path.of(System.getProperty("consumer.log")));
    assertThat(log)
        .contains("admitted key sk_live_", "refused key sk_live_", "DISABLED")
        .contains("****")
        // with TRACE on, keyward's client logged the createKey answers, which carry the keys
        .contains("/v2/keys.createKey");
    for (CreatedKey key : new CreatedKey[] {live, revoked}) {
      String plaintext = key.key().reveal();
      assertThat(log).doesNotContain(plaintext);
      // not even the part that Unkey's start does not show
      assertThat(log).doesNotContain(plaintext.substring(key.key().start().length()));
    }
  }

  private static CreatedKey createKey(Unkey unkey) {
    String apiId = unkey.apis().create(CreateApiRequest.of("consumer")).apiId();
    return unkey.keys().create(CreateKeyRequest.builder(apiId).prefix("sk_live").build());
  }
}
