package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.AddPermissionsRequest;
import dev.keyward.AddRolesRequest;
import dev.keyward.AssignedPermissions;
import dev.keyward.AssignedRoles;
import dev.keyward.CreateKeyRequest;
import dev.keyward.CreatedKey;
import dev.keyward.DeleteKeyRequest;
import dev.keyward.GetKeyRequest;
import dev.keyward.KeyInfo;
import dev.keyward.Keys;
import dev.keyward.MigrateKeysRequest;
import dev.keyward.MigrationResult;
import dev.keyward.RemovePermissionsRequest;
import dev.keyward.RemoveRolesRequest;
import dev.keyward.RerollKeyRequest;
import dev.keyward.SetPermissionsRequest;
import dev.keyward.SetRolesRequest;
import dev.keyward.UpdateCreditsRequest;
import dev.keyward.UpdateKeyRequest;
import dev.keyward.UpdatedCredits;
import dev.keyward.Verification;
import dev.keyward.VerifyKeyRequest;
import dev.keyward.WhoamiRequest;
import dev.keyward.http.internal.WireCodec;
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
    return caller.call(WireCodec.codec(Operation.KEYS_UPDATE_CREDITS), request, request.isReplayable() ? Operation.RetryClass.REPLAYABLE : Operation.RetryClass.UNSAFE, null);
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
