package dev.keyward;

import dev.keyward.model.Ack;
import dev.keyward.model.AssignedPermissions;
import dev.keyward.model.CreatePermissionRequest;
import dev.keyward.model.CreateRoleRequest;
import dev.keyward.model.CreatedPermission;
import dev.keyward.model.CreatedRole;
import dev.keyward.model.DeletePermissionRequest;
import dev.keyward.model.DeleteRoleRequest;
import dev.keyward.model.GetPermissionRequest;
import dev.keyward.model.GetRoleRequest;
import dev.keyward.model.ListPermissionsRequest;
import dev.keyward.model.ListRolesRequest;
import dev.keyward.model.Page;
import dev.keyward.model.Permission;
import dev.keyward.model.Role;
import dev.keyward.model.SetRolePermissionsRequest;
import java.util.concurrent.CompletableFuture;

/** The asynchronous {@code permissions.*} operations: RBAC permissions and roles. */
public interface AsyncPermissions {
  /** {@code permissions.createPermission}: creates a permission. */
  CompletableFuture<CreatedPermission> createPermission(CreatePermissionRequest request);

  /** {@code permissions.getPermission}: reads a permission by id or slug. */
  CompletableFuture<Permission> getPermission(GetPermissionRequest request);

  /** {@code permissions.listPermissions}: one page of permissions. */
  CompletableFuture<Page<Permission>> listPermissions(ListPermissionsRequest request);

  /**
   * {@code permissions.deletePermission}: deletes a permission (and removes it from keys and
   * roles).
   */
  CompletableFuture<Ack> deletePermission(DeletePermissionRequest request);

  /** {@code permissions.createRole}: creates a role. */
  CompletableFuture<CreatedRole> createRole(CreateRoleRequest request);

  /** {@code permissions.getRole}: reads a role by id or name. */
  CompletableFuture<Role> getRole(GetRoleRequest request);

  /** {@code permissions.listRoles}: one page of roles. */
  CompletableFuture<Page<Role>> listRoles(ListRolesRequest request);

  /** {@code permissions.deleteRole}: deletes a role. */
  CompletableFuture<Ack> deleteRole(DeleteRoleRequest request);

  /** {@code permissions.setRolePermissions}: replaces a role's permissions. */
  CompletableFuture<AssignedPermissions> setRolePermissions(SetRolePermissionsRequest request);
}
