package dev.keyward.testing;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The standalone server's command line, parsed. Flags take their value as the next argument or
 * after {@code =} ({@code --port 8787}, {@code --port=8787}); every flag but {@code --fault} may be
 * given once. Errors ({@link UsageException}) name the flag and what it allows, never a value: the
 * value of a mistyped flag may be a key.
 */
final class ServerOptions {
  /** What a flag name looks like; an unknown argument is repeated only if it looks like this. */
  private static final Pattern FLAG_NAME = Pattern.compile("--[a-z][a-z0-9-]{0,31}");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  int port;
  InetAddress host = InetAddress.getLoopbackAddress();
  @Nullable Secret rootKey;
  @Nullable Path state;
  Duration saveInterval = Duration.ZERO;
  long rateLimit;
  Duration rateWindow = Duration.ZERO;
  final List<Fault> faults = new ArrayList<>();
  boolean help;

  private ServerOptions() {}

  /**
   * Parses {@code args}; {@code env} resolves {@code --root-key-env}.
   *
   * @throws UsageException naming the flag that is wrong
   */
  static ServerOptions parse(String[] args, Map<String, String> env) {
    ServerOptions o = new ServerOptions();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!isKnown(name)) {
        throw new UsageException(
            FLAG_NAME.matcher(name).matches()
                ? "unknown flag " + name + " (see --help)"
                : "argument " + (i + 1) + " is not a flag; values follow their flag (see --help)");
      }
      if (!name.equals("--fault") && !seen.add(name)) {
        throw new UsageException(name + " is given more than once");
      }
      if (name.equals("--help")) {
        if (value != null) {
          throw new UsageException("--help takes no value");
        }
        o.help = true;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(name + " needs a value (see --help)");
        }
        value = args[++i];
      }
      o.apply(name, value, env);
    }
    if (seen.contains("--root-key") && seen.contains("--root-key-env")) {
      throw new UsageException("--root-key and --root-key-env exclude each other");
    }
    if (seen.contains("--save-interval") && o.state == null) {
      throw new UsageException("--save-interval needs --state");
    }
    return o;
  }

  private static boolean isKnown(String name) {
    switch (name) {
      case "--port":
      case "--host":
      case "--root-key":
      case "--root-key-env":
      case "--state":
      case "--save-interval":
      case "--workspace-rate-limit":
      case "--fault":
      case "--help":
        return true;
      default:
        return false;
    }
  }

  private void apply(String name, String value, Map<String, String> env) {
    switch (name) {
      case "--port" -> port = port(value);
      case "--host" -> host = host(value);
      case "--root-key" -> rootKey = key(name, value);
      case "--root-key-env" -> rootKey = fromEnv(value, env);
      case "--state" -> state = path(value);
      case "--save-interval" -> saveInterval = FaultSpec.duration(value, name);
      case "--workspace-rate-limit" -> rateLimit(value);
      default -> faults.add(FaultSpec.parse(value));
    }
  }

  private static int port(String value) {
    if (!value.isEmpty() && value.length() <= 5 && value.chars().allMatch(Character::isDigit)) {
      int p = Integer.parseInt(value);
      if (p <= 65535) {
        return p;
      }
    }
    throw new UsageException("--port must be a number from 0 (any free port) to 65535");
  }

  private static InetAddress host(String value) {
    if (value.isEmpty() || value.length() > 253) {
      throw new UsageException("--host must be an IP address or a host name");
    }
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException | SecurityException e) {
      throw new UsageException("--host must be an IP address or a host name that resolves");
    }
  }

  private static Secret key(String flag, String value) {
    try {
      return Secret.of(value);
    } catch (InvalidKeyFormatException e) {
      // Secret's messages name a rule and an index, never the value.
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }

  private static Secret fromEnv(String name, Map<String, String> env) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new UsageException(
          "--root-key-env must name an environment variable (letters, digits, _)");
    }
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw new UsageException("--root-key-env names an environment variable that is not set");
    }
    return key("--root-key-env", value);
  }

  private static Path path(String value) {
    try {
      Path p = Path.of(value).toAbsolutePath().normalize();
      if (p.getFileName() == null) {
        throw new UsageException("--state must name a file");
      }
      return p;
    } catch (InvalidPathException e) {
      throw new UsageException("--state must name a file");
    }
  }

  private void rateLimit(String value) {
    int slash = value.indexOf('/');
    String allowed = "--workspace-rate-limit must be N/DURATION with N >= 1, e.g. 100/1s";
    if (slash <= 0
        || slash > 18
        || !value.substring(0, slash).chars().allMatch(Character::isDigit)) {
      throw new UsageException(allowed);
    }
    long n = Long.parseLong(value.substring(0, slash));
    Duration window = FaultSpec.duration(value.substring(slash + 1), "--workspace-rate-limit");
    if (n < 1 || window.isZero()) {
      throw new UsageException(allowed);
    }
    rateLimit = n;
    rateWindow = window;
  }
}
