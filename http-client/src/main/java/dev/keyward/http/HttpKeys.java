package dev.keyward.http;

import dev.keyward.Keys;
import dev.keyward.http.internal.WireCodec;
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
import dev.keyward.model.MigrationResult;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.UpdatedCredits;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.model.WhoamiRequest;
import dev.keyward.permission.Operation;

/** {@code keys.*} over HTTP. */
final class HttpKeys implements Keys {
  private final Caller caller;

  HttpKeys(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CreatedKey create(CreateKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_CREATE_KEY), request, request.apiId());
  }

  @Override
  public Verification verify(VerifyKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_VERIFY_KEY), request, null);
  }

  @Override
  public KeyInfo get(GetKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_GET_KEY), request, null);
  }

  @Override
  public KeyInfo whoami(WhoamiRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_WHOAMI), request, null);
  }

  @Override
  public Ack update(UpdateKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_UPDATE_KEY), request, null);
  }

  @Override
  public UpdatedCredits updateCredits(UpdateCreditsRequest request) {
    return caller.call(
        WireCodec.codec(Operation.KEYS_UPDATE_CREDITS),
        request,
        request.isReplayable() ? Operation.RetryClass.REPLAYABLE : Operation.RetryClass.UNSAFE,
        null);
  }

  @Override
  public Ack delete(DeleteKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_DELETE_KEY), request, null);
  }

  @Override
  public CreatedKey reroll(RerollKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_REROLL_KEY), request, null);
  }

  @Override
  public MigrationResult migrate(MigrateKeysRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_MIGRATE_KEYS), request, null);
  }

  @Override
  public AssignedPermissions addPermissions(AddPermissionsRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_ADD_PERMISSIONS), request, null);
  }

  @Override
  public AssignedPermissions removePermissions(RemovePermissionsRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_REMOVE_PERMISSIONS), request, null);
  }

  @Override
  public AssignedPermissions setPermissions(SetPermissionsRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_SET_PERMISSIONS), request, null);
  }

  @Override
  public AssignedRoles addRoles(AddRolesRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_ADD_ROLES), request, null);
  }

  @Override
  public AssignedRoles removeRoles(RemoveRolesRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_REMOVE_ROLES), request, null);
  }

  @Override
  public AssignedRoles setRoles(SetRolesRequest request) {
    return caller.call(WireCodec.codec(Operation.KEYS_SET_ROLES), request, null);
  }
}
