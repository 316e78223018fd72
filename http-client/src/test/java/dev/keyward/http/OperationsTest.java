package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.*;
import dev.keyward.http.internal.OperationCodec;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.model.*;
import dev.keyward.permission.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per operation: the call, the exact JSON body it must send, a literal canned answer and
 * what must be read from it. Every request and answer is validated against the OpenAPI specs, and
 * the shared codecs must decode and re-encode both bodies byte for byte (what FakeUnkeyServer
 * relies on).
 */
class OperationsTest {
  record Case(
      Operation op,
      Function<Unkey, Object> call,
      String body,
      String answer,
      Consumer<Object> check) {
    @Override
    public String toString() {
      return op.wireName();
    }
  }

  static final String KEY_INFO =
      "{\"keyId\":\"key_12345678\",\"start\":\"sk_abcd\",\"enabled\":true,\"name\":\"acme\","
          + "\"meta\":{\"n\":1},\"createdAt\":1700000000000,\"expires\":1900000000000,\"permissions\":[\"documents.read\"],"
          + "\"roles\":[\"reader\"],\"credits\":{\"remaining\":5,\"refill\":{\"interval\":\"daily\",\"amount\":5}},"
          + "\"identity\":{\"id\":\"id_1\",\"externalId\":\"user_42\"},"
          + "\"ratelimits\":[{\"id\":\"rl_12345678\",\"name\":\"requests\",\"limit\":10,\"duration\":1000,\"autoApply\":true}]}";
  static final String PERMISSION =
      "{\"id\":\"perm_1\",\"name\":\"Read\",\"slug\":\"documents.read\",\"description\":\"d\"}";
  static final String ROLE =
      "{\"id\":\"role_1\",\"name\":\"reader\",\"description\":\"r\",\"permissions\":["
          + PERMISSION
          + "]}";
  static final String IDENTITY =
      "{\"id\":\"id_1\",\"externalId\":\"user_42\",\"meta\":{\"plan\":\"pro\"},"
          + "\"ratelimits\":[{\"id\":\"rl_12345678\",\"name\":\"requests\",\"limit\":10,\"duration\":60000,\"autoApply\":false}]}";
  static final String OVERRIDE =
      "{\"overrideId\":\"rlor_1\",\"duration\":60000,\"identifier\":\"user_42\",\"limit\":5}";
  static final String ROOT_KEY =
      "{\"keyId\":\"key_root1\",\"start\":\"unkey_3ZZ8\",\"name\":\"deploy\","
          + "\"permissions\":[\"api.*.verify_key\"],\"createdAt\":1700000000000}";
  static final String PAGINATION = ",\"pagination\":{\"cursor\":\"next_1\",\"hasMore\":true}";

