package dev.keyward.canary;

import static dev.keyward.canary.CannedAnswers.PERMISSION;
import static dev.keyward.canary.CannedAnswers.ROLE;
import static dev.keyward.canary.CannedAnswers.created;
import static dev.keyward.canary.CannedAnswers.data;
import static dev.keyward.canary.CannedAnswers.keyInfo;
import static dev.keyward.canary.CannedAnswers.verification;
import static dev.keyward.canary.OperationRow.sync;

import dev.keyward.http.RequestOptions;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The synchronous {@code keys.*} rows of {@link OperationRows}, which lists them first. */
final class KeyOperationRows {
  private KeyOperationRows() {}

  static List<OperationRow> all(ClientCanaries k) {
    List<OperationRow> rows = new ArrayList<>();
    rows.add(
        sync(
            "keys.createKey",
            u ->
                u.keys()
                    .create(
                        CreateKeyRequest.builder("api_123")
                            .prefix(ClientCanaries.REGISTERED_PREFIX)
                            .name("n")
                            .recoverable(true)
                            .build()),
            created("key_1", k.createdKey)));
    rows.add(
        sync(
            "keys.verifyKey (registered prefix)",
            u -> u.keys().verify(k.apiRegistered.secret()),
            verification("key_1"),
            k.apiRegistered));
    rows.add(
        sync(
            "keys.verifyKey (unregistered prefix)",
            u -> u.keys().verify(k.apiUnregistered.value()),
            verification("key_2"),
            k.apiUnregistered));
    rows.add(
        sync(
            "keys.verifyKey (no prefix, options)",
            u ->
                u.keys()
                    .verify(
                        VerifyKeyRequest.builder(k.apiBare.secret())
                            .permissions("documents.read")
                            .tags(List.of("canary"))
                            .build()),
            verification("key_3"),
            k.apiBare));
    rows.add(
        sync(
            "keys.verifyKey (per-call root key)",
            u ->
                ((UnkeyHttpClient) u)
                    .withOptions(RequestOptions.builder().rootKey(k.rootOverride.secret()).build())
                    .keys()
                    .verify(k.apiRegistered.secret()),
            verification("key_1"),
            k.apiRegistered));
    rows.add(
        sync(
            "keys.whoami (registered prefix)",
            u -> u.keys().whoami(k.apiRegistered.secret()),
            data(keyInfo("key_1", k.apiRegistered, false)),
            k.apiRegistered));
    rows.add(
        sync(
            "keys.whoami (no prefix)",
            u -> u.keys().whoami(k.apiBare.value()),
            data(keyInfo("key_3", k.apiBare, false)),
            k.apiBare));
    rows.add(
        sync(
            "keys.getKey (decrypt)",
            u -> u.keys().get(GetKeyRequest.builder("key_3").decrypt(true).build()),
            data(keyInfo("key_3", k.apiBare, true))));
    rows.add(
        sync(
            "keys.updateKey",
            u ->
                u.keys()
                    .update(
                        UpdateKeyRequest.builder("key_1")
                            .clearName()
                            .externalId("user_42")
                            .expires(Instant.ofEpochMilli(1_900_000_000_000L))
                            .enabled(false)
                            .build()),
            data("{}")));
    rows.add(
        sync(
            "keys.updateCredits",
            u -> u.keys().updateCredits(UpdateCreditsRequest.increment("key_1", 5)),
            data("{\"remaining\":15}")));
    rows.add(sync("keys.deleteKey", u -> u.keys().delete("key_1"), data("{}")));
    rows.add(
        sync(
            "keys.rerollKey",
            u -> u.keys().reroll(RerollKeyRequest.of("key_1", Duration.ofHours(1))),
            created("key_2", k.rerolledKey)));
    rows.add(
        sync(
            "keys.migrateKeys",
            u ->
                u.keys()
                    .migrate(
                        MigrateKeysRequest.of(
                            "mig_1",
                            "api_123",
                            List.of(
                                MigratedKey.builder(k.apiBare.secret().hash())
                                    .name("old")
                                    .build()))),
            data(
                "{\"migrated\":[{\"hash\":\""
                    + k.apiBare.secret().hash()
                    + "\",\"keyId\":\"key_9\"}],\"failed\":[]}")));
    rows.add(
        sync(
            "keys.addPermissions",
            u ->
                u.keys()
                    .addPermissions(AddPermissionsRequest.of("key_1", List.of("documents.read"))),
            data("[" + PERMISSION + "]")));
    rows.add(
        sync(
            "keys.removePermissions",
            u ->
                u.keys()
                    .removePermissions(
                        RemovePermissionsRequest.of("key_1", List.of("documents.read"))),
            data("[]")));
    rows.add(
        sync(
            "keys.setPermissions",
            u ->
                u.keys()
                    .setPermissions(SetPermissionsRequest.of("key_1", List.of("documents.read"))),
            data("[" + PERMISSION + "]")));
    rows.add(
        sync(
            "keys.addRoles",
            u -> u.keys().addRoles(AddRolesRequest.of("key_1", List.of("reader"))),
            data("[" + ROLE + "]")));
    rows.add(
        sync(
            "keys.removeRoles",
            u -> u.keys().removeRoles(RemoveRolesRequest.of("key_1", List.of("reader"))),
            data("[]")));
    rows.add(
        sync(
            "keys.setRoles",
            u -> u.keys().setRoles(SetRolesRequest.of("key_1", List.of("reader"))),
            data("[" + ROLE + "]")));
    return rows;
  }
}
