package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDedupeStoreTest {
  @TempDir Path dir;

  static LeakRecord record(String token, String keyId) {
    return new LeakRecord(TokenHashes.of(token), TokenKind.API_KEY, keyId, false);
  }

  @Test
  void recordsSurviveARestart() throws IOException {
    Path file = dir.resolve("leaks.log");
    LeakRecord a = record("a", "key_a");
    LeakRecord b = record("b", "key_b");
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      assertThat(store.claim(a)).isSameAs(a);
      assertThat(store.claim(record("a", "key_other"))).isEqualTo(a);
      store.claim(b);
      store.markDone(b.tokenHash());
    }
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      assertThat(store.find(a.tokenHash())).contains(a);
      assertThat(store.find(b.tokenHash())).contains(b.withDone());
      assertThat(store.find(TokenHashes.of("c"))).isEmpty();
    }
    String text = Files.readString(file);
    assertThat(text).doesNotContain("key_other");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aTornLastLineIsDroppedAndTheFileRepaired() throws IOException {
    Path file = dir.resolve("leaks.log");
    LeakRecord a = record("a", "key_a");
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      store.claim(a);
      store.claim(record("b", "key_b"));
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10)); // crash mid-write
    Files.writeString(
        file, "garbage line\n", StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.APPEND);
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      assertThat(store.find(a.tokenHash())).contains(a);
      assertThat(store.find(TokenHashes.of("b"))).isEmpty();
      store.claim(record("c", "key_c"));
    }
    assertThat(Files.readAllLines(file)).hasSize(2).allMatch(l -> l.startsWith("C "));
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      assertThat(store.find(TokenHashes.of("c"))).isPresent();
    }
  }

  @Test
  void aSymbolicLinkIsRefused() throws IOException {
    Path target = Files.writeString(dir.resolve("elsewhere"), "");
    Path link = Files.createSymbolicLink(dir.resolve("leaks.log"), target);
    assertThatThrownBy(() -> LeakDedupeStore.file(link))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.readString(target)).isEmpty();
  }

  @Test
  void oneStoreAtATime() throws IOException {
    Path file = dir.resolve("leaks.log");
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      assertThatThrownBy(() -> LeakDedupeStore.file(file)).isInstanceOf(IOException.class);
      assertThat(store.path()).isEqualTo(file.toAbsolutePath());
    }
    LeakDedupeStore.file(file).close();
  }

  @Test
  void aRecordNotDoneIsResumedByARedeliveryAfterARestart() throws IOException {
    var workspace = dev.keyward.testing.InMemoryUnkey.builder().build();
    String apiId =
        workspace.apis().create(dev.keyward.model.CreateApiRequest.of("payments")).apiId();
    var key =
        workspace
            .keys()
            .create(dev.keyward.model.CreateKeyRequest.builder(apiId).prefix("sk_live").build());
    String token = key.key().reveal();
    Path file = dir.resolve("leaks.log");
    try (FileDedupeStore store = LeakDedupeStore.file(file)) {
      store.claim(new LeakRecord(TokenHashes.of(token), TokenKind.API_KEY, key.keyId(), false));
    } // the process died before the playbook ran
    SignedReports reports = new SignedReports();
    SignedReports.Counting counting = new SignedReports.Counting(workspace);
    try (FileDedupeStore store = LeakDedupeStore.file(file);
        SecretScanningReceiver receiver =
            SecretScanningReceiver.builder(counting.unkey, reports.verifier())
                .apiKeyPrefixes("sk_live")
                .dedupeStore(store)
                .playbookExecutor(Runnable::run)
                .build()) {
      byte[] body = SignedReports.body(java.util.List.of(token));
      assertThat(reports.send(receiver, body).body()).contains("true_positive");
      assertThat(reports.send(receiver, body).body()).contains("true_positive");
      assertThat(counting.count("delete")).isEqualTo(1);
      assertThat(counting.count("whoami")).isZero();
      assertThat(store.find(TokenHashes.of(token)).orElseThrow().done()).isTrue();
    }
  }
}
