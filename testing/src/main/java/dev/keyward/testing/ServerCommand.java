package dev.keyward.testing;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The standalone fake server's command line ({@code java -jar
 * keyward-testing-<version>-server.jar}, or {@link FakeUnkeyServer#main}). Expected failures print
 * one line on stderr and exit 2 (usage) or 1 (cannot start); none prints a stack trace or a value
 * given on the command line.
 */
final class ServerCommand {
  static final int USAGE = 2;
  static final int FAILURE = 1;

  static final String HELP =
      """
      Usage: java -jar keyward-testing-<version>-server.jar [options]

      A fake Unkey v2 server (keyward) for local development and tests. It prints its URL and its
      bootstrap root key as UNKEY_ROOT_KEY=...: a local test credential for this fake only.

      Options:
        --port N              port to listen on; 0 (the default) picks any free port
        --host ADDRESS        address to bind (default 127.0.0.1: loopback only). Binding any
                              other interface exposes a fake whose root key is printed and known
                              to everyone who can reach it.
        --root-key-env NAME   take the bootstrap root key from environment variable NAME
        --root-key KEY        use KEY as the bootstrap root key (visible in the process list:
                              prefer --root-key-env). Default: the snapshot's, else a new one.
        --state FILE          load the workspace from FILE if it exists, refusing a corrupt or
                              foreign snapshot; save it there at start and on shutdown. FILE
                              holds the fake's secrets (its bootstrap root key, every key hash,
                              recoverable plaintexts) and is created with mode 0600, written
                              atomically. Rate-limit windows are not saved.
        --save-interval D     with --state, also save every D (e.g. 30s)
        --workspace-rate-limit N/D
                              answer 429 past N authenticated requests per D (e.g. 100/1s)
        --fault SPEC          inject a fault into matching requests; repeatable.
                              SPEC is OPERATIONS=EFFECT[:MODIFIER]...
            OPERATIONS  * or operation names joined by commas (keys.verifyKey,keys.createKey)
            EFFECT      500..599          that status with Unkey's error envelope
                        429[/D]           429 with Retry-After D (default 1s)
                        latency/D         delay the answer by D
                        drop              close the connection without an answer
                        truncate          send half the answer body, then close
            MODIFIER    0.1               fail only this fraction (0 < f <= 1), at random
                        xN                fail at most N requests
                        after             apply the request, then fail (not with 429)
            D is a whole number with ms, s or m: 250ms, 2s, 1m.
            e.g. --fault keys.verifyKey=500:0.1  --fault '*=latency/200ms'
                 --fault keys.rerollKey=503:after:x1
        --help                print this help

      Flags take their value as the next argument or after '=' (--port=8787).
      SIGTERM or Ctrl-C stops it: it stops accepting, closes open connections, saves the snapshot
      (with --state), prints one line and exits with status 143 (130 for Ctrl-C).
      Exit status: 0 after --help, 2 for a usage error, 1 if it cannot start (port taken,
      unreadable or invalid snapshot, unwritable --state).
      """;

  private ServerCommand() {}

  /**
   * Runs the command: returns at once with an exit status after {@code --help} or an error,
   * otherwise serves until the JVM shuts down.
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ServerOptions o;
    try {
      o = ServerOptions.parse(args, env);
    } catch (UsageException e) {
      err.println("FakeUnkeyServer: " + e.getMessage());
      return USAGE;
    }
    if (o.help) {
      out.print(HELP);
      out.flush();
      return 0;
    }
    StandaloneServer s = start(o, err);
    if (s == null) {
      return FAILURE;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutDown(s, out, err), "fake-unkey-shutdown"));
    FakeUnkeyServer server = s.server();
    out.println("FakeUnkeyServer listening on " + server.url());
    out.println(
        "UNKEY_ROOT_KEY="
            + server.bootstrapKey().reveal()
            + "  (local test credential for this fake server only)");
    out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Starts the server, or prints one line and returns null. */
  static @Nullable StandaloneServer start(ServerOptions o, PrintStream err) {
    try {
      return StandaloneServer.start(o, Clock.systemUTC(), err);
    } catch (StateFile.StateFileException e) {
      err.println("FakeUnkeyServer: --state " + e.getMessage());
    } catch (UncheckedIOException e) {
      String reason = e.getCause().getMessage();
      err.println(
          "FakeUnkeyServer: cannot listen on "
              + o.host.getHostAddress()
              + ":"
              + o.port
              + (reason == null ? "" : " (" + reason.toLowerCase(java.util.Locale.ROOT) + ")"));
    }
    return null;
  }

  private static void shutDown(StandaloneServer s, PrintStream out, PrintStream err) {
    try {
      out.println(s.stop());
      out.flush();
    } catch (StateFile.StateFileException e) {
      err.println("FakeUnkeyServer stopped, but the final save failed: " + e.getMessage());
      err.flush();
      Runtime.getRuntime().halt(FAILURE);
    }
  }
}
