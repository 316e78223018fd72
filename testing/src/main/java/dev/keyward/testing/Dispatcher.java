package dev.keyward.testing;

import dev.keyward.AddPermissionsRequest;
import dev.keyward.AddRolesRequest;
import dev.keyward.CreateApiRequest;
import dev.keyward.CreateIdentityRequest;
import dev.keyward.CreateKeyRequest;
import dev.keyward.CreatePermissionRequest;
import dev.keyward.CreateRoleRequest;
import dev.keyward.CreateRootKeyRequest;
import dev.keyward.DeleteApiRequest;
import dev.keyward.DeleteIdentityRequest;
import dev.keyward.DeleteKeyRequest;
import dev.keyward.DeleteOverrideRequest;
import dev.keyward.DeletePermissionRequest;
import dev.keyward.DeleteRoleRequest;
import dev.keyward.DeleteRootKeyRequest;
import dev.keyward.GetApiRequest;
import dev.keyward.GetIdentityRequest;
import dev.keyward.GetKeyRequest;
import dev.keyward.GetOverrideRequest;
import dev.keyward.GetPermissionRequest;
import dev.keyward.GetRoleRequest;
import dev.keyward.GetRootKeyRequest;
import dev.keyward.GetVerificationsRequest;
import dev.keyward.LimitRequest;
import dev.keyward.ListIdentitiesRequest;
import dev.keyward.ListKeysRequest;
import dev.keyward.ListOverridesRequest;
import dev.keyward.ListPermissionsRequest;
import dev.keyward.ListRolesRequest;
import dev.keyward.ListRootKeysRequest;
import dev.keyward.MigrateKeysRequest;
import dev.keyward.MultiLimitRequest;
import dev.keyward.RemovePermissionsRequest;
import dev.keyward.RemoveRolesRequest;
import dev.keyward.RerollKeyRequest;
import dev.keyward.RerollRootKeyRequest;
import dev.keyward.SetOverrideRequest;
import dev.keyward.SetPermissionsRequest;
import dev.keyward.SetRolePermissionsRequest;
import dev.keyward.SetRolesRequest;
import dev.keyward.UpdateCreditsRequest;
import dev.keyward.UpdateIdentityRequest;
import dev.keyward.UpdateKeyRequest;
import dev.keyward.UpdateRootKeyRequest;
import dev.keyward.VerifyKeyRequest;
import dev.keyward.WhoamiRequest;
import dev.keyward.Unkey;
import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/** Calls the port method of an operation with its decoded request: the server's routing table. */
final class Dispatcher {
  private Dispatcher() {}

