package dev.keyward.testing;

import dev.keyward.Unkey;
import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatePermissionRequest;
import dev.keyward.model.CreateRoleRequest;
import dev.keyward.model.CreateRootKeyRequest;
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
import dev.keyward.model.LimitRequest;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.ListOverridesRequest;
import dev.keyward.model.ListPermissionsRequest;
import dev.keyward.model.ListRolesRequest;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.MigrateKeysRequest;
import dev.keyward.model.MultiLimitRequest;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.RerollRootKeyRequest;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolePermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateIdentityRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.UpdateRootKeyRequest;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.model.WhoamiRequest;
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
