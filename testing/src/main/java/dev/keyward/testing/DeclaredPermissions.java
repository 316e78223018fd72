package dev.keyward.testing;

import dev.keyward.permission.Action;
import dev.keyward.permission.InvalidPermissionException;
import dev.keyward.permission.PermissionSet;
import dev.keyward.permission.ResourceType;
import dev.keyward.permission.RootPermission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The root permissions a service declares its production key holds: a file it keeps (one permission
 * a line, {@code #} at the start of a line or after a space starts a comment, blank lines ignored)
 * or a constant. A line may hold one of Unkey's resource permissions ({@code
 * unkey:v1:ws_1:keyspaces/ks_1#create_key}, whose {@code #} is not a comment); least-privilege
 * derivation answers in tuples, so such a line is reported as not needed.
 *
 * <pre>{@code
 * # src/main/resources/unkey-root-key.permissions
 * api.api_1234abcd.create_key
 * api.api_1234abcd.verify_key   # the gateway verifies too
 * }</pre>
 */
public final class DeclaredPermissions {
  private final String source;
  private final PermissionSet permissions;

  private DeclaredPermissions(String source, PermissionSet permissions) {
    this.source = source;
    this.permissions = permissions;
  }

  /**
   * Reads a declared-permissions file.
   *
   * @throws IllegalArgumentException naming the line and the nearest valid permission if a line
   *     holds something Unkey would not accept
   * @throws UncheckedIOException if the file cannot be read
   */
  public static DeclaredPermissions read(Path file) {
    Objects.requireNonNull(file, "file == null");
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the declared permissions file " + file, e);
    }
  }

  /** Declared permissions from a constant, e.g. {@code of("api.api_1234abcd.verify_key")}. */
  public static DeclaredPermissions of(String... permissions) {
    Objects.requireNonNull(permissions, "permissions == null");
    return parse("constant", Arrays.asList(permissions));
  }

  /**
   * Parses lines as a file holds them; {@code source} names them in messages.
   *
   * @throws IllegalArgumentException naming the (1-based) line and the nearest valid permission
   */
  public static DeclaredPermissions parse(String source, List<String> lines) {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(lines, "lines == null");
    List<RootPermission> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = Objects.requireNonNull(lines.get(i), "lines[" + i + "] == null");
      int hash = commentStart(line);
      String permission = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (permission.isEmpty()) {
        continue;
      }
      try {
        out.add(RootPermission.parse(permission));
      } catch (InvalidPermissionException e) {
        String nearest =
            e.suggestion()
                .orElseGet(
                    () ->
                        permission.startsWith("unkey:v1:")
                            ? "unkey:v1:<workspaceId>:keyspaces/<keyspaceId>#create_key"
                            : nearest(permission));
        throw new IllegalArgumentException(
            source
                + " line "
                + (i + 1)
                + ": "
                + e.getMessage()
                + "; nearest valid permission: '"
                + nearest
                + "'",
            e);
      }
    }
    return new DeclaredPermissions(source, PermissionSet.of(out));
  }

  /** Where a comment starts: a {@code #} first on the line or after whitespace; -1 for none. */
  private static int commentStart(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /** Where the permissions came from: a file path or {@code constant}. */
  public String source() {
    return source;
  }

  /** The declared permissions. */
  public PermissionSet permissions() {
    return permissions;
  }

  /**
   * The valid permission closest to {@code input} by edit distance: every {@code type.*.action},
   * and {@code type.<id>.action} for the id {@code input} names where the type accepts it.
   */
  static String nearest(String input) {
    String[] parts = input.split("\\.", -1);
    String id = parts.length == 3 ? parts[1] : "*";
    String best = "*";
    int bestDistance = distance(input, best);
    for (ResourceType type : ResourceType.values()) {
      boolean idFits = !id.equals("*") && type.acceptsId(id);
      for (Action action : type.actions()) {
        String wildcard = RootPermission.wildcard(type, action).toString();
        int d = distance(input, wildcard);
        if (d < bestDistance) {
          best = wildcard;
          bestDistance = d;
        }
        if (idFits) {
          String scoped = RootPermission.of(type, id, action).toString();
          int ds = distance(input, scoped);
          if (ds < bestDistance) {
            best = scoped;
            bestDistance = ds;
          }
        }
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  @Override
  public String toString() {
    return "DeclaredPermissions{" + source + ", " + permissions.size() + " permissions}";
  }
}
