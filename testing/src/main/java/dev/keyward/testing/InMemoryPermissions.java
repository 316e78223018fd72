package dev.keyward.testing;

import dev.keyward.Permissions;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code permissions.*} on a {@link Workspace}: the RBAC permissions and roles of API keys. */
final class InMemoryPermissions extends Group implements Permissions {
  InMemoryPermissions(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  @Override
  public CreatedPermission createPermission(CreatePermissionRequest request) {
    Operation op = Operation.PERMISSIONS_CREATE_PERMISSION;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      if (ws.permissionsBySlug.containsKey(request.slug())) {
        throw ErrorCode.PERMISSION_DUPLICATE.exception(
            op, "A permission with slug '" + request.slug() + "' already exists.", rid);
      }
      StoredPermission p =
          new StoredPermission(
              ws.newId("perm"), request.name(), request.slug(), request.description(), ws.now());
      ws.permissions.put(p.id, p);
      ws.permissionsBySlug.put(p.slug, p);
      return new CreatedPermission(p.id, rid);
    }
  }

  private StoredPermission permission(Operation op, String ref, String rid) {
    StoredPermission p =
        ws.permissions.containsKey(ref) ? ws.permissions.get(ref) : ws.permissionsBySlug.get(ref);
    if (p == null) {
      throw ErrorCode.PERMISSION_NOT_FOUND.exception(
          op, "The specified permission was not found.", rid);
    }
    return p;
  }

  private StoredRole role(Operation op, String ref, String rid) {
    StoredRole r = ws.roles.containsKey(ref) ? ws.roles.get(ref) : ws.rolesByName.get(ref);
    if (r == null) {
      throw ErrorCode.ROLE_NOT_FOUND.exception(op, "The specified role was not found.", rid);
    }
    return r;
  }

  @Override
  public Permission getPermission(GetPermissionRequest request) {
    Operation op = Operation.PERMISSIONS_GET_PERMISSION;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      return permission(op, request.permission(), rid).view();
    }
  }

  @Override
  public Page<Permission> listPermissions(ListPermissionsRequest request) {
    Operation op = Operation.PERMISSIONS_LIST_PERMISSIONS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      List<StoredPermission> all =
          ws.permissions.values().stream()
              .filter(
                  p ->
                      request.search() == null
                          || p.name.contains(request.search())
                          || p.slug.contains(request.search()))
              .toList();
      return page(all, p -> p.id, StoredPermission::view, request.limit(), request.cursor(), rid);
    }
  }

  @Override
  public Ack deletePermission(DeletePermissionRequest request) {
    Operation op = Operation.PERMISSIONS_DELETE_PERMISSION;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      StoredPermission p = permission(op, request.permission(), rid);
      ws.permissions.remove(p.id);
      ws.permissionsBySlug.remove(p.slug);
      ws.roles.values().forEach(r -> r.permissionIds.remove(p.id));
      ws.keys.values().forEach(k -> k.permissionIds.remove(p.id));
      return new Ack(rid);
    }
  }

  @Override
  public CreatedRole createRole(CreateRoleRequest request) {
    Operation op = Operation.PERMISSIONS_CREATE_ROLE;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      Set<Operation.Condition> c =
          request.permissions().isEmpty()
              ? Set.of()
              : EnumSet.of(Operation.Condition.ROLE_PERMISSIONS);
      ws.authorize(principal(op, rid), op, null, c, rid);
      if (ws.rolesByName.containsKey(request.name())) {
        throw ErrorCode.ROLE_DUPLICATE.exception(
            op, "A role with name '" + request.name() + "' already exists.", rid);
      }
      List<StoredPermission> ps = new ArrayList<>();
      request.permissions().forEach(ref -> ps.add(permission(op, ref, rid)));
      StoredRole r =
          new StoredRole(ws.newId("role"), request.name(), request.description(), ws.now());
      ps.forEach(p -> r.permissionIds.add(p.id));
      ws.roles.put(r.id, r);
      ws.rolesByName.put(r.name, r);
      return new CreatedRole(r.id, rid);
    }
  }

  @Override
  public Role getRole(GetRoleRequest request) {
    Operation op = Operation.PERMISSIONS_GET_ROLE;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      return ws.roleView(role(op, request.role(), rid));
    }
  }

  @Override
  public Page<Role> listRoles(ListRolesRequest request) {
    Operation op = Operation.PERMISSIONS_LIST_ROLES;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      List<StoredRole> all =
          ws.roles.values().stream()
              .filter(r -> request.search() == null || r.name.contains(request.search()))
              .toList();
      return page(all, r -> r.id, ws::roleView, request.limit(), request.cursor(), rid);
    }
  }

  @Override
  public Ack deleteRole(DeleteRoleRequest request) {
    Operation op = Operation.PERMISSIONS_DELETE_ROLE;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      StoredRole r = role(op, request.role(), rid);
      ws.roles.remove(r.id);
      ws.rolesByName.remove(r.name);
      ws.keys.values().forEach(k -> k.roleIds.remove(r.id));
      return new Ack(rid);
    }
  }

  @Override
  public AssignedPermissions setRolePermissions(SetRolePermissionsRequest request) {
    Operation op = Operation.PERMISSIONS_SET_ROLE_PERMISSIONS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      StoredRole r = role(op, request.roleId(), rid);
      List<StoredPermission> ps = new ArrayList<>();
      request.permissions().forEach(ref -> ps.add(permission(op, ref, rid)));
      r.permissionIds.clear();
      ps.forEach(p -> r.permissionIds.add(p.id));
      List<Permission> out = new ArrayList<>();
      ps.forEach(p -> out.add(p.view()));
      return new AssignedPermissions(out, rid);
    }
  }
}
