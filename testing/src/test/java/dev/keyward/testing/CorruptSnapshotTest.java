package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.Unkey;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot that is truncated, of another version, not JSON, or valid JSON with one invalid field
 * is refused whole: one line naming the file and the problem (never a value), exit status 1, no
 * server, and the file left as it was (never overwritten by an empty workspace).
 */
class CorruptSnapshotTest {
  @TempDir Path dir;
  private Path file;
  private String valid;
  private String bootstrap;
  private CreatedKey key;

  @BeforeEach
  void saveAValidSnapshot() {
    file = dir.resolve("state.json");
    StandaloneServer s =
        StandaloneServer.start(
            ServerOptions.parse(new String[] {"--state", file.toString()}, Map.of()),
            Clock.systemUTC(),
            System.err);
    Unkey c =
        UnkeyHttpClient.builder()
            .baseUrl(s.server().url())
            .rootKey(s.server().bootstrapKey())
            .retryPolicy(RetryPolicy.none())
            .noHttpLogging()
            .build();
    String apiId = c.apis().create(CreateApiRequest.of("billing")).apiId();
    c.keys().create(CreateKeyRequest.builder(apiId).build());
    key = c.keys().create(CreateKeyRequest.builder(apiId).recoverable(true).build());
    bootstrap = s.server().bootstrapKey().reveal();
    s.stop();
    valid = read();
  }

  private String read() {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes the mutated snapshot, runs the command on it and returns its one stderr line. */
  private String refused(UnaryOperator<String> mutation) throws Exception {
    String corrupt = mutation.apply(valid);
    assertThat(corrupt).isNotEqualTo(valid);
    Files.writeString(file, corrupt);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        ServerCommand.run(
            new String[] {"--state", file.toString(), "--port", "0"},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String line = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(1);
    assertThat(out.size()).isZero();
    assertThat(line).endsWith("\n").startsWith("FakeUnkeyServer: --state " + file + ": ");
    assertThat(line.strip()).doesNotContain("\n");
    assertThat(line)
        .doesNotContain(bootstrap)
        .doesNotContain(key.key().reveal())
        .doesNotContain(key.keyId());
    assertThat(read()).isEqualTo(corrupt);
    assertThatThrownBy(() -> new StateFile(file).load(Clock.systemUTC(), null))
        .isInstanceOf(StateFile.StateFileException.class);
    return line.strip();
  }

  @Test
  void truncatedFileIsRefused() throws Exception {
    assertThat(refused(s -> s.substring(0, s.length() / 2)))
        .matches(".*: not a valid snapshot: \\$\\.[a-zA-Z.\\[\\]0-9]+: truncated JSON");
  }

  @Test
  void wrongVersionIsRefused() throws Exception {
    assertThat(refused(s -> s.replace("\"version\": 1,", "\"version\": 2,")))
        .endsWith("$.version: unsupported (this build reads version 1)");
  }

  @Test
  void badJsonIsRefused() throws Exception {
    assertThat(refused(s -> s.replace("\"apis\": [", "\"apis\": [}"))).contains("malformed JSON");
    assertThat(refused(s -> "")).contains("truncated JSON");
    assertThat(refused(s -> s + "{}")).endsWith("$: malformed JSON");
  }

  @Test
  void validJsonWithAnInvalidFieldIsRefusedWhole() throws Exception {
    // The last key is the broken one: everything before it parsed, and still nothing is served.
    int at = valid.lastIndexOf("\"enabled\": true");
    assertThat(refused(s -> s.substring(0, at) + "\"enabled\": \"yes\"" + s.substring(at + 15)))
        .endsWith("$.keys[1].enabled: must be true or false");
    assertThat(refused(s -> s.replace("\"name\": \"billing\"", "\"name\": 42")))
        .endsWith("$.apis[0].name: must be a string");
    assertThat(refused(s -> s.replace("\"workspaceId\"", "\"surprise\": 1, \"workspaceId\"")))
        .endsWith("$: has a field this version does not know");
    assertThat(refused(s -> s.replace("\"createdAt\": \"", "\"createdAt\": \"x")))
        .contains("must be an ISO-8601 instant");
  }

  @Test
  void secretsThatDoNotMatchTheirHashesAreRefused() throws Exception {
    String other =
        bootstrap.substring(0, bootstrap.length() - 1) + (bootstrap.endsWith("A") ? "B" : "A");
    assertThat(
            refused(
                s -> s.replace("\"bootstrapKey\": \"" + bootstrap, "\"bootstrapKey\": \"" + other)))
        .endsWith("$.rootKeys[0].hash: does not match $.bootstrapKey");
    String plain = key.key().reveal();
    String changed = plain.substring(0, plain.length() - 1) + (plain.endsWith("A") ? "B" : "A");
    assertThat(refused(s -> s.replace(plain, changed)))
        .endsWith("$.keys[1].recoverablePlaintext: does not match the key's hash");
  }

  @Test
  void aKeyOfAnUnknownApiIsRefused() throws Exception {
    int at = valid.lastIndexOf("\"apiId\": \"") + 10;
    assertThat(refused(s -> s.substring(0, at) + "api_missing" + s.substring(s.indexOf('"', at))))
        .endsWith("$.keys[1].apiId: names no API in $.apis");
  }

  @Test
  void aValidSnapshotStillLoads() {
    InMemoryUnkey loaded = new StateFile(file).load(Clock.systemUTC(), null);
    assertThat(loaded).isNotNull();
    assertThat(loaded.bootstrapKey().reveal()).isEqualTo(bootstrap);
    assertThat(loaded.keys().verify(key.key()).valid()).isTrue();
    assertThat(
            Arrays.equals(
                SnapshotWriter.write(loaded.workspace()), valid.getBytes(StandardCharsets.UTF_8)))
        .isTrue();
  }
}
