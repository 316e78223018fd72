package dev.keyward.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.ServerException;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.permission.Operation;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding: the main job left its demo {@code .env} (holding a root key) in the temporary directory.
 * Whatever the demo writes is deleted when it ends, also when it fails.
 */
class RotationDemoCleanupTest {
  @TempDir Path temp;

  @Test
  void mainJobLeavesNothingInItsTemporaryDirectory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      MainJob.run(Map.of(), out, temp);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    // the demo did write its files (the .env, the journal) before it cleaned up
    assertThat(output).contains("rotation: DONE").contains("and wrote it to " + temp);
    assertThat(everythingUnder(temp)).isEmpty();
  }

  @Test
  void rotationDemoRemovesItsFilesWhenItFailsMidway() throws Exception {
    try (FakeUnkeyServer server = FakeUnkeyServer.start()) {
      UnkeyHttpClient unkey =
          UnkeyHttpClient.builder()
              .baseUrl(server.url())
              .rootKey(server.bootstrapKey())
              .retryPolicy(RetryPolicy.none())
              .build();
      // fails after the rotation, when the leak demo creates its API: .env and journal exist then
      server.inject(Fault.serverError(500).on(Operation.APIS_CREATE_API));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        assertThatThrownBy(() -> RotationDemo.run(unkey, out, temp))
            .isInstanceOf(ServerException.class);
      }
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("rotation: DONE");
    }
    assertThat(everythingUnder(temp)).isEmpty();
  }

  private static List<Path> everythingUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root)).toList();
    }
  }
}
