package dev.keyward.testing;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.permission.Recording;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a fresh {@link InMemoryUnkey} on a {@link TestClock} per test, and on demand a
 * {@link FakeUnkeyServer} in front of it and an {@link UnkeyHttpClient} pointed at that server.
 * Each is injectable as a test or lifecycle method parameter; the server is closed after the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final UnkeyExtension unkey = new UnkeyExtension();
 *
 * @Test
 * void verifies(InMemoryUnkey unkey, TestClock clock) { ... }
 * }</pre>
 *
 * <p>With {@link #checking(PermissionCheck)}, the permission checks of every test's workspace are
 * collected, and after the test class its declared root-key permissions are checked against them
 * (registered as a static field, so that it sees the whole class).
 */
public final class UnkeyExtension
    implements BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(UnkeyExtension.class);

  private final @Nullable PermissionCheck check;

  /** Creates the extension; usable with {@code @ExtendWith} or {@code @RegisterExtension}. */
  public UnkeyExtension() {
    this(null);
  }

  private UnkeyExtension(@Nullable PermissionCheck check) {
    this.check = check;
  }

  /**
   * An extension that, after the test class, runs {@code check} over the calls all its tests made
   * (through their {@link InMemoryUnkey}, server and client) and fails the class as it says; the
   * report is named after the test class.
   */
  public UnkeyExtension checking(PermissionCheck check) {
    return new UnkeyExtension(Objects.requireNonNull(check, "check == null"));
  }

  /** The calls of a test class's finished tests, kept in the class's store. */
  private static final class ClassRecording {
    final Recording recording = new Recording();
  }

  /** Per-test state, kept in JUnit's store. */
  private static final class State {
    final TestClock clock = TestClock.create();
    final InMemoryUnkey unkey = InMemoryUnkey.builder().clock(clock).build();
    FakeUnkeyServer server;
    UnkeyHttpClient client;

    synchronized FakeUnkeyServer server() {
      if (server == null) {
        server = FakeUnkeyServer.start(unkey);
      }
      return server;
    }

    synchronized UnkeyHttpClient client() {
      if (client == null) {
        client =
            UnkeyHttpClient.builder()
                .baseUrl(server().url())
                .rootKey(unkey.bootstrapKey())
                .clock(clock)
                .sleeper(clock)
                .build();
      }
      return client;
    }

    synchronized void close() {
      if (server != null) {
        server.close();
      }
    }
  }

  private static State state(ExtensionContext context) {
    return context.getStore(NS).getOrComputeIfAbsent(State.class, k -> new State(), State.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    state(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    State s = context.getStore(NS).remove(State.class, State.class);
    if (s != null) {
      s.close();
      if (check != null && context.getParent().isPresent()) {
        classRecording(context.getParent().get()).addAll(s.unkey.recording());
      }
    }
  }

  private static Recording classRecording(ExtensionContext classContext) {
    return classContext
        .getStore(NS)
        .getOrComputeIfAbsent(ClassRecording.class, k -> new ClassRecording(), ClassRecording.class)
        .recording;
  }

  /** Checks the declared permissions against the class's calls, when {@link #checking} was used. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (check != null) {
      String name = context.getTestClass().map(Class::getName).orElse(context.getDisplayName());
      check.verify(name, classRecording(context));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == InMemoryUnkey.class
        || type == FakeUnkeyServer.class
        || type == UnkeyHttpClient.class
        || type == TestClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    State s = state(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == InMemoryUnkey.class) {
      return s.unkey;
    }
    if (type == TestClock.class) {
      return s.clock;
    }
    if (type == FakeUnkeyServer.class) {
      return s.server();
    }
    return Objects.requireNonNull(s.client());
  }
}
