package dev.keyward.http.internal;

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

/** The wire format of {@code permissions.*}. */
final class PermissionCodecs {
  private PermissionCodecs() {}

  /** {@code permissions.createPermission}. */
  static final OperationCodec<CreatePermissionRequest, CreatedPermission> CREATE_PERMISSION =
      OperationCodec.object(
          Operation.PERMISSIONS_CREATE_PERMISSION,
          (w, r) ->
              w.str("name", r.name()).str("slug", r.slug()).optStr("description", r.description()),
          o -> {
            CreatePermissionRequest.Builder b =
                CreatePermissionRequest.builder(o.str("name"), o.str("slug"));
            o.ifPresent("description", o::str, b::description);
            return b.build();
          },
          (w, c) -> w.str("permissionId", c.permissionId()),
          (o, id) -> new CreatedPermission(o.str("permissionId"), id),
          CreatedPermission::requestId);

  /** {@code permissions.getPermission}. */
  static final OperationCodec<GetPermissionRequest, Permission> GET_PERMISSION =
      OperationCodec.object(
          Operation.PERMISSIONS_GET_PERMISSION,
          (w, r) -> w.str("permission", r.permission()),
          o -> GetPermissionRequest.of(o.str("permission")),
          CommonCodecs::permission,
          (o, id) -> CommonCodecs.readPermission(o),
          p -> null);

  /** {@code permissions.listPermissions}. */
  static final OperationCodec<ListPermissionsRequest, Page<Permission>> LIST_PERMISSIONS =
      OperationCodec.page(
          Operation.PERMISSIONS_LIST_PERMISSIONS,
          (w, r) -> w.cursor(r.cursor()).lng("limit", r.limit()).optStr("search", r.search()),
          o -> {
            ListPermissionsRequest.Builder b = ListPermissionsRequest.builder();
            o.ifPresent("limit", o::optInt, b::limit);
            o.ifPresent("cursor", o::str, b::cursor);
            o.ifPresent("search", o::str, b::search);
            return b.build();
          },
          CommonCodecs::permission,
          CommonCodecs::readPermission);

  /** {@code permissions.deletePermission}. */
  static final OperationCodec<DeletePermissionRequest, Ack> DELETE_PERMISSION =
      OperationCodec.ack(
          Operation.PERMISSIONS_DELETE_PERMISSION,
          (w, r) -> w.str("permission", r.permission()),
          o -> DeletePermissionRequest.of(o.str("permission")));

  /** {@code permissions.createRole}. */
  static final OperationCodec<CreateRoleRequest, CreatedRole> CREATE_ROLE =
      OperationCodec.object(
          Operation.PERMISSIONS_CREATE_ROLE,
          (w, r) ->
              w.str("name", r.name())
                  .optStr("description", r.description())
                  .optStrings("permissions", r.permissions()),
          o -> {
            CreateRoleRequest.Builder b = CreateRoleRequest.builder(o.str("name"));
            o.ifPresent("description", o::str, b::description);
            return b.permissions(o.strings("permissions")).build();
          },
          (w, c) -> w.str("roleId", c.roleId()),
          (o, id) -> new CreatedRole(o.str("roleId"), id),
          CreatedRole::requestId);

  /** {@code permissions.getRole}. */
  static final OperationCodec<GetRoleRequest, Role> GET_ROLE =
      OperationCodec.object(
          Operation.PERMISSIONS_GET_ROLE,
          (w, r) -> w.str("role", r.role()),
          o -> GetRoleRequest.of(o.str("role")),
          CommonCodecs::role,
          (o, id) -> CommonCodecs.readRole(o),
          r -> null);

  /** {@code permissions.listRoles}. */
  static final OperationCodec<ListRolesRequest, Page<Role>> LIST_ROLES =
      OperationCodec.page(
          Operation.PERMISSIONS_LIST_ROLES,
          (w, r) -> w.lng("limit", r.limit()).cursor(r.cursor()).optStr("search", r.search()),
          o -> {
            ListRolesRequest.Builder b = ListRolesRequest.builder();
            o.ifPresent("limit", o::optInt, b::limit);
            o.ifPresent("cursor", o::str, b::cursor);
            o.ifPresent("search", o::str, b::search);
            return b.build();
          },
          CommonCodecs::role,
          CommonCodecs::readRole);

  /** {@code permissions.deleteRole}. */
  static final OperationCodec<DeleteRoleRequest, Ack> DELETE_ROLE =
      OperationCodec.ack(
          Operation.PERMISSIONS_DELETE_ROLE,
          (w, r) -> w.str("role", r.role()),
          o -> DeleteRoleRequest.of(o.str("role")));

  /** {@code permissions.setRolePermissions}. */
  static final OperationCodec<SetRolePermissionsRequest, AssignedPermissions> SET_ROLE_PERMISSIONS =
      KeyCodecs.permissions(
          Operation.PERMISSIONS_SET_ROLE_PERMISSIONS,
          (w, r) -> w.str("roleId", r.roleId()).strings("permissions", r.permissions()),
          o -> SetRolePermissionsRequest.of(o.str("roleId"), o.strings("permissions")));
}
