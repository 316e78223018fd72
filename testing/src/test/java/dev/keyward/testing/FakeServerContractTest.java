package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.permission.Operation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The contract on {@code UnkeyHttpClient} → {@link FakeUnkeyServer}; every request and answer
 * crossing the server is checked against Unkey's spec (or keyward's root-key extension spec).
 */
@ExtendWith(FakeServerContractTest.SkipMissingCodecs.class)
class FakeServerContractTest extends UnkeyContract {
  /**
   * Reports a test as skipped, not passed, while http-client has no wire codec for an operation
   * yet.
   */
  static final class SkipMissingCodecs implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t)
        throws Throwable {
      if (t instanceof UnsupportedOperationException
          && String.valueOf(t.getMessage()).startsWith("no wire codec")) {
        throw new TestAbortedException("http-client has no wire codec yet: " + t.getMessage());
      }
      throw t;
    }
  }

  private FakeUnkeyServer server;
  private SpecCheckingListener spec;

  @Override
  Unkey open(InMemoryUnkey workspace, TestClock clock) {
    spec = new SpecCheckingListener();
    server = FakeUnkeyServer.builder(workspace).listener(spec).start();
    return UnkeyHttpClient.builder()
        .baseUrl(server.url())
        .rootKey(workspace.bootstrapKey())
        .clock(clock)
        .sleeper(clock)
        .noHttpLogging()
        .build();
  }

  @Override
  void requires(Operation... ops) {
    for (Operation op : ops) {
      Assumptions.assumeTrue(
          WireCodec.supports(op), () -> "http-client has no wire codec yet for " + op.wireName());
    }
  }

  @AfterEach
  void noSpecViolations() {
    server.close();
    List<String> violations = spec.violations();
    assertThat(violations).isEmpty();
  }
}
