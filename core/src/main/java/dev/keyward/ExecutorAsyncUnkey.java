package dev.keyward;

import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.ApiInfo;
import dev.keyward.model.AssignedPermissions;
import dev.keyward.model.AssignedRoles;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatePermissionRequest;
import dev.keyward.model.CreateRoleRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedApi;
import dev.keyward.model.CreatedIdentity;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.CreatedPermission;
import dev.keyward.model.CreatedRole;
import dev.keyward.model.DeleteApiRequest;
import dev.keyward.model.DeleteIdentityRequest;
import dev.keyward.model.DeleteKeyRequest;
import dev.keyward.model.DeleteOverrideRequest;
import dev.keyward.model.DeletePermissionRequest;
import dev.keyward.model.DeleteRoleRequest;
import dev.keyward.model.DeleteRootKeyRequest;
import dev.keyward.model.GetApiRequest;
import dev.keyward.model.GetIdentityRequest;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.GetOverrideRequest;
import dev.keyward.model.GetPermissionRequest;
import dev.keyward.model.GetRoleRequest;
import dev.keyward.model.GetRootKeyRequest;
import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.Identity;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.LimitResult;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.ListOverridesRequest;
import dev.keyward.model.ListPermissionsRequest;
import dev.keyward.model.ListRolesRequest;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.Liveness;
import dev.keyward.model.MigrateKeysRequest;
import dev.keyward.model.MigrationResult;
import dev.keyward.model.MultiLimitRequest;
import dev.keyward.model.MultiLimitResult;
import dev.keyward.model.Page;
import dev.keyward.model.Permission;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.RerollRootKeyRequest;
import dev.keyward.model.Role;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.model.SavedOverride;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolePermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateIdentityRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.UpdateRootKeyRequest;
import dev.keyward.model.UpdatedCredits;
import dev.keyward.model.Verification;
import dev.keyward.model.VerificationRows;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.model.WhoamiRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link AsyncUnkey#wrap}: runs each synchronous call on an executor; futures fail with the call's
 * own exception.
 */
final class ExecutorAsyncUnkey implements AsyncUnkey {
  private final Unkey unkey;
  private final Executor executor;

  @Override
  public AsyncUnkey withRootKey(Secret rootKey) {
    return new ExecutorAsyncUnkey(
        unkey.withRootKey(Objects.requireNonNull(rootKey, "rootKey == null")), executor);
  }

