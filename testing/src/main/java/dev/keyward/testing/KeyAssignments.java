package dev.keyward.testing;

import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.AssignedPermissions;
import dev.keyward.model.AssignedRoles;
import dev.keyward.model.Permission;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.Role;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.permission.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The roles and permissions assigned to keys: {@code keys.add/remove/setPermissions} and {@code
 * keys.add/remove/setRoles}, and the lookups of roles and permissions by id, name or slug that
 * {@link InMemoryKeys} shares when it creates, updates or migrates a key.
 */
final class KeyAssignments extends Group {
  /** What an assignment operation does with the roles or permissions it names. */
  private enum Change {
    /** Assigns them in addition to those the key has ({@code add*}). */
    ADD,
    /** Takes them from the key, leaving the rest ({@code remove*}). */
    REMOVE,
    /** Makes them the key's only ones ({@code set*}). */
    REPLACE
  }

  KeyAssignments(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  AssignedPermissions addPermissions(AddPermissionsRequest request) {
    return editPermissions(
        Operation.KEYS_ADD_PERMISSIONS, request.keyId(), request.permissions(), Change.ADD);
  }

  AssignedPermissions removePermissions(RemovePermissionsRequest request) {
    return editPermissions(
        Operation.KEYS_REMOVE_PERMISSIONS, request.keyId(), request.permissions(), Change.REMOVE);
  }

  AssignedPermissions setPermissions(SetPermissionsRequest request) {
    return editPermissions(
        Operation.KEYS_SET_PERMISSIONS, request.keyId(), request.permissions(), Change.REPLACE);
  }

  AssignedRoles addRoles(AddRolesRequest request) {
    return editRoles(Operation.KEYS_ADD_ROLES, request.keyId(), request.roles(), Change.ADD);
  }

  AssignedRoles removeRoles(RemoveRolesRequest request) {
    return editRoles(Operation.KEYS_REMOVE_ROLES, request.keyId(), request.roles(), Change.REMOVE);
  }

  AssignedRoles setRoles(SetRolesRequest request) {
    return editRoles(Operation.KEYS_SET_ROLES, request.keyId(), request.roles(), Change.REPLACE);
  }

  /**
   * The permission with this slug, created if new (createKey and addPermissions create missing
   * slugs).
   */
  StoredPermission permissionFor(String slug) {
    StoredPermission permission = ws.permissionsBySlug.get(slug);
    if (permission == null) {
      permission = new StoredPermission(ws.newId("perm"), slug, slug, null, ws.now());
      ws.permissions.put(permission.id, permission);
      ws.permissionsBySlug.put(slug, permission);
    }
    return permission;
  }

  /** Roles by id or name, or Unkey's 404 for the first unknown one. */
  List<StoredRole> roles(Operation op, List<String> refs, String rid) {
    List<StoredRole> out = new ArrayList<>();
    for (String ref : refs) {
      StoredRole role = ws.roles.containsKey(ref) ? ws.roles.get(ref) : ws.rolesByName.get(ref);
      if (role == null) {
        throw ErrorCode.ROLE_NOT_FOUND.exception(op, "Role '" + ref + "' was not found.", rid);
      }
      out.add(role);
    }
    return out;
  }

  private StoredPermission existingPermission(Operation op, String ref, String rid) {
    StoredPermission sp =
        ws.permissions.containsKey(ref) ? ws.permissions.get(ref) : ws.permissionsBySlug.get(ref);
    if (sp == null) {
      throw ErrorCode.PERMISSION_NOT_FOUND.exception(
          op, "Permission '" + ref + "' was not found.", rid);
    }
    return sp;
  }

  private AssignedPermissions editPermissions(
      Operation op, String keyId, List<String> refs, Change change) {
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = ws.liveKey(keyId);
      if (key == null) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      Set<Operation.Condition> conditions = EnumSet.noneOf(Operation.Condition.class);
      if (change != Change.REMOVE) {
        for (String ref : refs) {
          if (!ws.permissions.containsKey(ref) && !ws.permissionsBySlug.containsKey(ref)) {
            conditions.add(Operation.Condition.NEW_PERMISSION_SLUG);
          }
        }
      }
      ws.authorize(caller, op, key.apiId, conditions, ws.keyIds(key), rid);
      if (change == Change.REMOVE) {
        List<StoredPermission> remove = new ArrayList<>();
        refs.forEach(ref -> remove.add(existingPermission(op, ref, rid)));
        remove.forEach(sp -> key.permissionIds.remove(sp.id));
      } else {
        List<String> ids = new ArrayList<>();
        refs.forEach(ref -> ids.add(ws.permissions.containsKey(ref) ? ref : permissionFor(ref).id));
        if (change == Change.REPLACE) {
          key.permissionIds.clear();
        }
        key.permissionIds.addAll(ids);
      }
      key.updatedAt = ws.now();
      List<Permission> out = new ArrayList<>();
      key.permissionIds.forEach(id -> out.add(ws.permissions.get(id).view()));
      return new AssignedPermissions(out, rid);
    }
  }

  private AssignedRoles editRoles(Operation op, String keyId, List<String> refs, Change change) {
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = authorizedKey(op, caller, keyId, rid);
      List<StoredRole> roles = roles(op, refs, rid);
      if (change == Change.REPLACE) {
        key.roleIds.clear();
      }
      for (StoredRole role : roles) {
        if (change == Change.REMOVE) {
          key.roleIds.remove(role.id);
        } else {
          key.roleIds.add(role.id);
        }
      }
      key.updatedAt = ws.now();
      List<Role> out = new ArrayList<>();
      key.roleIds.forEach(id -> out.add(ws.roleView(ws.roles.get(id))));
      return new AssignedRoles(out, rid);
    }
  }
}