  static String data(String id, String data) {
    return "{\"meta\":{\"requestId\":\"" + id + "\"},\"data\":" + data + "}";
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            Operation.KEYS_CREATE_KEY,
            u -> u.keys().create(CreateKeyRequest.builder("api_123").name("n").build()),
            "{\"apiId\":\"api_123\",\"name\":\"n\"}",
            data("req_1", "{\"keyId\":\"key_1\",\"key\":\"sk_abcdefgh12\"}"),
            v -> assertThat(((CreatedKey) v).keyId()).isEqualTo("key_1")),
        new Case(
            Operation.KEYS_VERIFY_KEY,
            u -> u.keys().verify("sk_abcdefgh12"),
            "{\"key\":\"sk_abcdefgh12\"}",
            data("req_1", "{\"valid\":false,\"code\":\"DISABLED\",\"keyId\":\"key_1\"}"),
            v -> assertThat(((Verification) v).code()).isEqualTo(Verification.Code.DISABLED)),
        new Case(
            Operation.KEYS_GET_KEY,
            u -> u.keys().get(GetKeyRequest.builder("key_1").decrypt(true).build()),
            "{\"keyId\":\"key_1\",\"decrypt\":true}",
            data("req_1", KEY_INFO),
            v -> {
              KeyInfo k = (KeyInfo) v;
              assertThat(k.credits().refill().interval()).isEqualTo(Refill.Interval.DAILY);
              assertThat(k.identity().externalId()).isEqualTo("user_42");
              assertThat(k.ratelimits())
                  .singleElement()
                  .satisfies(r -> assertThat(r.id()).isEqualTo("rl_12345678"));
            }),
        new Case(
            Operation.KEYS_WHOAMI,
            u -> u.keys().whoami("sk_abcdefgh12"),
            "{\"key\":\"sk_abcdefgh12\"}",
            data("req_1", KEY_INFO),
            v ->
                assertThat(((KeyInfo) v).createdAt())
                    .isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L))),
        new Case(
            Operation.KEYS_UPDATE_KEY,
            u ->
                u.keys()
                    .update(
                        UpdateKeyRequest.builder("key_1")
                            .clearName()
                            .externalId("user_42")
                            .clearMeta()
                            .expires(Instant.ofEpochMilli(1_900_000_000_000L))
                            .credits(CreditsUpdate.unlimited())
                            .enabled(false)
                            .roles(List.of())
                            .build()),
            "{\"keyId\":\"key_1\",\"name\":null,\"externalId\":\"user_42\",\"meta\":null,\"expires\":1900000000000,"
                + "\"credits\":{\"remaining\":null},\"enabled\":false,\"roles\":[]}",
            data("req_1", "{}"),
            v -> assertThat(((Ack) v).requestId()).isEqualTo("req_1")),
        new Case(
            Operation.KEYS_UPDATE_CREDITS,
            u -> u.keys().updateCredits(UpdateCreditsRequest.increment("key_1", 5)),
            "{\"keyId\":\"key_1\",\"value\":5,\"operation\":\"increment\"}",
            data("req_1", "{\"remaining\":15}"),
            v -> assertThat(((UpdatedCredits) v).credits().remaining()).isEqualTo(15L)),
        new Case(
            Operation.KEYS_DELETE_KEY,
            u -> u.keys().delete("key_1"),
            "{\"keyId\":\"key_1\"}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)),
        new Case(
            Operation.KEYS_REROLL_KEY,
            u -> u.keys().reroll(RerollKeyRequest.of("key_1", Duration.ofHours(1))),
            "{\"keyId\":\"key_1\",\"expiration\":3600000}",
            data("req_1", "{\"keyId\":\"key_2\",\"key\":\"sk_newkey12345\"}"),
            v -> assertThat(((CreatedKey) v).keyId()).isEqualTo("key_2")),
        new Case(
            Operation.KEYS_MIGRATE_KEYS,
            u ->
                u.keys()
                    .migrate(
                        MigrateKeysRequest.of(
                            "mig_1",
                            "api_123",
                            List.of(MigratedKey.builder("aGFzaA==").name("old").build()))),
            "{\"migrationId\":\"mig_1\",\"apiId\":\"api_123\",\"keys\":[{\"hash\":\"aGFzaA==\",\"name\":\"old\"}]}",
            data(
                "req_1",
                "{\"migrated\":[{\"hash\":\"aGFzaA==\",\"keyId\":\"key_9\"}],\"failed\":[]}"),
            v ->
                assertThat(((MigrationResult) v).migrated())
                    .singleElement()
                    .satisfies(m -> assertThat(m.keyId()).isEqualTo("key_9"))),
        new Case(
            Operation.KEYS_ADD_PERMISSIONS,
            u ->
                u.keys()
                    .addPermissions(AddPermissionsRequest.of("key_1", List.of("documents.read"))),
            "{\"keyId\":\"key_1\",\"permissions\":[\"documents.read\"]}",
            data("req_1", "[" + PERMISSION + "]"),
            v ->
                assertThat(((AssignedPermissions) v).permissions())
                    .singleElement()
                    .satisfies(p -> assertThat(p.slug()).isEqualTo("documents.read"))),
        new Case(
            Operation.KEYS_REMOVE_PERMISSIONS,
            u ->
                u.keys()
                    .removePermissions(
                        RemovePermissionsRequest.of("key_1", List.of("documents.read"))),
            "{\"keyId\":\"key_1\",\"permissions\":[\"documents.read\"]}",
            data("req_1", "[]"),
            v -> assertThat(((AssignedPermissions) v).permissions()).isEmpty()),
        new Case(
            Operation.KEYS_SET_PERMISSIONS,
            u ->
                u.keys()
                    .setPermissions(SetPermissionsRequest.of("key_1", List.of("documents.read"))),
            "{\"keyId\":\"key_1\",\"permissions\":[\"documents.read\"]}",
            data("req_1", "[" + PERMISSION + "]"),
            v -> assertThat(((AssignedPermissions) v).requestId()).isEqualTo("req_1")),
        new Case(
            Operation.KEYS_ADD_ROLES,
            u -> u.keys().addRoles(AddRolesRequest.of("key_1", List.of("reader"))),
            "{\"keyId\":\"key_1\",\"roles\":[\"reader\"]}",
            data("req_1", "[" + ROLE + "]"),
            v ->
                assertThat(((AssignedRoles) v).roles())
                    .singleElement()
                    .satisfies(r -> assertThat(r.permissions()).hasSize(1))),
        new Case(
            Operation.KEYS_REMOVE_ROLES,
            u -> u.keys().removeRoles(RemoveRolesRequest.of("key_1", List.of("reader"))),
            "{\"keyId\":\"key_1\",\"roles\":[\"reader\"]}",
            data("req_1", "[]"),
            v -> assertThat(((AssignedRoles) v).roles()).isEmpty()),
        new Case(
            Operation.KEYS_SET_ROLES,
            u -> u.keys().setRoles(SetRolesRequest.of("key_1", List.of("reader"))),
            "{\"keyId\":\"key_1\",\"roles\":[\"reader\"]}",
            data("req_1", "[" + ROLE + "]"),
            v -> assertThat(((AssignedRoles) v).requestId()).isEqualTo("req_1")),
        new Case(
            Operation.APIS_CREATE_API,
            u -> u.apis().create(CreateApiRequest.of("payments")),
            "{\"name\":\"payments\"}",
            data("req_1", "{\"apiId\":\"api_99999999\"}"),
            v -> assertThat(((CreatedApi) v).apiId()).isEqualTo("api_99999999")),
        new Case(
            Operation.APIS_GET_API,
            u -> u.apis().get("api_1234567"),
            "{\"apiId\":\"api_1234567\"}",
            data("req_1", "{\"id\":\"api_1234567\",\"name\":\"payments\"}"),
            v -> assertThat(((ApiInfo) v).name()).isEqualTo("payments")),
        new Case(
            Operation.APIS_LIST_KEYS,
            u ->
                u.apis()
                    .listKeys(ListKeysRequest.builder("api_123").limit(10).cursor("c_1").build()),
            "{\"apiId\":\"api_123\",\"limit\":10,\"cursor\":\"c_1\"}",
            "{\"meta\":{\"requestId\":\"req_1\"},\"data\":[" + KEY_INFO + "]" + PAGINATION + "}",
            v -> {
              @SuppressWarnings("unchecked")
              Page<KeyInfo> p = (Page<KeyInfo>) v;
              assertThat(p.items()).hasSize(1);
              assertThat(p.cursor()).contains("next_1");
              assertThat(p.hasMore()).isTrue();
            }),
        new Case(
            Operation.APIS_DELETE_API,
            u -> u.apis().delete("api_1234567"),
            "{\"apiId\":\"api_1234567\"}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)),
        new Case(
            Operation.PERMISSIONS_CREATE_PERMISSION,
            u ->
                u.permissions()
                    .createPermission(
                        CreatePermissionRequest.builder("Read", "documents.read")
                            .description("d")
                            .build()),
            "{\"name\":\"Read\",\"slug\":\"documents.read\",\"description\":\"d\"}",
            data("req_1", "{\"permissionId\":\"perm_1\"}"),
            v -> assertThat(((CreatedPermission) v).permissionId()).isEqualTo("perm_1")),
        new Case(
            Operation.PERMISSIONS_GET_PERMISSION,
            u -> u.permissions().getPermission(GetPermissionRequest.of("documents.read")),
            "{\"permission\":\"documents.read\"}",
            data("req_1", PERMISSION),
            v -> assertThat(((Permission) v).id()).isEqualTo("perm_1")),
        new Case(
            Operation.PERMISSIONS_LIST_PERMISSIONS,
            u -> u.permissions().listPermissions(ListPermissionsRequest.builder().limit(5).build()),
            "{\"limit\":5}",
            "{\"meta\":{\"requestId\":\"req_1\"},\"data\":[" + PERMISSION + "]" + PAGINATION + "}",
            v -> assertThat(((Page<?>) v).items()).hasSize(1)),
        new Case(
            Operation.PERMISSIONS_DELETE_PERMISSION,
            u -> u.permissions().deletePermission(DeletePermissionRequest.of("perm_1")),
            "{\"permission\":\"perm_1\"}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)),
        new Case(
            Operation.PERMISSIONS_CREATE_ROLE,
            u ->
                u.permissions()
                    .createRole(
                        CreateRoleRequest.builder("reader")
                            .permissions(List.of("documents.read"))
                            .build()),
            "{\"name\":\"reader\",\"permissions\":[\"documents.read\"]}",
            data("req_1", "{\"roleId\":\"role_1\"}"),
            v -> assertThat(((CreatedRole) v).roleId()).isEqualTo("role_1")),
        new Case(
            Operation.PERMISSIONS_GET_ROLE,
            u -> u.permissions().getRole(GetRoleRequest.of("reader")),
            "{\"role\":\"reader\"}",
            data("req_1", ROLE),
            v -> assertThat(((Role) v).name()).isEqualTo("reader")),
        new Case(
            Operation.PERMISSIONS_LIST_ROLES,
            u -> u.permissions().listRoles(ListRolesRequest.builder().search("read").build()),
            "{\"limit\":100,\"search\":\"read\"}",
            "{\"meta\":{\"requestId\":\"req_1\"},\"data\":[" + ROLE + "]" + PAGINATION + "}",
            v -> assertThat(((Page<?>) v).items()).hasSize(1)),
        new Case(
            Operation.PERMISSIONS_DELETE_ROLE,
            u -> u.permissions().deleteRole(DeleteRoleRequest.of("reader")),
            "{\"role\":\"reader\"}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)),
        new Case(
            Operation.PERMISSIONS_SET_ROLE_PERMISSIONS,
            u ->
                u.permissions()
                    .setRolePermissions(
                        SetRolePermissionsRequest.of("role_1", List.of("documents.read"))),
            "{\"roleId\":\"role_1\",\"permissions\":[\"documents.read\"]}",
            data("req_1", "[" + PERMISSION + "]"),
            v -> assertThat(((AssignedPermissions) v).permissions()).hasSize(1)),
        new Case(
            Operation.IDENTITIES_CREATE_IDENTITY,
            u ->
                u.identities()
                    .create(
                        CreateIdentityRequest.builder("user_42")
                            .meta(Map.of("plan", "pro"))
                            .ratelimits(
                                List.of(RateLimit.of("requests", 10, Duration.ofMinutes(1), false)))
                            .build()),
            "{\"externalId\":\"user_42\",\"meta\":{\"plan\":\"pro\"},\"ratelimits\":[{\"name\":\"requests\",\"limit\":10,"
                + "\"duration\":60000,\"autoApply\":false}]}",
            data("req_1", "{\"identityId\":\"id_1\"}"),
            v -> assertThat(((CreatedIdentity) v).identityId()).isEqualTo("id_1")),
        new Case(
            Operation.IDENTITIES_GET_IDENTITY,
            u -> u.identities().get("user_42"),
            "{\"identity\":\"user_42\"}",
            data("req_1", IDENTITY),
            v -> assertThat(((Identity) v).meta()).containsEntry("plan", "pro")),
        new Case(
            Operation.IDENTITIES_LIST_IDENTITIES,
            u ->
                u.identities().list(ListIdentitiesRequest.builder().limit(2).cursor("c_1").build()),
            "{\"limit\":2,\"cursor\":\"c_1\"}",
            "{\"meta\":{\"requestId\":\"req_1\"},\"data\":[" + IDENTITY + "]" + PAGINATION + "}",
            v -> assertThat(((Page<?>) v).items()).hasSize(1)),
        new Case(
            Operation.IDENTITIES_UPDATE_IDENTITY,
            u ->
                u.identities().update(UpdateIdentityRequest.builder("user_42").clearMeta().build()),
            "{\"identity\":\"user_42\",\"meta\":{}}",
            data("req_1", IDENTITY),
            v -> assertThat(((Identity) v).id()).isEqualTo("id_1")),
        new Case(
            Operation.IDENTITIES_DELETE_IDENTITY,
            u -> u.identities().delete("user_42"),
            "{\"identity\":\"user_42\"}",
            "{\"meta\":{\"requestId\":\"req_1\"}}",
            v -> assertThat(((Ack) v).requestId()).isEqualTo("req_1")),
        new Case(
            Operation.RATELIMIT_LIMIT,
            u ->
                u.ratelimits()
                    .limit(
                        LimitRequest.builder("api", "user_42", 10, Duration.ofSeconds(60))
                            .cost(2)
                            .build()),
            "{\"namespace\":\"api\",\"cost\":2,\"duration\":60000,\"identifier\":\"user_42\",\"limit\":10}",
            data(
                "req_1", "{\"limit\":10,\"remaining\":8,\"reset\":1700000060000,\"success\":true}"),
            v -> assertThat(((LimitResult) v).remaining()).isEqualTo(8)),
        new Case(
            Operation.RATELIMIT_MULTI_LIMIT,
            u ->
                u.ratelimits()
                    .multiLimit(
                        MultiLimitRequest.of(
                            List.of(
                                LimitRequest.of("api", "user_42", 10, Duration.ofSeconds(60))))),
            "[{\"namespace\":\"api\",\"duration\":60000,\"identifier\":\"user_42\",\"limit\":10}]",
            data(
                "req_1",
                "{\"passed\":false,\"limits\":[{\"namespace\":\"api\",\"identifier\":\"user_42\",\"limit\":10,"
                    + "\"remaining\":0,\"reset\":1700000060000,\"passed\":false}]}"),
            v -> assertThat(((MultiLimitResult) v).passed()).isFalse()),
        new Case(
            Operation.RATELIMIT_SET_OVERRIDE,
            u ->
                u.ratelimits()
                    .setOverride(SetOverrideRequest.of("api", "user_42", 5, Duration.ofMinutes(1))),
            "{\"namespace\":\"api\",\"duration\":60000,\"identifier\":\"user_42\",\"limit\":5}",
            data("req_1", "{\"overrideId\":\"rlor_1\"}"),
            v -> assertThat(((SavedOverride) v).overrideId()).isEqualTo("rlor_1")),
        new Case(
            Operation.RATELIMIT_GET_OVERRIDE,
            u -> u.ratelimits().getOverride(GetOverrideRequest.of("api", "user_42")),
            "{\"namespace\":\"api\",\"identifier\":\"user_42\"}",
            data("req_1", OVERRIDE),
            v -> assertThat(((RatelimitOverride) v).limit()).isEqualTo(5)),
        new Case(
            Operation.RATELIMIT_LIST_OVERRIDES,
            u -> u.ratelimits().listOverrides(ListOverridesRequest.of("api")),
            "{\"namespace\":\"api\",\"limit\":10}",
            "{\"meta\":{\"requestId\":\"req_1\"},\"data\":[" + OVERRIDE + "]" + PAGINATION + "}",
            v -> assertThat(((Page<?>) v).items()).hasSize(1)),
        new Case(
            Operation.RATELIMIT_DELETE_OVERRIDE,
            u -> u.ratelimits().deleteOverride(DeleteOverrideRequest.of("api", "user_42")),
            "{\"namespace\":\"api\",\"identifier\":\"user_42\"}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)),
        new Case(
            Operation.ANALYTICS_GET_VERIFICATIONS,
            u -> u.analytics().getVerifications("SELECT count(*) AS n FROM key_verifications_v1"),
            "{\"query\":\"SELECT count(*) AS n FROM key_verifications_v1\"}",
            data("req_1", "[{\"n\":12345678901234,\"rate\":0.5}]"),
            v ->
                assertThat(((VerificationRows) v).rows())
                    .singleElement()
                    .satisfies(
                        r ->
                            assertThat(r)
                                .containsEntry("n", 12345678901234L)
                                .containsEntry("rate", new java.math.BigDecimal("0.5")))),
        new Case(
            Operation.ROOT_KEYS_CREATE_ROOT_KEY,
            u ->
                u.rootKeys()
                    .create(
                        CreateRootKeyRequest.builder(List.of("api.*.verify_key"))
                            .name("deploy")
                            .build()),
            "{\"name\":\"deploy\",\"permissions\":[\"api.*.verify_key\"]}",
            data("req_1", "{\"keyId\":\"key_root1\",\"key\":\"unkey_3ZZ8abcdefgh\"}"),
            v -> assertThat(((CreatedKey) v).key().reveal()).isEqualTo("unkey_3ZZ8abcdefgh")),
        new Case(
            Operation.ROOT_KEYS_GET_ROOT_KEY,
            u -> u.rootKeys().get("key_root1"),
            "{\"keyId\":\"key_root1\"}",
            data("req_1", ROOT_KEY),
            v -> assertThat(((RootKeyInfo) v).permissions()).containsExactly("api.*.verify_key")),
        new Case(
            Operation.ROOT_KEYS_LIST_ROOT_KEYS,
            u -> u.rootKeys().list(ListRootKeysRequest.of()),
            "{\"limit\":100}",
            "{\"meta\":{\"requestId\":\"req_1\"},\"data\":[" + ROOT_KEY + "]" + PAGINATION + "}",
            v -> assertThat(((Page<?>) v).items()).hasSize(1)),
        new Case(
            Operation.ROOT_KEYS_UPDATE_ROOT_KEY,
            u ->
                u.rootKeys()
                    .update(
                        UpdateRootKeyRequest.builder("key_root1")
                            .permissions(List.of("api.*.verify_key", "api.*.read_key"))
                            .build()),
            "{\"keyId\":\"key_root1\",\"permissions\":[\"api.*.verify_key\",\"api.*.read_key\"]}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)),
        new Case(
            Operation.ROOT_KEYS_REROLL_ROOT_KEY,
            u -> u.rootKeys().reroll(RerollRootKeyRequest.of("key_root1", Duration.ofMinutes(10))),
            "{\"keyId\":\"key_root1\",\"expiration\":600000}",
            data("req_1", "{\"keyId\":\"key_root2\",\"key\":\"unkey_newRootKey123\"}"),
            v -> assertThat(((CreatedKey) v).keyId()).isEqualTo("key_root2")),
        new Case(
            Operation.ROOT_KEYS_DELETE_ROOT_KEY,
            u -> u.rootKeys().delete("key_root1"),
            "{\"keyId\":\"key_root1\"}",
            data("req_1", "{}"),
            v -> assertThat(v).isInstanceOf(Ack.class)));
  }

  @StartStop final MockWebServer server = new MockWebServer();
  ValidatingDispatcher answers;
  UnkeyHttpClient client;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    FakeTime time = new FakeTime();
    client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .clock(time)
            .sleeper(time)
            .build();
  }

  @AfterEach
  void validated() {
    if (answers != null) { // null when a missing spec skipped the test in setUp
      answers.assertValid();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sendsTheExactBodyAndReadsTheAnswer(Case c) throws Exception {
    answers.enqueue(200, c.answer());
    Object value = c.call().apply(client);
    c.check().accept(value);

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getTarget()).isEqualTo(c.op().path());
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + UnkeyHttpClientTest.ROOT.reveal());
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(recorded.getHeaders().get("User-Agent")).startsWith("keyward-java/");
    String body = recorded.getBody().utf8();
    assertThat(body).isEqualTo(c.body());

    // The fake server's side: decode the request and re-encode it unchanged; same for the answer.
    OperationCodec<Object, Object> codec = WireCodec.codec(c.op());
    Object request = WireCodec.decodeRequest(c.op(), new Buffer().writeUtf8(body));
    assertThat(codec.encodeRequest(request).utf8()).isEqualTo(body);
    Object decoded = codec.decode(new Buffer().writeUtf8(c.answer())).value();
    assertThat(codec.encodeResponse(decoded, "req_1").utf8()).isEqualTo(c.answer());
  }

  @Test
  void everyOperationHasACase() {
    Set<Operation> covered =
        cases()
            .map(Case::op)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operation.class)));
    covered.add(Operation.LIVENESS); // UnkeyHttpClientTest
    assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).isEmpty();
    for (Operation op : Operation.values()) {
      assertThat(WireCodec.supports(op)).as(op.wireName()).isTrue();
    }
  }
}
