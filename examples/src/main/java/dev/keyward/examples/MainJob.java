package dev.keyward.examples;

import dev.keyward.NotFoundException;
import dev.keyward.PreconditionFailedException;
import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.hygiene.HygieneReport;
import dev.keyward.hygiene.KeyHygiene;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatePermissionRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * keyward's main job: a tour of the SDK against the embedded {@link FakeUnkeyServer}, or against
 * the server named by {@code UNKEY_BASE_URL} and {@code UNKEY_ROOT_KEY} when both are set. It calls
 * every API group once, so it doubles as a smoke test of any server, and runs the leak drill
 * ({@link LeakDrill}). It never reads stdin.
 */
public final class MainJob {
  private MainJob() {}

  /** Runs the tour; exits non-zero (by exception) if a step fails. */
  public static void main(String[] args) throws Exception {
    run(System.getenv(), System.out);
  }

  /** Runs the tour with {@code env} as the environment, printing to {@code out}. */
  public static void run(Map<String, String> env, PrintStream out) throws Exception {
    run(env, out, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Runs the tour; the rotation demo's files go to a new directory under {@code tempRoot}, which is
   * deleted with everything in it when the demo ends, also when it fails.
   */
  static void run(Map<String, String> env, PrintStream out, Path tempRoot) throws Exception {
    boolean remote = env.containsKey("UNKEY_BASE_URL") && env.containsKey("UNKEY_ROOT_KEY");
    if (remote) {
      out.println("Using the Unkey server at " + env.get("UNKEY_BASE_URL"));
      tour(UnkeyHttpClient.fromEnvironment(), out, tempRoot);
      return;
    }
    try (FakeUnkeyServer server = FakeUnkeyServer.start()) {
      out.println("Started the fake Unkey server at " + server.url() + " (no account, no network)");
      Unkey unkey =
          UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(server.bootstrapKey()).build();
      tour(unkey, out, tempRoot);
    }
  }

  private static void tour(Unkey unkey, PrintStream out, Path tempRoot) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    out.println("liveness: " + unkey.liveness().message());

    String apiId = unkey.apis().create(CreateApiRequest.of("keyward-demo-" + run)).apiId();
    out.println("created API " + apiId);

    CreatedKey created =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .prefix("demo")
                    .name("keyward main job")
                    .credits(Credits.of(3))
                    .build());
    out.println("created key " + created.keyId() + ", plaintext shown once: " + created.key());

    Verification ok = unkey.keys().verify(created.key());
    out.println(
        "verify(the new key)  -> valid="
            + ok.valid()
            + " code="
            + ok.code()
            + " credits left="
            + ok.credits());

    Verification wrong =
        unkey.keys().verify(VerifyKeyRequest.builder("demo_" + "1".repeat(22)).build());
    out.println("verify(a wrong key)  -> valid=" + wrong.valid() + " code=" + wrong.code());

    long listed = unkey.apis().listKeysAll(ListKeysRequest.of(apiId)).stream().count();
    out.println("apis.listKeys        -> " + listed + " key(s)");

    String permission = "documents.read." + run;
    unkey.permissions().createPermission(CreatePermissionRequest.of(permission, permission));
    out.println("permissions          -> created " + permission);

    String identity =
        unkey.identities().create(CreateIdentityRequest.of("demo-user-" + run)).identityId();
    out.println("identities           -> created " + identity);

    var limited =
        unkey
            .ratelimits()
            .limit(LimitRequest.of("keyward-demo", "user-" + run, 10, Duration.ofMinutes(1)));
    out.println(
        "ratelimit.limit      -> success="
            + limited.success()
            + " remaining="
            + limited.remaining());

    try {
      unkey.analytics().getVerifications("SELECT COUNT(*) FROM key_verifications_v1");
      out.println("analytics            -> answered");
    } catch (PreconditionFailedException e) {
      out.println("analytics            -> not configured on this server (HTTP 412)");
    }

    // the demo key above has neither an expiry nor an owner: two findings for the report to show
    HygieneReport hygiene = KeyHygiene.scan(unkey, List.of(apiId));
    out.print(hygiene.toText().indent(2).replaceFirst("^  ", "hygiene              -> "));

    long roots = -1;
    try {
      roots = unkey.rootKeys().listAll(ListRootKeysRequest.of()).stream().count();
    } catch (NotFoundException e) {
      out.println(
          "rootKeys.*           -> 404: root keys are managed in the dashboard on this server;"
              + " skipping the rotation demo");
    }
    if (roots >= 0) {
      out.println("rootKeys.list        -> " + roots + " root key(s)");
      // the demo's .env holds a root key (dead once rotated, but a key): nothing may outlive it
      Path dir = Files.createTempDirectory(tempRoot, "keyward-demo-");
      try {
        RotationDemo.run(unkey, out, dir);
      } finally {
        RotationDemo.deleteTree(dir);
      }
    }

    // a leaked key, reported GitHub's way: signed report → receiver over loopback → key dead
    LeakDrill.run(unkey, out, run);

    unkey.keys().delete(created.keyId());
    unkey.apis().delete(apiId);
    out.println("cleaned up: deleted key " + created.keyId() + " and API " + apiId);
    out.println("done");
  }
}
