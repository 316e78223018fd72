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
import dev.keyward.model.Pages;
import dev.keyward.model.Permission;
import dev.keyward.model.Role;
import dev.keyward.model.SetRolePermissionsRequest;

/** The {@code permissions.*} operations: RBAC permissions and roles. */
public interface Permissions {
  /** {@code permissions.createPermission}: creates a permission. */
  CreatedPermission createPermission(CreatePermissionRequest request);

  /** {@code permissions.getPermission}: reads a permission by id or slug. */
  Permission getPermission(GetPermissionRequest request);

  /** {@code permissions.listPermissions}: one page of permissions. */
  Page<Permission> listPermissions(ListPermissionsRequest request);

  /** Every permission, fetched lazily page by page from the request's cursor. */
  default Pages<Permission> listPermissionsAll(ListPermissionsRequest request) {
    return Pages.iterate(
        c -> listPermissions(c.isPresent() ? request.withCursor(c.get()) : request));
  }

  /**
   * {@code permissions.deletePermission}: deletes a permission (and removes it from keys and
   * roles).
   */
  Ack deletePermission(DeletePermissionRequest request);

  /** {@code permissions.createRole}: creates a role. */
  CreatedRole createRole(CreateRoleRequest request);

  /** {@code permissions.getRole}: reads a role by id or name. */
  Role getRole(GetRoleRequest request);

  /** {@code permissions.listRoles}: one page of roles. */
  Page<Role> listRoles(ListRolesRequest request);

  /** Every role, fetched lazily page by page from the request's cursor. */
  default Pages<Role> listRolesAll(ListRolesRequest request) {
    return Pages.iterate(c -> listRoles(c.isPresent() ? request.withCursor(c.get()) : request));
  }

  /** {@code permissions.deleteRole}: deletes a role. */
  Ack deleteRole(DeleteRoleRequest request);

  /** {@code permissions.setRolePermissions}: replaces a role's permissions. */
  AssignedPermissions setRolePermissions(SetRolePermissionsRequest request);
}
