package dev.keyward.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import dev.keyward.permission.PermissionSet;
import dev.keyward.permission.ResourceIds;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.Fault;
import dev.keyward.testing.InMemoryUnkey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the README's snippets that need no environment against the fakes. */
class ReadmeSnippetsRunTest {
  private InMemoryUnkey admin;
  private String apiId;

  @BeforeEach
  void workspace() {
    admin = InMemoryUnkey.builder().build();
    apiId = admin.apis().create(CreateApiRequest.of("billing")).apiId();
  }

  private Unkey serviceWith(String... permissions) {
    Secret key = admin.rootKeys().create(CreateRootKeyRequest.of(List.of(permissions))).key();
    return admin.withRootKey(key);
  }

  private List<String> createKeyLog(Unkey service, String api) {
    ClientSnippets snippets = new ClientSnippets(api, "key_unused", Secret.of("sk_unused"));
    snippets.createKey(service, admin);
    return snippets.log.lines();
  }

  @Test
  void createKeyWithoutCreateKeyIsAMasked404ThatTheReaderTellsFromAMissingApi() {
    Unkey service = serviceWith("api." + apiId + ".verify_key");
    CreateKeyRequest request = CreateKeyRequest.builder(apiId).recoverable(true).build();
    assertThatThrownBy(() -> service.keys().create(request))
        .isExactlyInstanceOf(NotFoundException.class);

    assertThat(createKeyLog(service, apiId))
        .containsExactly("WARN root key needs " + Operation.KEYS_CREATE_KEY.requirement(apiId));
    assertThat(createKeyLog(service, "api_doesNotExist1"))
        .containsExactly("WARN API api_doesNotExist1 does not exist");
    assertThat(admin.apis().listKeys(ListKeysRequest.of(apiId)).items()).isEmpty();
  }

  @Test
  void createKeyWithoutEncryptKeyIsA403NamingWhatIsMissing() {
    Unkey service = serviceWith("api." + apiId + ".create_key");

    assertThat(createKeyLog(service, apiId))
        .containsExactly(
            "WARN root key needs "
                + Operation.KEYS_CREATE_KEY.requirement(
                    apiId,
                    EnumSet.of(Operation.Condition.RECOVERABLE),
                    // the fake's 403 names the handler's query, resource-name legs included
                    ResourceIds.keyspace(admin.workspaceId(), admin.keyspaceId(apiId))));
    assertThat(admin.apis().listKeys(ListKeysRequest.of(apiId)).items()).isEmpty();

    Unkey enough = serviceWith("api." + apiId + ".create_key", "api." + apiId + ".encrypt_key");
    assertThat(createKeyLog(enough, apiId)).isEmpty();
    assertThat(admin.apis().listKeys(ListKeysRequest.of(apiId)).items()).hasSize(1);
  }

  @Test
  void aCreateKeyWhoseAnswerWasLostIsReportedAndNotRepeated() {
    try (FakeUnkeyServer server = FakeUnkeyServer.start(admin)) {
      server.inject(Fault.drop().after().on(Operation.KEYS_CREATE_KEY));
      Unkey client =
          UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(admin.bootstrapKey()).build();

      assertThat(createKeyLog(client, apiId))
          .containsExactly("WARN createKey may have run: list the API's keys before you retry");
      assertThat(admin.apis().listKeys(ListKeysRequest.of(apiId)).items()).hasSize(1);
    }
  }

  @Test
  void leastPrivilegeBlockComputesTheGrantForBothUses() {
    List<Object> values = UsageSnippets.leastPrivilege();
    PermissionSet minimal = (PermissionSet) values.get(0);

    assertThat(minimal.asStrings())
        .containsExactlyInAnyOrder("api.api_7hK2pQx9.verify_key", "api.api_7hK2pQx9.create_key");
    PermissionQuery query = (PermissionQuery) values.get(1);
    assertThat(query.evaluate(Set.of("documents.read", "admin"))).isTrue();
    assertThat(query.evaluate(Set.of("documents.read"))).isFalse();
  }
}