  /** Runs {@code op} on {@code unkey} with {@code request} (null only for liveness). */
  static Object dispatch(Unkey unkey, Operation op, @Nullable Object request) {
    switch (op) {
      case LIVENESS:
        return unkey.liveness();
      case KEYS_CREATE_KEY:
        return unkey.keys().create((CreateKeyRequest) request);
      case KEYS_VERIFY_KEY:
        return unkey.keys().verify((VerifyKeyRequest) request);
      case KEYS_GET_KEY:
        return unkey.keys().get((GetKeyRequest) request);
      case KEYS_WHOAMI:
        return unkey.keys().whoami((WhoamiRequest) request);
      case KEYS_UPDATE_KEY:
        return unkey.keys().update((UpdateKeyRequest) request);
      case KEYS_UPDATE_CREDITS:
        return unkey.keys().updateCredits((UpdateCreditsRequest) request);
      case KEYS_DELETE_KEY:
        return unkey.keys().delete((DeleteKeyRequest) request);
      case KEYS_REROLL_KEY:
        return unkey.keys().reroll((RerollKeyRequest) request);
      case KEYS_MIGRATE_KEYS:
        return unkey.keys().migrate((MigrateKeysRequest) request);
      case KEYS_ADD_PERMISSIONS:
        return unkey.keys().addPermissions((AddPermissionsRequest) request);
      case KEYS_REMOVE_PERMISSIONS:
        return unkey.keys().removePermissions((RemovePermissionsRequest) request);
      case KEYS_SET_PERMISSIONS:
        return unkey.keys().setPermissions((SetPermissionsRequest) request);
      case KEYS_ADD_ROLES:
        return unkey.keys().addRoles((AddRolesRequest) request);
      case KEYS_REMOVE_ROLES:
        return unkey.keys().removeRoles((RemoveRolesRequest) request);
      case KEYS_SET_ROLES:
        return unkey.keys().setRoles((SetRolesRequest) request);
      case APIS_CREATE_API:
        return unkey.apis().create((CreateApiRequest) request);
      case APIS_GET_API:
        return unkey.apis().get((GetApiRequest) request);
      case APIS_LIST_KEYS:
        return unkey.apis().listKeys((ListKeysRequest) request);
      case APIS_DELETE_API:
        return unkey.apis().delete((DeleteApiRequest) request);
      case PERMISSIONS_CREATE_PERMISSION:
        return unkey.permissions().createPermission((CreatePermissionRequest) request);
      case PERMISSIONS_GET_PERMISSION:
        return unkey.permissions().getPermission((GetPermissionRequest) request);
      case PERMISSIONS_LIST_PERMISSIONS:
        return unkey.permissions().listPermissions((ListPermissionsRequest) request);
      case PERMISSIONS_DELETE_PERMISSION:
        return unkey.permissions().deletePermission((DeletePermissionRequest) request);
      case PERMISSIONS_CREATE_ROLE:
        return unkey.permissions().createRole((CreateRoleRequest) request);
      case PERMISSIONS_GET_ROLE:
        return unkey.permissions().getRole((GetRoleRequest) request);
      case PERMISSIONS_LIST_ROLES:
        return unkey.permissions().listRoles((ListRolesRequest) request);
      case PERMISSIONS_DELETE_ROLE:
        return unkey.permissions().deleteRole((DeleteRoleRequest) request);
      case PERMISSIONS_SET_ROLE_PERMISSIONS:
        return unkey.permissions().setRolePermissions((SetRolePermissionsRequest) request);
      case IDENTITIES_CREATE_IDENTITY:
        return unkey.identities().create((CreateIdentityRequest) request);
      case IDENTITIES_GET_IDENTITY:
        return unkey.identities().get((GetIdentityRequest) request);
      case IDENTITIES_LIST_IDENTITIES:
        return unkey.identities().list((ListIdentitiesRequest) request);
      case IDENTITIES_UPDATE_IDENTITY:
        return unkey.identities().update((UpdateIdentityRequest) request);
      case IDENTITIES_DELETE_IDENTITY:
        return unkey.identities().delete((DeleteIdentityRequest) request);
      case RATELIMIT_LIMIT:
        return unkey.ratelimits().limit((LimitRequest) request);
      case RATELIMIT_MULTI_LIMIT:
        return unkey.ratelimits().multiLimit((MultiLimitRequest) request);
      case RATELIMIT_SET_OVERRIDE:
        return unkey.ratelimits().setOverride((SetOverrideRequest) request);
      case RATELIMIT_GET_OVERRIDE:
        return unkey.ratelimits().getOverride((GetOverrideRequest) request);
      case RATELIMIT_LIST_OVERRIDES:
        return unkey.ratelimits().listOverrides((ListOverridesRequest) request);
      case RATELIMIT_DELETE_OVERRIDE:
        return unkey.ratelimits().deleteOverride((DeleteOverrideRequest) request);
      case ANALYTICS_GET_VERIFICATIONS:
        return unkey.analytics().getVerifications((GetVerificationsRequest) request);
      case ROOT_KEYS_CREATE_ROOT_KEY:
        return unkey.rootKeys().create((CreateRootKeyRequest) request);
      case ROOT_KEYS_GET_ROOT_KEY:
        return unkey.rootKeys().get((GetRootKeyRequest) request);
      case ROOT_KEYS_LIST_ROOT_KEYS:
        return unkey.rootKeys().list((ListRootKeysRequest) request);
      case ROOT_KEYS_UPDATE_ROOT_KEY:
        return unkey.rootKeys().update((UpdateRootKeyRequest) request);
      case ROOT_KEYS_REROLL_ROOT_KEY:
        return unkey.rootKeys().reroll((RerollRootKeyRequest) request);
      case ROOT_KEYS_DELETE_ROOT_KEY:
        return unkey.rootKeys().delete((DeleteRootKeyRequest) request);
      default:
        throw new UnsupportedOperationException(op.wireName());
    }
  }
}
