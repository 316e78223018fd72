package dev.keyward.apilisting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a module's compiled public API with its checked-in listing ({@code
 * <module>/api/<artifactId>.api}), or rewrites the listing when {@code -Dkeyward.api.update=true}.
 *
 * <p>The parent pom hands surefire the paths as system properties ({@code keyward.api.classes},
 * {@code keyward.api.file}), so the check works from any working directory and any {@code
 * -Dkeyward.target}.
 */
public final class ApiListingCheck {
  /** The one command that regenerates every published module's listing. */
  public static final String UPDATE_COMMAND =
      "mvn -B -ntp test -pl"
          + " core,http-client,testing,logging,leak,aws,vault,kubernetes,servlet,spring-boot-starter"
          + " -am -Dtest=ApiListingTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dkeyward.api.update=true";

  /** A type of a package named {@code internal}: never exported to users, so never in the API. */
  private static final Pattern INTERNAL_TYPE =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+internal\\.[A-Z][A-Za-z0-9_$]*");

  private final Path classesDir;
  private final Path listingFile;
  private final boolean update;

  /** A check of the classes in {@code classesDir} against {@code listingFile}. */
  public ApiListingCheck(Path classesDir, Path listingFile, boolean update) {
    this.classesDir = Objects.requireNonNull(classesDir, "classesDir == null");
    this.listingFile = Objects.requireNonNull(listingFile, "listingFile == null");
    this.update = update;
  }

  /** The check surefire configures for the module under test (see the parent pom). */
  public static ApiListingCheck fromSystemProperties() {
    return new ApiListingCheck(
        Path.of(required("keyward.api.classes")),
        Path.of(required("keyward.api.file")),
        Boolean.getBoolean("keyward.api.update"));
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set: run the test through Maven (parent pom)");
    }
    return value;
  }

  /**
   * Lists the compiled API and compares it with the file, or writes the file in update mode.
   *
   * @throws AssertionError with added and removed lines and the command to regenerate, when the
   *     listing differs
   */
  public void run() throws IOException {
    List<String> actual = ApiListing.of(classesDir, Thread.currentThread().getContextClassLoader());
    if (actual.isEmpty()) {
      throw new AssertionError("no public API found in " + classesDir + ": wrong directory?");
    }
    String leaks = internalLeaks(actual);
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          "The public API of "
              + classesDir
              + " names types of internal packages, which users cannot reach on the module"
              + " path:\n"
              + leaks);
    }
    if (update) {
      Files.createDirectories(listingFile.getParent());
      Files.writeString(listingFile, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(listingFile)) {
      throw new AssertionError(
          "missing API listing " + listingFile + "; create it with:\n  " + UPDATE_COMMAND);
    }
    List<String> expected = Files.readAllLines(listingFile, StandardCharsets.UTF_8);
    String difference = difference(expected, actual);
    if (!difference.isEmpty()) {
      throw new AssertionError(
          "The public API differs from "
              + listingFile
              + " (+ is in the code only, - is in the listing only):\n"
              + difference
              + "If the change is intended, regenerate the listings and commit them:\n  "
              + UPDATE_COMMAND);
    }
  }

  /**
   * Returns each listing line that names a type of an {@code internal} package (as {@code
   * dev.keyward.internal.Constraints} or {@code dev.keyward.http.internal.WireCodec}), one per
   * line, or an empty string when there is none.
   */
  public static String internalLeaks(List<String> listing) {
    StringBuilder out = new StringBuilder();
    for (String line : listing) {
      Matcher m = INTERNAL_TYPE.matcher(line);
      if (m.find()) {
        out.append("  ").append(m.group()).append(" in: ").append(line.strip()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Returns the lines only in {@code actual} (prefixed {@code +}) and only in {@code expected}
   * (prefixed {@code -}), or a note when only the order differs; empty when they are equal.
   */
  public static String difference(List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return "";
    }
    Set<String> added = new LinkedHashSet<>(actual);
    expected.forEach(added::remove);
    Set<String> removed = new LinkedHashSet<>(expected);
    actual.forEach(removed::remove);
    List<String> out = new ArrayList<>();
    added.forEach(line -> out.add("+ " + line.strip()));
    removed.forEach(line -> out.add("- " + line.strip()));
    if (out.isEmpty()) {
      out.add("(same lines, different order or repeated lines)");
    }
    return String.join("\n", out) + "\n";
  }
}
