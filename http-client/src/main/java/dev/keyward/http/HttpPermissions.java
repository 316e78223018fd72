package dev.keyward.http;

import dev.keyward.Permissions;
import dev.keyward.http.internal.WireCodec;
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
