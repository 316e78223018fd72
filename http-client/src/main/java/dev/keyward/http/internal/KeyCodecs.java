package dev.keyward.http.internal;

import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.AssignedPermissions;
import dev.keyward.model.AssignedRoles;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.DeleteKeyRequest;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.MigrateKeysRequest;
import dev.keyward.model.MigratedKey;
import dev.keyward.model.MigrationResult;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.UpdatedCredits;
import dev.keyward.model.WhoamiRequest;
import dev.keyward.permission.Operation;

/** The wire format of {@code keys.*}. */
final class KeyCodecs {
  private KeyCodecs() {}

  /** {@code keys.createKey}. */
  static final OperationCodec<CreateKeyRequest, CreatedKey> CREATE_KEY =
      OperationCodec.object(
          Operation.KEYS_CREATE_KEY,
          KeyCodecs::writeCreate,
          KeyCodecs::readCreate,
          KeyCodecs::writeCreated,
          KeyCodecs::readCreated,
          CreatedKey::requestId);

  /** {@code keys.getKey}. */
  static final OperationCodec<GetKeyRequest, KeyInfo> GET_KEY =
      OperationCodec.object(
          Operation.KEYS_GET_KEY,
          (w, r) -> w.str("keyId", r.keyId()).optBool("decrypt", r.decrypt() ? Boolean.TRUE : null),
          o ->
              GetKeyRequest.builder(o.str("keyId"))
                  .decrypt(Boolean.TRUE.equals(o.optBool("decrypt")))
                  .build(),
          CommonCodecs::keyInfo,
          (o, id) -> CommonCodecs.readKeyInfo(o),
          k -> null);

  /** {@code keys.whoami}. */
  static final OperationCodec<WhoamiRequest, KeyInfo> WHOAMI =
      OperationCodec.object(
          Operation.KEYS_WHOAMI,
          (w, r) -> w.str("key", r.key().reveal()),
          o -> WhoamiRequest.of(secret(o, "key")),
          CommonCodecs::keyInfo,
          (o, id) -> CommonCodecs.readKeyInfo(o),
          k -> null);

  /** {@code keys.updateKey}: patch fields are sent as JSON {@code null} when cleared. */
  static final OperationCodec<UpdateKeyRequest, Ack> UPDATE_KEY =
      OperationCodec.ack(
          Operation.KEYS_UPDATE_KEY, KeyUpdateBodies::writeUpdate, KeyUpdateBodies::readUpdate);

  /** {@code keys.updateCredits}. */
  static final OperationCodec<UpdateCreditsRequest, UpdatedCredits> UPDATE_CREDITS =
      OperationCodec.object(
          Operation.KEYS_UPDATE_CREDITS,
          KeyUpdateBodies::writeUpdateCredits,
          KeyUpdateBodies::readUpdateCredits,
          (w, u) -> {
            w.json("remaining", u.credits().remaining());
            if (u.credits().refill() != null) {
              w.json("refill", CommonCodecs.refill(u.credits().refill()));
            }
          },
          (o, id) -> new UpdatedCredits(CommonCodecs.readCredits(o), id),
          UpdatedCredits::requestId);

  /** {@code keys.deleteKey}. */
  static final OperationCodec<DeleteKeyRequest, Ack> DELETE_KEY =
      OperationCodec.ack(
          Operation.KEYS_DELETE_KEY,
          (w, r) ->
              w.str("keyId", r.keyId()).optBool("permanent", r.permanent() ? Boolean.TRUE : null),
          o ->
              DeleteKeyRequest.builder(o.str("keyId"))
                  .permanent(Boolean.TRUE.equals(o.optBool("permanent")))
                  .build());

  /** {@code keys.rerollKey}. */
  static final OperationCodec<RerollKeyRequest, CreatedKey> REROLL_KEY =
      OperationCodec.object(
          Operation.KEYS_REROLL_KEY,
          (w, r) -> w.str("keyId", r.keyId()).millis("expiration", r.expiration()),
          o -> RerollKeyRequest.of(o.str("keyId"), o.millis("expiration")),
          KeyCodecs::writeCreated,
          KeyCodecs::readCreated,
          CreatedKey::requestId);

