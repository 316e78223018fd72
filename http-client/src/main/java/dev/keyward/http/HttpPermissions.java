package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.AssignedPermissions;
import dev.keyward.CreatePermissionRequest;
import dev.keyward.CreateRoleRequest;
import dev.keyward.CreatedPermission;
import dev.keyward.CreatedRole;
import dev.keyward.DeletePermissionRequest;
import dev.keyward.DeleteRoleRequest;
import dev.keyward.GetPermissionRequest;
import dev.keyward.GetRoleRequest;
import dev.keyward.ListPermissionsRequest;
import dev.keyward.ListRolesRequest;
import dev.keyward.Page;
import dev.keyward.Permission;
import dev.keyward.Permissions;
import dev.keyward.Role;
import dev.keyward.SetRolePermissionsRequest;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.permission.Operation;

/** {@code permissions.*} over HTTP. */
final class HttpPermissions implements Permissions {
  private final Caller caller;

  HttpPermissions(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CreatedPermission createPermission(CreatePermissionRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_CREATE_PERMISSION), request, null);
  }

  @Override
  public Permission getPermission(GetPermissionRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_GET_PERMISSION), request, null);
  }

  @Override
  public Page<Permission> listPermissions(ListPermissionsRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_LIST_PERMISSIONS), request, null);
  }

  @Override
  public Ack deletePermission(DeletePermissionRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_DELETE_PERMISSION), request, null);
  }

  @Override
  public CreatedRole createRole(CreateRoleRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_CREATE_ROLE), request, null);
  }

  @Override
  public Role getRole(GetRoleRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_GET_ROLE), request, null);
  }

  @Override
  public Page<Role> listRoles(ListRolesRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_LIST_ROLES), request, null);
  }

  @Override
  public Ack deleteRole(DeleteRoleRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_DELETE_ROLE), request, null);
  }

  @Override
  public AssignedPermissions setRolePermissions(SetRolePermissionsRequest request) {
    return caller.call(WireCodec.codec(Operation.PERMISSIONS_SET_ROLE_PERMISSIONS), request, null);
  }
}
