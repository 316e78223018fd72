package dev.keyward.permission;

import static dev.keyward.permission.Action.*;
import static dev.keyward.permission.ResourceType.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks of Unkey's v2 handlers ({@code svc/api/routes/v2_*}/handler.go), one case per
 * operation, transcribed with the handlers' own order of legs; the cited handler and commit per
 * operation are in {@code unkey-checks.md} beside this class. The {@code unkey:v1:} resource legs
 * ({@code rbac.U}) are added only when {@link ResourceIds} gives their ids.
 */
final class Requirements {
  private Requirements() {}

  static PermissionQuery of(
      Operation op,
      @Nullable String resourceId,
      Set<Operation.Condition> conditions,
      ResourceIds ids) {
    String id = resourceId == null || resourceId.equals("*") ? null : resourceId;
    boolean recoverable = conditions.contains(Operation.Condition.RECOVERABLE);
    boolean decrypt = conditions.contains(Operation.Condition.DECRYPT);
    List<PermissionQuery> all = new ArrayList<>(4);
    switch (op) {
      case KEYS_CREATE_KEY:
      case KEYS_REROLL_KEY:
        all.add(withUrn(idFirst(API, id, CREATE_KEY), ids.keyspaceUrn(), CREATE_KEY));
        if (recoverable) {
          PermissionQuery encrypt =
              op == Operation.KEYS_CREATE_KEY
                  ? scoped(API, id, ENCRYPT_KEY)
                  : idFirst(API, id, ENCRYPT_KEY);
          all.add(withUrn(encrypt, keys(ids.keyspaceUrn()), ENCRYPT_KEY));
        }
        break;
      case KEYS_MIGRATE_KEYS:
        all.add(scoped(API, id, CREATE_KEY));
        break;
      case KEYS_GET_KEY:
        all.add(withUrn(scoped(API, id, READ_KEY), ids.keyUrn(), READ_KEY));
        if (decrypt) {
          all.add(withUrn(scoped(API, id, DECRYPT_KEY), ids.keyUrn(), DECRYPT_KEY));
        }
        break;
      case KEYS_WHOAMI:
        all.add(withUrn(scoped(API, id, READ_KEY), ids.keyUrn(), READ_KEY));
        break;
      case KEYS_DELETE_KEY:
        all.add(withUrn(scoped(API, id, DELETE_KEY), ids.keyUrn(), DELETE_KEY));
        break;
      case KEYS_UPDATE_KEY:
      case KEYS_UPDATE_CREDITS:
      case KEYS_SET_ROLES:
        all.add(withUrn(scoped(API, id, UPDATE_KEY), ids.keyUrn(), UPDATE_KEY));
        break;
      case KEYS_VERIFY_KEY:
        all.add(withUrn(scoped(API, id, VERIFY_KEY), ids.keyUrn(), VERIFY_KEY));
        break;
      case KEYS_ADD_PERMISSIONS:
        all.add(
            urnFirst(
                ids.keyUrn(),
                UPDATE_KEY,
                PermissionQuery.and(
                    scoped(API, id, UPDATE_KEY), global(RBAC, ADD_PERMISSION_TO_KEY))));
        newPermissionSlug(all, conditions);
        break;
      case KEYS_REMOVE_PERMISSIONS:
        all.add(
            urnFirst(
                ids.keyUrn(),
                UPDATE_KEY,
                PermissionQuery.and(
                    scoped(API, id, UPDATE_KEY), global(RBAC, REMOVE_PERMISSION_FROM_KEY))));
        break;
      case KEYS_SET_PERMISSIONS:
        all.add(scoped(API, id, UPDATE_KEY));
        all.add(global(RBAC, ADD_PERMISSION_TO_KEY));
        all.add(global(RBAC, REMOVE_PERMISSION_FROM_KEY));
        newPermissionSlug(all, conditions);
        break;
      case KEYS_ADD_ROLES:
        all.add(scoped(API, id, UPDATE_KEY));
        all.add(global(RBAC, ADD_ROLE_TO_KEY));
        break;
      case KEYS_REMOVE_ROLES:
        all.add(scoped(API, id, UPDATE_KEY));
        break;
      case APIS_CREATE_API:
        all.add(global(API, CREATE_API));
        break;
      case APIS_GET_API:
        all.add(scoped(API, id, READ_API));
        break;
      case APIS_DELETE_API:
        all.add(scoped(API, id, DELETE_API));
        break;
      case APIS_LIST_KEYS:
        all.add(scoped(API, id, READ_KEY));
        all.add(scoped(API, id, READ_API));
        if (decrypt) {
          all.add(scoped(API, id, DECRYPT_KEY));
        }
        break;
      case PERMISSIONS_CREATE_PERMISSION:
        all.add(global(RBAC, CREATE_PERMISSION));
        break;
      case PERMISSIONS_GET_PERMISSION:
      case PERMISSIONS_LIST_PERMISSIONS:
        all.add(global(RBAC, READ_PERMISSION));
        break;
      case PERMISSIONS_DELETE_PERMISSION:
        all.add(global(RBAC, DELETE_PERMISSION));
        break;
      case PERMISSIONS_CREATE_ROLE:
        all.add(global(RBAC, CREATE_ROLE));
        if (conditions.contains(Operation.Condition.ROLE_PERMISSIONS)) {
          all.add(global(RBAC, ADD_PERMISSION_TO_ROLE));
          newPermissionSlug(all, conditions);
        }
        break;
      case PERMISSIONS_GET_ROLE:
      case PERMISSIONS_LIST_ROLES:
        all.add(global(RBAC, READ_ROLE));
        break;
      case PERMISSIONS_DELETE_ROLE:
        all.add(global(RBAC, DELETE_ROLE));
        break;
      case PERMISSIONS_SET_ROLE_PERMISSIONS:
        all.add(global(RBAC, ADD_PERMISSION_TO_ROLE));
        all.add(global(RBAC, REMOVE_PERMISSION_FROM_ROLE));
        newPermissionSlug(all, conditions);
        break;
      case IDENTITIES_CREATE_IDENTITY:
        all.add(global(IDENTITY, CREATE_IDENTITY));
        break;
      case IDENTITIES_GET_IDENTITY:
        all.add(scoped(IDENTITY, id, READ_IDENTITY));
        break;
      case IDENTITIES_LIST_IDENTITIES:
        all.add(global(IDENTITY, READ_IDENTITY));
        break;
      case IDENTITIES_UPDATE_IDENTITY:
        all.add(scoped(IDENTITY, id, UPDATE_IDENTITY));
        break;
      case IDENTITIES_DELETE_IDENTITY:
        all.add(scoped(IDENTITY, id, DELETE_IDENTITY));
        break;
      case RATELIMIT_LIMIT:
      case RATELIMIT_MULTI_LIMIT:
        if (conditions.contains(Operation.Condition.NEW_NAMESPACE)) {
          all.add(global(RATELIMIT, CREATE_NAMESPACE));
        }
        all.add(scoped(RATELIMIT, id, LIMIT));
        break;
      case RATELIMIT_SET_OVERRIDE:
        all.add(scoped(RATELIMIT, id, SET_OVERRIDE));
        break;
      case RATELIMIT_GET_OVERRIDE:
      case RATELIMIT_LIST_OVERRIDES:
        all.add(scoped(RATELIMIT, id, READ_OVERRIDE));
        break;
      case RATELIMIT_DELETE_OVERRIDE:
        all.add(scoped(RATELIMIT, id, DELETE_OVERRIDE));
        break;
      case ANALYTICS_GET_VERIFICATIONS:
        all.add(scoped(API, id, READ_ANALYTICS));
        break;
      case ROOT_KEYS_CREATE_ROOT_KEY:
      case ROOT_KEYS_GET_ROOT_KEY:
      case ROOT_KEYS_LIST_ROOT_KEYS:
      case ROOT_KEYS_UPDATE_ROOT_KEY:
      case ROOT_KEYS_REROLL_ROOT_KEY:
      case ROOT_KEYS_DELETE_ROOT_KEY:
        all.add(global(KEYWARD, MANAGE_ROOT_KEYS));
        break;
      default:
        throw new IllegalStateException(op.wireName() + " requires no permission");
    }
    return PermissionQuery.and(all);
  }

