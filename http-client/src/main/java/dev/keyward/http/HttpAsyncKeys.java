package dev.keyward.http;

import dev.keyward.AsyncKeys;
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
import java.util.concurrent.CompletableFuture;

/** {@code keys.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncKeys implements AsyncKeys {
  private final Caller caller;

  HttpAsyncKeys(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<CreatedKey> create(CreateKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_CREATE_KEY), request, request.apiId());
  }

  @Override
  public CompletableFuture<Verification> verify(VerifyKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_VERIFY_KEY), request, null);
  }

  @Override
  public CompletableFuture<KeyInfo> get(GetKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_GET_KEY), request, null);
  }

  @Override
  public CompletableFuture<KeyInfo> whoami(WhoamiRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_WHOAMI), request, null);
  }

  @Override
  public CompletableFuture<Ack> update(UpdateKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_UPDATE_KEY), request, null);
  }

  @Override
  public CompletableFuture<UpdatedCredits> updateCredits(UpdateCreditsRequest request) {
    return caller.callAsync(
        WireCodec.codec(Operation.KEYS_UPDATE_CREDITS),
        request,
        request.isReplayable() ? Operation.RetryClass.REPLAYABLE : Operation.RetryClass.UNSAFE,
        null);
  }

  @Override
  public CompletableFuture<Ack> delete(DeleteKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_DELETE_KEY), request, null);
  }

  @Override
  public CompletableFuture<CreatedKey> reroll(RerollKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_REROLL_KEY), request, null);
  }

  @Override
  public CompletableFuture<MigrationResult> migrate(MigrateKeysRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_MIGRATE_KEYS), request, null);
  }

  @Override
  public CompletableFuture<AssignedPermissions> addPermissions(AddPermissionsRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_ADD_PERMISSIONS), request, null);
  }

  @Override
  public CompletableFuture<AssignedPermissions> removePermissions(
      RemovePermissionsRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_REMOVE_PERMISSIONS), request, null);
  }

  @Override
  public CompletableFuture<AssignedPermissions> setPermissions(SetPermissionsRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_SET_PERMISSIONS), request, null);
  }

  @Override
  public CompletableFuture<AssignedRoles> addRoles(AddRolesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_ADD_ROLES), request, null);
  }

  @Override
  public CompletableFuture<AssignedRoles> removeRoles(RemoveRolesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_REMOVE_ROLES), request, null);
  }

  @Override
  public CompletableFuture<AssignedRoles> setRoles(SetRolesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.KEYS_SET_ROLES), request, null);
  }
}
