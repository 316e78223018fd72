package dev.keyward.testing;

import dev.keyward.permission.DerivedPermissions;
import dev.keyward.permission.LeastPrivilege;
import dev.keyward.permission.PermissionAudit;
import dev.keyward.permission.Recording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks a service's declared root-key permissions against what its tests' calls needed ({@link
 * LeastPrivilege#from(Recording, Map)}): a missing permission fails, naming the call that needed
 * it; an excess one is reported, and fails too when {@link #failOnExcess()} is set. Each check
 * writes a report, {@code <name>.json} and {@code <name>.txt}, under {@link #reportDirectory}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final UnkeyExtension unkey = new UnkeyExtension().checking(
 *     PermissionCheck.declaredIn(Path.of("src/main/resources/unkey.permissions"))
 *         .productionIds(Map.of("billing", "api_1234abcd")));
 * }</pre>
 */
public final class PermissionCheck {
  /** Where reports go unless {@link #reportDirectory} says otherwise. */
  public static final Path DEFAULT_REPORT_DIRECTORY = Path.of("target", "keyward-least-privilege");

  private final Supplier<DeclaredPermissions> declared;
  private final Map<String, String> productionIds;
  private final boolean failOnExcess;
  private final Path reportDirectory;

  private PermissionCheck(
      Supplier<DeclaredPermissions> declared,
      Map<String, String> productionIds,
      boolean failOnExcess,
      Path reportDirectory) {
    this.declared = declared;
    this.productionIds = productionIds;
    this.failOnExcess = failOnExcess;
    this.reportDirectory = reportDirectory;
  }

  /** Checks against the permissions in {@code file}, read when the check runs. */
  public static PermissionCheck declaredIn(Path file) {
    Objects.requireNonNull(file, "file == null");
    return new PermissionCheck(
        () -> DeclaredPermissions.read(file), Map.of(), false, DEFAULT_REPORT_DIRECTORY);
  }

  /** Checks against {@code declared}. */
  public static PermissionCheck declared(DeclaredPermissions declared) {
    Objects.requireNonNull(declared, "declared == null");
    return new PermissionCheck(() -> declared, Map.of(), false, DEFAULT_REPORT_DIRECTORY);
  }

  /**
   * The same check, turning the names tests give resources (an API created as {@code billing}) into
   * the service's production ids.
   */
  public PermissionCheck productionIds(Map<String, String> productionIds) {
    return new PermissionCheck(
        declared,
        Map.copyOf(Objects.requireNonNull(productionIds, "productionIds == null")),
        failOnExcess,
        reportDirectory);
  }

  /** The same check, failing also when a declared permission is more than the calls need. */
  public PermissionCheck failOnExcess() {
    return new PermissionCheck(declared, productionIds, true, reportDirectory);
  }

  /** The same check, writing reports into {@code directory}. */
  public PermissionCheck reportDirectory(Path directory) {
    return new PermissionCheck(
        declared,
        productionIds,
        failOnExcess,
        Objects.requireNonNull(directory, "directory == null"));
  }

  /** What one check found. */
  public static final class Result {
    private final DerivedPermissions derived;
    private final PermissionAudit audit;
    private final boolean failOnExcess;

    Result(DerivedPermissions derived, PermissionAudit audit, boolean failOnExcess) {
      this.derived = derived;
      this.audit = audit;
      this.failOnExcess = failOnExcess;
    }

    /** The permissions the recorded calls need. */
    public DerivedPermissions derived() {
      return derived;
    }

    /** Declared against derived: missing, unused, narrowable wildcards, the legacy {@code *}. */
    public PermissionAudit audit() {
      return audit;
    }

    /** The missing permissions, each naming the call that needed it. */
    public List<PermissionAudit.Finding> missing() {
      return audit.findings(PermissionAudit.Kind.MISSING);
    }

    /** Declared permissions beyond what the calls need. */
    public List<PermissionAudit.Finding> excess() {
      List<PermissionAudit.Finding> out = new ArrayList<>();
      for (PermissionAudit.Finding f : audit.findings()) {
        if (f.kind() != PermissionAudit.Kind.MISSING) {
          out.add(f);
        }
      }
      return out;
    }

    /** True if nothing is missing, and nothing is excess where excess fails. */
    public boolean passed() {
      return missing().isEmpty() && (!failOnExcess || excess().isEmpty());
    }
  }

  /**
   * Derives, compares and writes {@code <name>.json} and {@code <name>.txt}, without failing.
   *
   * @throws IllegalArgumentException if the declared permissions cannot be parsed (naming the line
   *     and the nearest valid permission)
   */
  public Result check(String name, Recording recording) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(recording, "recording == null");
    DeclaredPermissions d = declared.get();
    DerivedPermissions derived = LeastPrivilege.from(recording, productionIds);
    Result result = new Result(derived, derived.audit(d.permissions()), failOnExcess);
    LeastPrivilegeReport.write(reportDirectory, name, d, result);
    return result;
  }

  /**
   * Like {@link #check}, then fails if something is missing (or excess, with {@link
   * #failOnExcess()}).
   *
   * @throws AssertionError naming each missing permission's call, and each excess permission
   */
  public Result verify(String name, Recording recording) {
    Result result = check(name, recording);
    if (!result.passed()) {
      StringBuilder message =
          new StringBuilder("declared root-key permissions do not match what ")
              .append(name)
              .append(" needed (report: ")
              .append(reportDirectory.resolve(LeastPrivilegeReport.fileName(name, ".txt")))
              .append(')');
      for (PermissionAudit.Finding f : result.missing()) {
        message.append("\n  missing: ").append(f.message());
      }
      if (failOnExcess) {
        for (PermissionAudit.Finding f : result.excess()) {
          message.append("\n  excess: ").append(f.message());
        }
      }
      throw new AssertionError(message.toString());
    }
    return result;
  }

  @Override
  public String toString() {
    return "PermissionCheck{failOnExcess=" + failOnExcess + ", reports=" + reportDirectory + "}";
  }
}
