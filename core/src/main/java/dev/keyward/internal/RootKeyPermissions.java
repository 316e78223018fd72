package dev.keyward.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Limits of root-key permission lists in keyward's {@code rootKeys.*} extension. */
public final class RootKeyPermissions {
  private RootKeyPermissions() {}

  /** At least {@code min} and at most 1000 permissions of 1..512 characters; returns a copy. */
  public static List<String> check(@Nullable List<String> permissions, int min) {
    return Constraints.eachLength("permissions", permissions, min, 1000, 1, 512);
  }
}
