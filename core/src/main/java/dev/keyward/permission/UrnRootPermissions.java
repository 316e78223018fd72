package dev.keyward.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates a root permission in Unkey's resource form, {@code
 * unkey:v1:<workspaceId>:<path>#<action>}, for {@link RootPermission#parse}. Only the key-space
 * paths keyward models are accepted; messages name the part that is wrong and what is allowed,
 * never the value.
 */
final class UrnRootPermissions {
  /** The actions Unkey's handlers check on key spaces and keys. */
  static final Set<Action> KEY_ACTIONS =
      Set.of(
          Action.CREATE_KEY,
          Action.READ_KEY,
          Action.UPDATE_KEY,
          Action.DELETE_KEY,
          Action.VERIFY_KEY,
          Action.ENCRYPT_KEY,
          Action.DECRYPT_KEY);

  private static final String FORM =
      "expected unkey:v1:<workspaceId>:<path>#<action> with exactly one ':' after the workspace id"
          + " and one '#'";

  private static final String PATHS =
      "expected the path keyspaces/<keyspaceId>, keyspaces/<keyspaceId>/keys/<keyId> or **, where"
          + " an id may be '*' (any one) and the last segment '**' (it and all below)";

  private UrnRootPermissions() {}

  static RootPermission parse(String permission) {
    int hash = permission.indexOf('#');
    if (hash < 0 || permission.indexOf('#', hash + 1) >= 0) {
      throw RootPermissionParser.format("resource permission: " + FORM);
    }
    String rest = permission.substring(UrnPermission.PREFIX.length(), hash);
    int colon = rest.indexOf(':');
    if (colon < 0 || rest.indexOf(':', colon + 1) >= 0) {
      throw RootPermissionParser.format("resource permission: " + FORM);
    }
    String workspace = rest.substring(0, colon);
    if (!validId(workspace)) {
      throw new InvalidPermissionException(
          "resource permission: invalid workspace id; expected 1 to 255 printable ASCII"
              + " characters except ':', '#', '/', '*'",
          InvalidPermissionException.Part.RESOURCE_ID,
          null);
    }
    String[] segments = rest.substring(colon + 1).split("/", -1);
    boolean everything = segments.length == 1 && segments[0].equals("**");
    if (!everything && !segments[0].equals("keyspaces")) {
      String nearest = RootPermissionParser.nearest(segments[0], List.of("keyspaces"));
      throw new InvalidPermissionException(
          "resource permission: unknown resource; keyward knows Unkey's resource names on key"
              + " spaces: "
              + PATHS
              + (nearest == null ? "" : "; did you mean 'keyspaces'?"),
          InvalidPermissionException.Part.RESOURCE_TYPE,
          null);
    }
    if (!everything && !validPath(segments)) {
      throw new InvalidPermissionException(
          "resource permission: invalid path; " + PATHS,
          InvalidPermissionException.Part.RESOURCE_ID,
          null);
    }
    Action action = action(permission.substring(hash + 1), everything);
    if (UrnPermission.parse(permission) == null) {
      // Every rule of Unkey's parser is checked above; this guards against the two drifting apart.
      throw RootPermissionParser.format("resource permission: " + FORM);
    }
    String keyspace = everything ? "*" : segments[1];
    boolean wide = everything || keyspace.equals("*") || permission.contains("**");
    return RootPermission.trustedUrn(
        permission, keyspace.equals("**") ? "*" : keyspace, action, wide);
  }

  /** {@code keyspaces/X}, {@code keyspaces/X/**}, {@code keyspaces/X/keys/Y}. */
  private static boolean validPath(String[] s) {
    switch (s.length) {
      case 2:
        return segment(s[1], true);
      case 3:
        return segment(s[1], false) && s[2].equals("**");
      case 4:
        return segment(s[1], false) && s[2].equals("keys") && segment(s[3], true);
      default:
        return false;
    }
  }

  /** An id, {@code *}, or where {@code last}, {@code **}. */
  private static boolean segment(String s, boolean last) {
    return s.equals("*") || (last && s.equals("**")) || validId(s);
  }

  private static boolean validId(String id) {
    if (id.isEmpty() || id.length() > 255) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == ':' || c == '#' || c == '/' || c == '*' || c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** The action, or null for {@code *} (allowed only on {@code **}). */
  private static @Nullable Action action(String name, boolean everything) {
    if (name.equals("*")) {
      if (!everything) {
        throw new InvalidPermissionException(
            "resource permission: the action '*' is allowed only with the path **",
            InvalidPermissionException.Part.ACTION,
            null);
      }
      return null;
    }
    Optional<Action> action = Action.fromWireName(name);
    if (action.isPresent() && KEY_ACTIONS.contains(action.get())) {
      return action.get();
    }
    List<String> names = new ArrayList<>();
    for (Action a : Action.values()) {
      if (KEY_ACTIONS.contains(a)) {
        names.add(a.wireName());
      }
    }
    String nearest = RootPermissionParser.nearest(name, names);
    throw new InvalidPermissionException(
        "resource permission: unknown action for a key space; expected one of "
            + String.join(", ", names)
            + " (or '*' with the path **)"
            + (nearest == null ? "" : "; did you mean '" + nearest + "'?"),
        InvalidPermissionException.Part.ACTION,
        null);
  }
}
