package dev.keyward.testing;

import com.squareup.moshi.JsonWriter;
import dev.keyward.permission.DerivedPermissions;
import dev.keyward.permission.PermissionAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Writes a {@link PermissionCheck.Result} as {@code <name>.json} and a readable {@code <name>.txt}.
 * Both hold permissions, resource ids, names tests gave resources and the calls that needed them;
 * never a key (recordings carry root key ids only).
 */
final class LeastPrivilegeReport {
  static final String FORMAT = "keyward-least-privilege";

  private LeastPrivilegeReport() {}

  /** {@code name} made safe as a file name, plus {@code suffix}. */
  static String fileName(String name, String suffix) {
    StringBuilder out = new StringBuilder(name.length() + suffix.length());
    for (int i = 0; i < name.length() && i < 200; i++) {
      char c = name.charAt(i);
      out.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
    }
    return out.append(suffix).toString();
  }

  static void write(
      Path directory, String name, DeclaredPermissions declared, PermissionCheck.Result result) {
    try {
      Files.createDirectories(directory);
      Files.write(directory.resolve(fileName(name, ".json")), json(name, declared, result));
      Files.writeString(
          directory.resolve(fileName(name, ".txt")),
          text(name, declared, result),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the least-privilege report", e);
    }
  }

  static byte[] json(String name, DeclaredPermissions declared, PermissionCheck.Result result) {
    DerivedPermissions derived = result.derived();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("name", name);
    root.put("passed", result.passed());
    root.put("declaredIn", declared.source());
    root.put("declared", new ArrayList<>(declared.permissions().asStrings()));
    List<Object> needed = new ArrayList<>();
    for (String permission : derived.permissions()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("permission", permission);
      p.put("neededBy", derived.neededBy(permission));
      needed.add(p);
    }
    root.put("derived", needed);
    root.put("missing", findings(result.missing()));
    root.put("excess", findings(result.excess()));
    root.put("notes", derived.notes());
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      SnapshotJson.write(writer, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the least-privilege report", e);
    }
    return buffer.readByteArray();
  }

  private static List<Object> findings(List<PermissionAudit.Finding> findings) {
    List<Object> out = new ArrayList<>();
    for (PermissionAudit.Finding f : findings) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", f.kind().name());
      o.put("subject", f.subject());
      o.put("message", f.message());
      out.add(o);
    }
    return out;
  }

  static String text(String name, DeclaredPermissions declared, PermissionCheck.Result result) {
    DerivedPermissions derived = result.derived();
    StringBuilder out = new StringBuilder();
    out.append("Least privilege for ").append(name).append(": ");
    out.append(result.passed() ? "PASSED" : "FAILED").append('\n');
    out.append("Declared in ").append(declared.source()).append('\n');
    out.append("\nNeeded (").append(derived.permissions().size()).append("):\n");
    for (String permission : derived.permissions()) {
      out.append("  ").append(permission).append('\n');
      for (String call : derived.neededBy(permission)) {
        out.append("      by ").append(call).append('\n');
      }
    }
    section(out, "Missing", result.missing());
    section(out, "Excess", result.excess());
    if (!derived.notes().isEmpty()) {
      out.append("\nNotes:\n");
      for (String note : derived.notes()) {
        out.append("  - ").append(note).append('\n');
      }
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<PermissionAudit.Finding> fs) {
    out.append('\n').append(title).append(" (").append(fs.size()).append("):\n");
    for (PermissionAudit.Finding f : fs) {
      out.append("  ").append(f.message()).append('\n');
    }
  }
}
