package dev.keyward.examples;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.leak.ScannerRules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes secret-scanner rules for your key prefixes: {@code gitleaks.toml}, {@code trufflehog.yaml}
 * and {@code github-custom-pattern.txt}.
 *
 * <pre>{@code
 * mvn -B -ntp -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.keyward.examples.ScannerRulesCommand \
 *     -Dexec.args="scanner-rules sk_live sk_test"
 * }</pre>
 */
public final class ScannerRulesCommand {
  /** The exit status for bad arguments (as {@code sysexits.h}'s {@code EX_USAGE}). */
  static final int USAGE = 64;

  private static final String SYNOPSIS =
      "usage: ScannerRulesCommand <outDir> <prefix>...   (a prefix: 1 to 16 of [a-zA-Z0-9_])";

  private ScannerRulesCommand() {}

  /** Runs the command; exits with a non-zero status when the arguments or the write fail. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Writes the three files for {@code args} ({@code <outDir> <prefix>...}), printing each path to
   * {@code out}; returns 0, {@link #USAGE} for bad arguments, or 1 when writing fails. Error
   * messages name the argument and what is allowed, never its text.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2) {
      err.println(SYNOPSIS);
      return USAGE;
    }
    List<String> prefixes = Arrays.asList(args).subList(1, args.length);
    ScannerRules rules;
    try {
      rules = ScannerRules.forPrefixes(prefixes);
    } catch (InvalidKeyFormatException e) {
      // prefixes[i] is argument i + 2 (after <outDir>); the message never holds the argument itself
      err.println("bad <prefix> argument: " + e.getMessage());
      err.println(SYNOPSIS);
      return USAGE;
    }
    try {
      for (Path written : rules.writeTo(Path.of(args[0]))) {
        out.println("wrote " + written);
      }
    } catch (IOException e) {
      err.println("could not write the rules to <outDir>: " + e.getClass().getSimpleName());
      return 1;
    }
    out.println(
        "rules for "
            + rules.prefixes().size()
            + " prefix(es), bodies of "
            + rules.minBodyLength()
            + " to "
            + rules.maxBodyLength()
            + " base58 characters");
    return 0;
  }
}
