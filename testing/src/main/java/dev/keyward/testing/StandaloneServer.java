package dev.keyward.testing;

import java.io.PrintStream;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * A running standalone server ({@link ServerCommand}): the fake, its {@code --state} file and the
 * thread that saves it every {@code --save-interval}.
 */
final class StandaloneServer {
  private final FakeUnkeyServer server;
  private final @Nullable StateFile state;

  /** Read by the saver without the lock; a save racing stop() writes the same state. */
  private volatile boolean stopped;

  private StandaloneServer(
      FakeUnkeyServer server, @Nullable StateFile state, ServerOptions o, PrintStream err) {
    this.server = server;
    this.state = state;
    if (state != null && !o.saveInterval.isZero()) {
      long millis = o.saveInterval.toMillis();
      Thread saver =
          new Thread(
              () -> {
                while (true) {
                  try {
                    Thread.sleep(millis);
                    if (stopped) {
                      return;
                    }
                    state.save(server.unkey());
                  } catch (InterruptedException e) {
                    return;
                  } catch (StateFile.StateFileException e) {
                    err.println("FakeUnkeyServer: periodic save failed: " + e.getMessage());
                  }
                }
              },
              "fake-unkey-saver");
      saver.setDaemon(true);
      saver.start();
    }
  }

  /**
   * Loads the {@code --state} snapshot if there is one (whole, or not at all), saves it back at
   * once so that an unwritable location fails now rather than at shutdown, binds and applies the
   * faults and the workspace rate limit.
   *
   * @throws StateFile.StateFileException if the snapshot cannot be read, parsed or written
   * @throws java.io.UncheckedIOException if the address cannot be bound
   */
  static StandaloneServer start(ServerOptions o, Clock clock, PrintStream err) {
    StateFile state = o.state == null ? null : new StateFile(o.state);
    InMemoryUnkey unkey = state == null ? null : state.load(clock, o.rootKey);
    if (unkey == null) {
      InMemoryUnkey.Builder b = InMemoryUnkey.builder().clock(clock);
      if (o.rootKey != null) {
        b.bootstrapKey(o.rootKey);
      }
      unkey = b.build();
    }
    if (state != null) {
      state.save(unkey);
    }
    FakeUnkeyServer server = FakeUnkeyServer.builder(unkey).address(o.host).port(o.port).start();
    o.faults.forEach(server::inject);
    if (o.rateLimit > 0) {
      server.workspaceRateLimit(o.rateLimit, o.rateWindow);
    }
    return new StandaloneServer(server, state, o, err);
  }

  FakeUnkeyServer server() {
    return server;
  }

  /**
   * Stops accepting, closes every connection (a request cut off mid-way is in the snapshot whole or
   * not at all: operations and the snapshot take the same workspace lock), then saves the snapshot.
   * Returns the line to print.
   *
   * @throws StateFile.StateFileException if the final save fails
   */
  synchronized String stop() {
    if (stopped) {
      return "FakeUnkeyServer stopped";
    }
    // The saver is a daemon: it is not interrupted (that would close its file channel mid-write).
    stopped = true;
    server.close();
    if (state == null) {
      return "FakeUnkeyServer stopped";
    }
    state.save(server.unkey());
    return "FakeUnkeyServer stopped; state saved to " + state.path();
  }
}