  private static void newPermissionSlug(List<PermissionQuery> all, Set<Operation.Condition> c) {
    if (c.contains(Operation.Condition.NEW_PERMISSION_SLUG)) {
      all.add(global(RBAC, CREATE_PERMISSION));
    }
  }

  /** {@code leg OR unkey:v1:…#action}, or {@code leg} alone without the resource name. */
  private static PermissionQuery withUrn(PermissionQuery leg, @Nullable String urn, Action action) {
    return urn == null ? leg : PermissionQuery.or(leg, resource(urn, action));
  }

  /** {@code unkey:v1:…#action OR rest}, or {@code rest} alone without the resource name. */
  private static PermissionQuery urnFirst(
      @Nullable String urn, Action action, PermissionQuery rest) {
    return urn == null ? rest : PermissionQuery.or(resource(urn, action), rest);
  }

  private static PermissionQuery resource(String urn, Action action) {
    return PermissionQuery.resourcePermission(urn + "#" + action.wireName());
  }

  /** The key-space pattern {@code …/keys/*} a handler checks before the key exists. */
  private static @Nullable String keys(@Nullable String keyspaceUrn) {
    return keyspaceUrn == null ? null : keyspaceUrn + "/keys/*";
  }

  /** Like {@link #scoped}, with the id-scoped tuple first, as createKey and rerollKey build it. */
  private static PermissionQuery idFirst(ResourceType type, @Nullable String id, Action action) {
    PermissionQuery wildcard = global(type, action);
    if (id == null) {
      return wildcard;
    }
    return PermissionQuery.or(
        PermissionQuery.leaf(type.wireName() + "." + id + "." + action.wireName()), wildcard);
  }

  /** {@code type.*.action}, or {@code (type.*.action OR type.id.action)} when an id is given. */
  private static PermissionQuery scoped(ResourceType type, @Nullable String id, Action action) {
    PermissionQuery wildcard = global(type, action);
    if (id == null) {
      return wildcard;
    }
    return PermissionQuery.or(
        wildcard, PermissionQuery.leaf(type.wireName() + "." + id + "." + action.wireName()));
  }

  private static PermissionQuery global(ResourceType type, Action action) {
    return PermissionQuery.leaf(type.wireName() + ".*." + action.wireName());
  }

  /** Checks a resource id: it must fit a permission token and must not contain a dot. */
  static void checkResourceId(String resourceId) {
    if (resourceId.isEmpty() || resourceId.length() > 255) {
      throw new IllegalArgumentException("resourceId must be 1 to 255 characters");
    }
    for (int i = 0; i < resourceId.length(); i++) {
      char c = resourceId.charAt(i);
      if (c == '.' || !QueryParser.isPermissionChar(c)) {
        throw new IllegalArgumentException(
            "resourceId character at index "
                + i
                + " is not allowed; allowed: letters, digits, '_', '-', ':', '/'");
      }
    }
  }
}
