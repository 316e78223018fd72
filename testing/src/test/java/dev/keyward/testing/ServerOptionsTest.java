package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.permission.Operation;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone server's flags: each one parsed, and bad input named without its value. */
class ServerOptionsTest {
  /** Looks like a key: no error message may repeat it. */
  private static final String KEYLIKE = "unkey_3ZZmz8Jm5ks9Hq2Xw4Ppo";

  private static ServerOptions parse(String... args) {
    return ServerOptions.parse(args, Map.of("FAKE_ROOT", "unkey_fromEnv123"));
  }

  private static String error(String... args) {
    try {
      parse(args);
    } catch (UsageException e) {
      assertThat(e.getMessage()).doesNotContain(KEYLIKE).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void defaultsAreAnyPortOnLoopbackWithoutStateOrFaults() {
    ServerOptions o = parse();
    assertThat(o.port).isZero();
    assertThat(o.host).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(o.rootKey).isNull();
    assertThat(o.state).isNull();
    assertThat(o.saveInterval).isZero();
    assertThat(o.faults).isEmpty();
    assertThat(o.rateLimit).isZero();
    assertThat(o.help).isFalse();
  }

  @Test
  void everyFlagIsParsedInBothForms() throws Exception {
    ServerOptions o =
        parse(
            "--port",
            "8787",
            "--host=127.0.0.1",
            "--root-key",
            "unkey_given12345",
            "--state",
            "snap.json",
            "--save-interval=30s",
            "--workspace-rate-limit",
            "100/1s",
            "--fault",
            "keys.verifyKey=500:0.1",
            "--fault=*=latency/250ms",
            "--help");
    assertThat(o.port).isEqualTo(8787);
    assertThat(o.host).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(o.rootKey.reveal()).isEqualTo("unkey_given12345");
    assertThat(o.state).isEqualTo(Path.of("snap.json").toAbsolutePath());
    assertThat(o.saveInterval).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.rateLimit).isEqualTo(100);
    assertThat(o.rateWindow).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.faults).hasSize(2);
    assertThat(o.help).isTrue();
    assertThat(parse("--root-key-env", "FAKE_ROOT").rootKey.reveal()).isEqualTo("unkey_fromEnv123");
    assertThat(parse("--port=0").port).isZero();
  }

  @Test
  void faultGrammarMirrorsFault() {
    Fault f = FaultSpec.parse("keys.verifyKey,keys.createKey=503:0.25:x3:after");
    assertThat(f.kind()).isEqualTo(Fault.Kind.STATUS);
    assertThat(f.status()).isEqualTo(503);
    assertThat(f.fraction()).isEqualTo(0.25);
    assertThat(f.times()).isEqualTo(3);
    assertThat(f.mode()).isEqualTo(Fault.Mode.AFTER);
    assertThat(f.matches(Operation.KEYS_VERIFY_KEY)).isTrue();
    assertThat(f.matches(Operation.KEYS_CREATE_KEY)).isTrue();
    assertThat(f.matches(Operation.APIS_CREATE_API)).isFalse();

    Fault tooMany = FaultSpec.parse("*=429/5s");
    assertThat(tooMany.kind()).isEqualTo(Fault.Kind.TOO_MANY_REQUESTS);
    assertThat(tooMany.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(tooMany.matches(Operation.APIS_CREATE_API)).isTrue();
    assertThat(FaultSpec.parse("*=429").retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(FaultSpec.parse("*=latency/2m").latency()).isEqualTo(Duration.ofMinutes(2));
    assertThat(FaultSpec.parse("*=drop").kind()).isEqualTo(Fault.Kind.DROP);
    assertThat(FaultSpec.parse("*=truncate:x1").kind()).isEqualTo(Fault.Kind.TRUNCATE);
    assertThat(FaultSpec.parse("*=truncate").times()).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--prot|unknown flag --prot (see --help)",
        "KEYLIKE|argument 1 is not a flag; values follow their flag (see --help)",
        "--port|--port needs a value (see --help)",
        "--port KEYLIKE|--port must be a number from 0 (any free port) to 65535",
        "--port 65536|--port must be a number from 0 (any free port) to 65535",
        "--port 1 --port 2|--port is given more than once",
        "--host bad_host.invalid_KEYLIKE|--host must be an IP address or a host name that resolves",
        "--root-key unkey_has\u00e9|--root-key: secret has a non-ASCII character at index 9;"
            + " allowed: 1 to 512 visible ASCII characters (U+0021..U+007E)",
        "--root-key-env KEYLIKE|--root-key-env names an environment variable that is not set",
        "--root-key-env bad-name|--root-key-env must name an environment variable (letters,"
            + " digits, _)",
        "--root-key x1 --root-key-env FAKE_ROOT|--root-key and --root-key-env exclude each other",
        "--save-interval 5s|--save-interval needs --state",
        "--state s --save-interval KEYLIKE|--save-interval needs a duration: a whole number with"
            + " ms, s or m (250ms, 2s, 1m)",
        "--workspace-rate-limit KEYLIKE|--workspace-rate-limit must be N/DURATION with N >= 1,"
            + " e.g. 100/1s",
        "--workspace-rate-limit 0/1s|--workspace-rate-limit must be N/DURATION with N >= 1,"
            + " e.g. 100/1s",
        "--fault KEYLIKE|--fault must look like OPERATIONS=EFFECT[:MODIFIER]... (see --help)",
        "--fault KEYLIKE=500|--fault: unknown operation; use * or Unkey's names without /v2/,"
            + " e.g. keys.verifyKey,keys.createKey",
        "--fault *=KEYLIKE|--fault: the effect must be 500..599, 429[/DURATION],"
            + " latency/DURATION, drop or truncate",
        "--fault *=404|--fault: the effect must be 500..599, 429[/DURATION], latency/DURATION,"
            + " drop or truncate",
        "--fault *=500:1.5|--fault: a fraction must be a number with 0 < f <= 1, e.g. 0.1",
        "--fault *=500:x0|--fault: xN must be a whole number from 1 to 2147483647",
        "--fault *=500:KEYLIKE|--fault: each modifier must be a fraction (0.1), xN or after, given"
            + " at most once",
        "--fault *=500:after:after|--fault: each modifier must be a fraction (0.1), xN or after,"
            + " given at most once",
        "--fault *=429:after|--fault: a 429 is never applied, so 'after' is not allowed",
        "--fault *=latency/KEYLIKE|--fault latency needs a duration: a whole number with ms, s or"
            + " m (250ms, 2s, 1m)",
        "--help=yes|--help takes no value",
      })
  void badInputNamesTheFlagNeverTheValue(String args, String message) {
    String[] argv = args.replace("KEYLIKE", KEYLIKE).split(" ");
    assertThat(error(argv)).isEqualTo(message);
  }
}
