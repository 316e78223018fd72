package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.AssignedPermissions;
import dev.keyward.AsyncPermissions;
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
import dev.keyward.Role;
import dev.keyward.SetRolePermissionsRequest;
import dev.keyward.http.internal.WireCodec;
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
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_CREATE_PERMISSION), request, null);
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
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_DELETE_PERMISSION), request, null);
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
  public CompletableFuture<AssignedPermissions> setRolePermissions(SetRolePermissionsRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.PERMISSIONS_SET_ROLE_PERMISSIONS), request, null);
  }
}
