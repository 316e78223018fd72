package dev.keyward.http;

import dev.keyward.AsyncPermissions;
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
import java.util.concurrent.CompletableFuture;

/** {@code permissions.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncPermissions implements AsyncPermissions {
  private final Caller caller;

  HttpAsyncPermissions(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<CreatedPermission> createPermission(CreatePermissionRequest request) {
    return caller.callAsync(
        WireCodec.codec(Operation.PERMISSIONS_CREATE_PERMISSION), request, null);
  }

  @Override
  public CompletableFuture<Permission> getPermission(GetPermissionRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_GET_PERMISSION), request, null);
  }

  @Override
  public CompletableFuture<Page<Permission>> listPermissions(ListPermissionsRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_LIST_PERMISSIONS), request, null);
  }

  @Override
  public CompletableFuture<Ack> deletePermission(DeletePermissionRequest request) {
    return caller.callAsync(
        WireCodec.codec(Operation.PERMISSIONS_DELETE_PERMISSION), request, null);
  }

  @Override
  public CompletableFuture<CreatedRole> createRole(CreateRoleRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_CREATE_ROLE), request, null);
  }

  @Override
  public CompletableFuture<Role> getRole(GetRoleRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_GET_ROLE), request, null);
  }

  @Override
  public CompletableFuture<Page<Role>> listRoles(ListRolesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_LIST_ROLES), request, null);
  }

  @Override
  public CompletableFuture<Ack> deleteRole(DeleteRoleRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_DELETE_ROLE), request, null);
  }

  @Override
  public CompletableFuture<AssignedPermissions> setRolePermissions(
      SetRolePermissionsRequest request) {
    return caller.callAsync(
        WireCodec.codec(Operation.PERMISSIONS_SET_ROLE_PERMISSIONS), request, null);
  }
}
