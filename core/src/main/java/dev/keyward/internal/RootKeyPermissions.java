package dev.keyward.internal;

import java.util.List;
import java.util.Objects;

/** Limits of root-key permission lists in keyward's {@code rootKeys.*} extension. */
public final class RootKeyPermissions {
  private RootKeyPermissions() {}

  public static List<String> check(List<String> permissions, int min) {
    Constraints.items("permissions", permissions, min, 1000);
    permissions.forEach(
        p ->
            Constraints.length(
                "permission", Objects.requireNonNull(p, "permission == null"), 1, 512));
    return List.copyOf(permissions);
  }
}