  /** {@code keys.migrateKeys}. */
  static final OperationCodec<MigrateKeysRequest, MigrationResult> MIGRATE_KEYS =
      OperationCodec.object(
          Operation.KEYS_MIGRATE_KEYS,
          (w, r) ->
              w.str("migrationId", r.migrationId())
                  .str("apiId", r.apiId())
                  .list("keys", r.keys(), KeyCodecs::writeMigrated),
          o ->
              MigrateKeysRequest.of(
                  o.str("migrationId"), o.str("apiId"), o.list("keys", KeyCodecs::readMigrated)),
          (w, m) -> {
            w.list(
                "migrated",
                m.migrated(),
                (mw, k) -> mw.str("hash", k.hash()).str("keyId", k.keyId()));
            w.strings("failed", m.failed());
          },
          (o, id) ->
              new MigrationResult(
                  o.list(
                      "migrated", k -> new MigrationResult.Migrated(k.str("hash"), k.str("keyId"))),
                  o.strings("failed"),
                  id),
          MigrationResult::requestId);

  /** {@code keys.addPermissions}. */
  static final OperationCodec<AddPermissionsRequest, AssignedPermissions> ADD_PERMISSIONS =
      permissions(
          Operation.KEYS_ADD_PERMISSIONS,
          (w, r) -> w.str("keyId", r.keyId()).strings("permissions", r.permissions()),
          o -> AddPermissionsRequest.of(o.str("keyId"), o.strings("permissions")));

  /** {@code keys.removePermissions}. */
  static final OperationCodec<RemovePermissionsRequest, AssignedPermissions> REMOVE_PERMISSIONS =
      permissions(
          Operation.KEYS_REMOVE_PERMISSIONS,
          (w, r) -> w.str("keyId", r.keyId()).strings("permissions", r.permissions()),
          o -> RemovePermissionsRequest.of(o.str("keyId"), o.strings("permissions")));

  /** {@code keys.setPermissions}. */
  static final OperationCodec<SetPermissionsRequest, AssignedPermissions> SET_PERMISSIONS =
      permissions(
          Operation.KEYS_SET_PERMISSIONS,
          (w, r) -> w.str("keyId", r.keyId()).strings("permissions", r.permissions()),
          o -> SetPermissionsRequest.of(o.str("keyId"), o.strings("permissions")));

  /** {@code keys.addRoles}. */
  static final OperationCodec<AddRolesRequest, AssignedRoles> ADD_ROLES =
      roles(
          Operation.KEYS_ADD_ROLES,
          (w, r) -> w.str("keyId", r.keyId()).strings("roles", r.roles()),
          o -> AddRolesRequest.of(o.str("keyId"), o.strings("roles")));

  /** {@code keys.removeRoles}. */
  static final OperationCodec<RemoveRolesRequest, AssignedRoles> REMOVE_ROLES =
      roles(
          Operation.KEYS_REMOVE_ROLES,
          (w, r) -> w.str("keyId", r.keyId()).strings("roles", r.roles()),
          o -> RemoveRolesRequest.of(o.str("keyId"), o.strings("roles")));

  /** {@code keys.setRoles}. */
  static final OperationCodec<SetRolesRequest, AssignedRoles> SET_ROLES =
      roles(
          Operation.KEYS_SET_ROLES,
          (w, r) -> w.str("keyId", r.keyId()).strings("roles", r.roles()),
          o -> SetRolesRequest.of(o.str("keyId"), o.strings("roles")));

  static <Q> OperationCodec<Q, AssignedPermissions> permissions(
      Operation op,
      java.util.function.BiConsumer<WireWriter, Q> write,
      java.util.function.Function<WireObject, Q> read) {
    return OperationCodec.array(
        op,
        write,
        read,
        CommonCodecs::permission,
        CommonCodecs::readPermission,
        AssignedPermissions::permissions,
        AssignedPermissions::new,
        AssignedPermissions::requestId);
  }

