package dev.keyward.canary;

import static dev.keyward.canary.CannedAnswers.IDENTITY;
import static dev.keyward.canary.CannedAnswers.LAST;
import static dev.keyward.canary.CannedAnswers.MORE;
import static dev.keyward.canary.CannedAnswers.OVERRIDE;
import static dev.keyward.canary.CannedAnswers.PERMISSION;
import static dev.keyward.canary.CannedAnswers.ROLE;
import static dev.keyward.canary.CannedAnswers.ROOT_KEY;
import static dev.keyward.canary.CannedAnswers.created;
import static dev.keyward.canary.CannedAnswers.data;
import static dev.keyward.canary.CannedAnswers.decryptedKeys;
import static dev.keyward.canary.CannedAnswers.keyInfo;
import static dev.keyward.canary.CannedAnswers.list;
import static dev.keyward.canary.CannedAnswers.verification;
import static dev.keyward.canary.OperationRow.async;
import static dev.keyward.canary.OperationRow.sync;

import dev.keyward.*;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every public operation of {@link UnkeyHttpClient}, with answers that echo the canaries. */
final class OperationRows {
  private OperationRows() {}

  static List<OperationRow> all(ClientCanaries k) {
    List<OperationRow> rows = new ArrayList<>();
    rows.addAll(KeyOperationRows.all(k));
    // apis.*
    rows.add(
        sync(
            "apis.createApi",
            u -> u.apis().create(CreateApiRequest.of("payments")),
            data("{\"apiId\":\"api_99999999\"}")));
    rows.add(
        sync(
            "apis.getApi",
            u -> u.apis().get("api_1234567"),
            data("{\"id\":\"api_1234567\",\"name\":\"payments\"}")));
    String decrypted = decryptedKeys(k);
    rows.add(
        sync(
            "apis.listKeys (decrypt)",
            u -> u.apis().listKeys(ListKeysRequest.builder("api_123").decrypt(true).build()),
            list(decrypted, MORE)));
    rows.add(
        sync(
            "apis.listKeysAll (decrypt)",
            u ->
                u
                    .apis()
                    .listKeysAll(ListKeysRequest.builder("api_123").decrypt(true).build())
                    .stream()
                    .toList(),
            list(decrypted, LAST)));
    rows.add(sync("apis.deleteApi", u -> u.apis().delete("api_1234567"), data("{}")));
    // permissions.*
    rows.add(
        sync(
            "permissions.createPermission",
            u ->
                u.permissions()
                    .createPermission(
                        CreatePermissionRequest.builder("Read", "documents.read")
                            .description("d")
                            .build()),
            data("{\"permissionId\":\"perm_1\"}")));
    rows.add(
        sync(
            "permissions.getPermission",
            u -> u.permissions().getPermission(GetPermissionRequest.of("documents.read")),
            data(PERMISSION)));
    rows.add(
        sync(
            "permissions.listPermissions",
            u -> u.permissions().listPermissions(ListPermissionsRequest.builder().limit(5).build()),
            list(PERMISSION, MORE)));
    rows.add(
        sync(
            "permissions.listPermissionsAll",
            u ->
                u
                    .permissions()
                    .listPermissionsAll(ListPermissionsRequest.builder().build())
                    .stream()
                    .toList(),
            list(PERMISSION, LAST)));
    rows.add(
        sync(
            "permissions.deletePermission",
            u -> u.permissions().deletePermission(DeletePermissionRequest.of("perm_1")),
            data("{}")));
    rows.add(
        sync(
            "permissions.createRole",
            u ->
                u.permissions()
                    .createRole(
                        CreateRoleRequest.builder("reader")
                            .permissions(List.of("documents.read"))
                            .build()),
            data("{\"roleId\":\"role_1\"}")));
    rows.add(
        sync(
            "permissions.getRole",
            u -> u.permissions().getRole(GetRoleRequest.of("reader")),
            data(ROLE)));
    rows.add(
        sync(
            "permissions.listRoles",
            u -> u.permissions().listRoles(ListRolesRequest.builder().search("read").build()),
            list(ROLE, MORE)));
    rows.add(
        sync(
            "permissions.listRolesAll",
            u -> u.permissions().listRolesAll(ListRolesRequest.builder().build()).stream().toList(),
            list(ROLE, LAST)));
    rows.add(
        sync(
            "permissions.deleteRole",
            u -> u.permissions().deleteRole(DeleteRoleRequest.of("reader")),
            data("{}")));
    rows.add(
        sync(
            "permissions.setRolePermissions",
            u ->
                u.permissions()
                    .setRolePermissions(
                        SetRolePermissionsRequest.of("role_1", List.of("documents.read"))),
            data("[" + PERMISSION + "]")));
    // identities.*
    rows.add(
        sync(
            "identities.createIdentity",
            u ->
                u.identities()
                    .create(
                        CreateIdentityRequest.builder("user_42")
                            .meta(Map.of("plan", "pro"))
                            .ratelimits(
                                List.of(RateLimit.of("requests", 10, Duration.ofMinutes(1), false)))
                            .build()),
            data("{\"identityId\":\"id_1\"}")));
    rows.add(sync("identities.getIdentity", u -> u.identities().get("user_42"), data(IDENTITY)));
    rows.add(
        sync(
            "identities.listIdentities",
            u -> u.identities().list(ListIdentitiesRequest.builder().limit(2).build()),
            list(IDENTITY, MORE)));
    rows.add(
        sync(
            "identities.listIdentitiesAll",
            u -> u.identities().listAll(ListIdentitiesRequest.builder().build()).stream().toList(),
            list(IDENTITY, LAST)));
    rows.add(
        sync(
            "identities.updateIdentity",
            u ->
                u.identities().update(UpdateIdentityRequest.builder("user_42").clearMeta().build()),
            data(IDENTITY)));
    rows.add(
        sync(
            "identities.deleteIdentity",
            u -> u.identities().delete("user_42"),
            "{\"meta\":{\"requestId\":\"req_canary\"}}"));
    // ratelimit.*
    rows.add(
        sync(
            "ratelimit.limit",
            u ->
                u.ratelimits()
                    .limit(
                        LimitRequest.builder("api", "user_42", 10, Duration.ofSeconds(60))
                            .cost(2)
                            .build()),
            data("{\"limit\":10,\"remaining\":8,\"reset\":1700000060000,\"success\":true}")));
    rows.add(
        sync(
            "ratelimit.multiLimit",
            u ->
                u.ratelimits()
                    .multiLimit(
                        MultiLimitRequest.of(
                            List.of(
                                LimitRequest.of("api", "user_42", 10, Duration.ofSeconds(60))))),
            data(
                "{\"passed\":false,\"limits\":[{\"namespace\":\"api\",\"identifier\":\"user_42\",\"limit\":10,"
                    + "\"remaining\":0,\"reset\":1700000060000,\"passed\":false}]}")));
    rows.add(
        sync(
            "ratelimit.setOverride",
            u ->
                u.ratelimits()
                    .setOverride(SetOverrideRequest.of("api", "user_42", 5, Duration.ofMinutes(1))),
            data("{\"overrideId\":\"rlor_1\"}")));
    rows.add(
        sync(
            "ratelimit.getOverride",
            u -> u.ratelimits().getOverride(GetOverrideRequest.of("api", "user_42")),
            data(OVERRIDE)));
    rows.add(
        sync(
            "ratelimit.listOverrides",
            u -> u.ratelimits().listOverrides(ListOverridesRequest.of("api")),
            list(OVERRIDE, MORE)));
    rows.add(
        sync(
            "ratelimit.listOverridesAll",
            u -> u.ratelimits().listOverridesAll(ListOverridesRequest.of("api")).stream().toList(),
            list(OVERRIDE, LAST)));
    rows.add(
        sync(
            "ratelimit.deleteOverride",
            u -> u.ratelimits().deleteOverride(DeleteOverrideRequest.of("api", "user_42")),
            data("{}")));
    // analytics.*
    rows.add(
        sync(
            "analytics.getVerifications",
            u -> u.analytics().getVerifications("SELECT count(*) AS n FROM key_verifications_v1"),
            data("[{\"n\":12345678901234,\"rate\":0.5}]")));
    // rootKeys.* (keyward's extension)
    rows.add(
        sync(
            "rootKeys.createRootKey",
            u ->
                u.rootKeys()
                    .create(
                        CreateRootKeyRequest.builder(List.of("api.*.verify_key"))
                            .name("deploy")
                            .build()),
            created("key_root1", k.createdRoot)));
    rows.add(sync("rootKeys.getRootKey", u -> u.rootKeys().get("key_root1"), data(ROOT_KEY)));
    rows.add(
        sync(
            "rootKeys.listRootKeys",
            u -> u.rootKeys().list(ListRootKeysRequest.of()),
            list(ROOT_KEY, MORE)));
    rows.add(
        sync(
            "rootKeys.listRootKeysAll",
            u -> u.rootKeys().listAll(ListRootKeysRequest.of()).stream().toList(),
            list(ROOT_KEY, LAST)));
    rows.add(
        sync(
            "rootKeys.updateRootKey",
            u ->
                u.rootKeys()
                    .update(
                        UpdateRootKeyRequest.builder("key_root1")
                            .permissions(List.of("api.*.verify_key", "api.*.read_key"))
                            .build()),
            data("{}")));
    rows.add(
        sync(
            "rootKeys.rerollRootKey",
            u -> u.rootKeys().reroll(RerollRootKeyRequest.of("key_root1", Duration.ofMinutes(10))),
            created("key_root2", k.rerolledRoot)));
    rows.add(sync("rootKeys.deleteRootKey", u -> u.rootKeys().delete("key_root1"), data("{}")));
    rows.add(sync("liveness", Unkey::liveness, data("{\"message\":\"OK\"}")));
    // async(): the operations that carry or return keys, on OkHttp's enqueue
    rows.add(
        async(
            "keys.createKey",
            a -> a.keys().create(CreateKeyRequest.builder("api_123").name("n").build()),
            created("key_1", k.createdKey)));
    rows.add(
        async(
            "keys.verifyKey (no prefix)",
            a -> a.keys().verify(k.apiBare.secret()),
            verification("key_3"),
            k.apiBare));
    rows.add(
        async(
            "keys.whoami (registered prefix)",
            a -> a.keys().whoami(k.apiRegistered.secret()),
            data(keyInfo("key_1", k.apiRegistered, false)),
            k.apiRegistered));
    rows.add(
        async(
            "keys.getKey (decrypt)",
            a -> a.keys().get(GetKeyRequest.builder("key_3").decrypt(true).build()),
            data(keyInfo("key_3", k.apiBare, true))));
    rows.add(
        async(
            "keys.rerollKey",
            a -> a.keys().reroll(RerollKeyRequest.of("key_1", Duration.ofHours(1))),
            created("key_2", k.rerolledKey)));
    rows.add(
        async(
            "apis.listKeys (decrypt)",
            a -> a.apis().listKeys(ListKeysRequest.builder("api_123").decrypt(true).build()),
            list(decrypted, MORE)));
    rows.add(
        async(
            "rootKeys.createRootKey",
            a ->
                a.rootKeys()
                    .create(CreateRootKeyRequest.builder(List.of("api.*.verify_key")).build()),
            created("key_root1", k.createdRoot)));
    rows.add(
        async(
            "rootKeys.rerollRootKey",
            a -> a.rootKeys().reroll(RerollRootKeyRequest.of("key_root1", Duration.ofMinutes(10))),
            created("key_root2", k.rerolledRoot)));
    rows.add(async("liveness", AsyncUnkey::liveness, data("{\"message\":\"OK\"}")));
    return rows;
  }
}