  ExecutorAsyncUnkey(Unkey unkey, Executor executor) {
    this.unkey = Objects.requireNonNull(unkey, "unkey == null");
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  <T> CompletableFuture<T> run(Supplier<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              future.complete(call.get());
            } catch (Throwable t) {
              future.completeExceptionally(t);
            }
          });
    } catch (RuntimeException rejected) {
      future.completeExceptionally(rejected);
    }
    return future;
  }

  @Override
  public AsyncKeys keys() {
    Keys blocking = unkey.keys();
    return new AsyncKeys() {
      @Override
      public CompletableFuture<CreatedKey> create(CreateKeyRequest request) {
        return run(() -> blocking.create(request));
      }

      @Override
      public CompletableFuture<Verification> verify(VerifyKeyRequest request) {
        return run(() -> blocking.verify(request));
      }

      @Override
      public CompletableFuture<KeyInfo> get(GetKeyRequest request) {
        return run(() -> blocking.get(request));
      }

      @Override
      public CompletableFuture<KeyInfo> whoami(WhoamiRequest request) {
        return run(() -> blocking.whoami(request));
      }

      @Override
      public CompletableFuture<Ack> update(UpdateKeyRequest request) {
        return run(() -> blocking.update(request));
      }

      @Override
      public CompletableFuture<UpdatedCredits> updateCredits(UpdateCreditsRequest request) {
        return run(() -> blocking.updateCredits(request));
      }

      @Override
      public CompletableFuture<Ack> delete(DeleteKeyRequest request) {
        return run(() -> blocking.delete(request));
      }

      @Override
      public CompletableFuture<CreatedKey> reroll(RerollKeyRequest request) {
        return run(() -> blocking.reroll(request));
      }

      @Override
      public CompletableFuture<MigrationResult> migrate(MigrateKeysRequest request) {
        return run(() -> blocking.migrate(request));
      }

      @Override
      public CompletableFuture<AssignedPermissions> addPermissions(AddPermissionsRequest request) {
        return run(() -> blocking.addPermissions(request));
      }

      @Override
      public CompletableFuture<AssignedPermissions> removePermissions(
          RemovePermissionsRequest request) {
        return run(() -> blocking.removePermissions(request));
      }

      @Override
      public CompletableFuture<AssignedPermissions> setPermissions(SetPermissionsRequest request) {
        return run(() -> blocking.setPermissions(request));
      }

      @Override
      public CompletableFuture<AssignedRoles> addRoles(AddRolesRequest request) {
        return run(() -> blocking.addRoles(request));
      }

      @Override
      public CompletableFuture<AssignedRoles> removeRoles(RemoveRolesRequest request) {
        return run(() -> blocking.removeRoles(request));
      }

      @Override
      public CompletableFuture<AssignedRoles> setRoles(SetRolesRequest request) {
        return run(() -> blocking.setRoles(request));
      }
    };
  }

  @Override
  public AsyncApis apis() {
    Apis blocking = unkey.apis();
    return new AsyncApis() {
      @Override
      public CompletableFuture<CreatedApi> create(CreateApiRequest request) {
        return run(() -> blocking.create(request));
      }

      @Override
      public CompletableFuture<ApiInfo> get(GetApiRequest request) {
        return run(() -> blocking.get(request));
      }

      @Override
      public CompletableFuture<Page<KeyInfo>> listKeys(ListKeysRequest request) {
        return run(() -> blocking.listKeys(request));
      }

      @Override
      public CompletableFuture<Ack> delete(DeleteApiRequest request) {
        return run(() -> blocking.delete(request));
      }
    };
  }

  @Override
  public AsyncPermissions permissions() {
    Permissions blocking = unkey.permissions();
    return new AsyncPermissions() {
      @Override
      public CompletableFuture<CreatedPermission> createPermission(
          CreatePermissionRequest request) {
        return run(() -> blocking.createPermission(request));
      }

      @Override
      public CompletableFuture<Permission> getPermission(GetPermissionRequest request) {
        return run(() -> blocking.getPermission(request));
      }

      @Override
      public CompletableFuture<Page<Permission>> listPermissions(ListPermissionsRequest request) {
        return run(() -> blocking.listPermissions(request));
      }

      @Override
      public CompletableFuture<Ack> deletePermission(DeletePermissionRequest request) {
        return run(() -> blocking.deletePermission(request));
      }

      @Override
      public CompletableFuture<CreatedRole> createRole(CreateRoleRequest request) {
        return run(() -> blocking.createRole(request));
      }

      @Override
      public CompletableFuture<Role> getRole(GetRoleRequest request) {
        return run(() -> blocking.getRole(request));
      }

      @Override
      public CompletableFuture<Page<Role>> listRoles(ListRolesRequest request) {
        return run(() -> blocking.listRoles(request));
      }

      @Override
      public CompletableFuture<Ack> deleteRole(DeleteRoleRequest request) {
        return run(() -> blocking.deleteRole(request));
      }

      @Override
      public CompletableFuture<AssignedPermissions> setRolePermissions(
          SetRolePermissionsRequest request) {
        return run(() -> blocking.setRolePermissions(request));
      }
    };
  }

  @Override
  public AsyncIdentities identities() {
    Identities blocking = unkey.identities();
    return new AsyncIdentities() {
      @Override
      public CompletableFuture<CreatedIdentity> create(CreateIdentityRequest request) {
        return run(() -> blocking.create(request));
      }

      @Override
      public CompletableFuture<Identity> get(GetIdentityRequest request) {
        return run(() -> blocking.get(request));
      }

      @Override
      public CompletableFuture<Page<Identity>> list(ListIdentitiesRequest request) {
        return run(() -> blocking.list(request));
      }

      @Override
      public CompletableFuture<Identity> update(UpdateIdentityRequest request) {
        return run(() -> blocking.update(request));
      }

      @Override
      public CompletableFuture<Ack> delete(DeleteIdentityRequest request) {
        return run(() -> blocking.delete(request));
      }
    };
  }

  @Override
  public AsyncRatelimits ratelimits() {
    Ratelimits blocking = unkey.ratelimits();
    return new AsyncRatelimits() {
      @Override
      public CompletableFuture<LimitResult> limit(LimitRequest request) {
        return run(() -> blocking.limit(request));
      }

      @Override
      public CompletableFuture<MultiLimitResult> multiLimit(MultiLimitRequest request) {
        return run(() -> blocking.multiLimit(request));
      }

      @Override
      public CompletableFuture<SavedOverride> setOverride(SetOverrideRequest request) {
        return run(() -> blocking.setOverride(request));
      }

      @Override
      public CompletableFuture<RatelimitOverride> getOverride(GetOverrideRequest request) {
        return run(() -> blocking.getOverride(request));
      }

      @Override
      public CompletableFuture<Page<RatelimitOverride>> listOverrides(
          ListOverridesRequest request) {
        return run(() -> blocking.listOverrides(request));
      }

      @Override
      public CompletableFuture<Ack> deleteOverride(DeleteOverrideRequest request) {
        return run(() -> blocking.deleteOverride(request));
      }
    };
  }

  @Override
  public AsyncAnalytics analytics() {
    Analytics blocking = unkey.analytics();
    return new AsyncAnalytics() {
      @Override
      public CompletableFuture<VerificationRows> getVerifications(GetVerificationsRequest request) {
        return run(() -> blocking.getVerifications(request));
      }
    };
  }

  @Override
  public AsyncRootKeys rootKeys() {
    RootKeys blocking = unkey.rootKeys();
    return new AsyncRootKeys() {
      @Override
      public CompletableFuture<CreatedKey> create(CreateRootKeyRequest request) {
        return run(() -> blocking.create(request));
      }

      @Override
      public CompletableFuture<RootKeyInfo> get(GetRootKeyRequest request) {
        return run(() -> blocking.get(request));
      }

      @Override
      public CompletableFuture<Page<RootKeyInfo>> list(ListRootKeysRequest request) {
        return run(() -> blocking.list(request));
      }

      @Override
      public CompletableFuture<Ack> update(UpdateRootKeyRequest request) {
        return run(() -> blocking.update(request));
      }

      @Override
      public CompletableFuture<CreatedKey> reroll(RerollRootKeyRequest request) {
        return run(() -> blocking.reroll(request));
      }

      @Override
      public CompletableFuture<Ack> delete(DeleteRootKeyRequest request) {
        return run(() -> blocking.delete(request));
      }
    };
  }

  @Override
  public CompletableFuture<Liveness> liveness() {
    return run(unkey::liveness);
  }

  @Override
  public String toString() {
    return "AsyncUnkey.wrap(" + unkey + ")";
  }
}