  static <Q> OperationCodec<Q, AssignedRoles> roles(
      Operation op,
      java.util.function.BiConsumer<WireWriter, Q> write,
      java.util.function.Function<WireObject, Q> read) {
    return OperationCodec.array(
        op,
        write,
        read,
        CommonCodecs::role,
        CommonCodecs::readRole,
        AssignedRoles::roles,
        AssignedRoles::new,
        AssignedRoles::requestId);
  }

  private static void writeMigrated(WireWriter w, MigratedKey k) {
    w.str("hash", k.hash())
        .optStr("name", k.name())
        .optStr("externalId", k.externalId())
        .meta("meta", k.meta())
        .optStrings("roles", k.roles())
        .optStrings("permissions", k.permissions())
        .optInstant("expires", k.expires())
        .optBool("enabled", k.enabled());
    if (k.credits() != null) {
      w.json("credits", CommonCodecs.credits(k.credits()));
    }
    w.optList("ratelimits", k.ratelimits(), CommonCodecs::ratelimitRequest);
  }

  private static MigratedKey readMigrated(WireObject o) {
    MigratedKey.Builder b = MigratedKey.builder(o.str("hash"));
    o.ifPresent("name", o::str, b::name);
    o.ifPresent("externalId", o::str, b::externalId);
    o.ifPresent("meta", o::meta, b::meta);
    b.roles(o.strings("roles")).permissions(o.strings("permissions"));
    o.ifPresent("expires", o::instant, b::expires);
    o.ifPresent("enabled", o::bool, b::enabled);
    o.ifPresent("credits", n -> CommonCodecs.readCredits(o.obj(n)), b::credits);
    b.ratelimits(o.list("ratelimits", CommonCodecs::readRatelimit));
    return b.build();
  }

  private static void writeCreate(WireWriter w, CreateKeyRequest r) {
    w.str("apiId", r.apiId())
        .optStr("prefix", r.prefix())
        .optStr("name", r.name())
        .optLong("byteLength", r.byteLength())
        .optStr("externalId", r.externalId())
        .meta("meta", r.meta())
        .optStrings("roles", r.roles())
        .optStrings("permissions", r.permissions())
        .optInstant("expires", r.expires());
    if (r.credits() != null) {
      w.json("credits", CommonCodecs.credits(r.credits()));
    }
    w.optList("ratelimits", r.ratelimits(), CommonCodecs::ratelimitRequest)
        .optBool("enabled", r.enabled())
        .optBool("recoverable", r.recoverable());
  }

  private static CreateKeyRequest readCreate(WireObject o) {
    CreateKeyRequest.Builder b = CreateKeyRequest.builder(o.str("apiId"));
    o.ifPresent("prefix", o::str, b::prefix);
    o.ifPresent("name", o::str, b::name);
    o.ifPresent("byteLength", o::optInt, b::byteLength);
    o.ifPresent("externalId", o::str, b::externalId);
    o.ifPresent("meta", o::meta, b::meta);
    b.roles(o.strings("roles"));
    b.permissions(o.strings("permissions"));
    o.ifPresent("expires", o::instant, b::expires);
    o.ifPresent("credits", n -> CommonCodecs.readCredits(o.obj(n)), b::credits);
    b.ratelimits(o.list("ratelimits", CommonCodecs::readRatelimit));
    o.ifPresent("enabled", o::bool, b::enabled);
    o.ifPresent("recoverable", o::bool, b::recoverable);
    return b.build();
  }

  private static void writeCreated(WireWriter w, CreatedKey k) {
    w.str("keyId", k.keyId()).str("key", k.key().reveal());
  }

  private static CreatedKey readCreated(WireObject o, String requestId) {
    return new CreatedKey(o.str("keyId"), secret(o, "key"), requestId);
  }

  static Secret secret(WireObject o, String name) {
    try {
      return Secret.of(o.str(name));
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("field " + name + " is not a well-formed key");
    }
  }
}
