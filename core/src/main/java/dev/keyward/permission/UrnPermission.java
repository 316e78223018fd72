package dev.keyward.permission;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Unkey's resource permissions, {@code unkey:v1:<workspace>:<path>#<action>}, parsed and matched as
 * Unkey's {@code pkg/rbac/urn.go} and {@code pkg/urn} ({@code ParseV1}, {@code V1.Covers}) do.
 *
 * <p>In the path, {@code *} matches exactly one segment and a trailing {@code **} the base path and
 * all descendants ({@code **} alone: the whole workspace); the workspace must be equal. A granted
 * action {@code *} is allowed only with the path {@code **}. A concrete path covers only itself.
 */
final class UrnPermission {
  static final String PREFIX = "unkey:v1:";

  final String workspaceId;
  final String[] segments;
  final String action;

  private UrnPermission(String workspaceId, String[] segments, String action) {
    this.workspaceId = workspaceId;
    this.segments = segments;
    this.action = action;
  }

  /** The permission, or null if {@code value} is not a valid resource permission. */
  static @Nullable UrnPermission parse(String value) {
    if (!value.startsWith(PREFIX)) {
      return null;
    }
    int hash = value.indexOf('#');
    if (hash < 0 || value.indexOf('#', hash + 1) >= 0) {
      return null;
    }
    String action = value.substring(hash + 1);
    String rest = value.substring(PREFIX.length(), hash);
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String workspace = rest.substring(0, colon);
    String path = rest.substring(colon + 1);
    if (workspace.isEmpty() || workspace.indexOf('/') >= 0 || !validPath(path)) {
      return null;
    }
    if (!validAction(action) || (action.equals("*") && !path.equals("**"))) {
      return null;
    }
    return new UrnPermission(workspace, path.split("/", -1), action);
  }

  private static boolean validPath(String path) {
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.isEmpty() || s.indexOf(':') >= 0 || s.indexOf('#') >= 0) {
        return false;
      }
      if (s.equals("**") && i != segments.length - 1) {
        return false;
      }
      if (!s.equals("*") && !s.equals("**") && s.indexOf('*') >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean validAction(String action) {
    if (action.equals("*")) {
      return true;
    }
    if (action.isEmpty() || action.startsWith("_") || action.endsWith("_")) {
      return false;
    }
    for (int i = 0; i < action.length(); i++) {
      char c = action.charAt(i);
      if (c == ':' || c == '#' || c == '/' || c == '*') {
        return false;
      }
    }
    return true;
  }

  /** True if this (granted) permission covers {@code required}, as Unkey's permissionCovers. */
  boolean covers(UrnPermission required) {
    if (!action.equals("*") && !action.equals(required.action)) {
      return false;
    }
    if (!workspaceId.equals(required.workspaceId)) {
      return false;
    }
    String[] covering = segments;
    String[] target = required.segments;
    boolean coveringDescendants = covering[covering.length - 1].equals("**");
    boolean targetDescendants = target[target.length - 1].equals("**");
    int coveringLength = coveringDescendants ? descendantBase(covering) : covering.length;
    int targetLength = targetDescendants ? descendantBase(target) : target.length;
    if (targetDescendants && !coveringDescendants) {
      return false;
    }
    if (coveringDescendants) {
      return targetLength >= coveringLength && segmentsCover(covering, target, coveringLength);
    }
    return coveringLength == targetLength && segmentsCover(covering, target, coveringLength);
  }

  /** Segments before a trailing {@code **}; {@code * /**} counts as {@code **} (none). */
  private static int descendantBase(String[] segments) {
    int base = segments.length - 1;
    return base == 1 && segments[0].equals("*") ? 0 : base;
  }

  private static boolean segmentsCover(String[] covering, String[] target, int length) {
    for (int i = 0; i < length; i++) {
      if (!covering[i].equals("*") && !covering[i].equals(target[i])) {
        return false;
      }
    }
    return true;
  }

  /** The permissions in {@code granted} that cover the resource permission {@code required}. */
  static List<String> covering(String required, Iterable<String> granted) {
    UrnPermission r = parse(required);
    List<String> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    for (String g : granted) {
      UrnPermission p = parse(g);
      if (p != null && p.covers(r)) {
        out.add(g);
      }
    }
    return out;
  }

  /** True if any permission in {@code granted} covers {@code required}. */
  static boolean anyCovers(UrnPermission required, Iterable<String> granted) {
    for (String g : granted) {
      UrnPermission p = parse(g);
      if (p != null && p.covers(required)) {
        return true;
      }
    }
    return false;
  }
}
