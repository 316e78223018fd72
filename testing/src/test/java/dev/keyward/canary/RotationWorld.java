package dev.keyward.canary;

import dev.keyward.Unkey;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.redact.Redactor;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RootKeyRotation;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.rotation.RotationVerifier;
import dev.keyward.rotation.SecretStore;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.RecordedExchange;
import dev.keyward.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rotation scenario's world: a {@link FakeUnkeyServer} over a fresh workspace on a {@link
 * TestClock}, clients with TRACE body logging on, and a harvest of every key that crosses the wire
 * (request and answer bodies, {@code Authorization}) into the scanner, so keys the server mints
 * become canaries too.
 */
final class RotationWorld implements AutoCloseable {
  static final String PREFIX = "cnry";
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");
  private static final Pattern KEY_FIELD =
      Pattern.compile("\"(?:key|plaintext)\"\\s*:\\s*\"([^\"]{16,})\"");
  private static final Pattern BEARER = Pattern.compile("Bearer\\s+(\\S{16,})");

  final TestClock clock = TestClock.create();
  final InMemoryUnkey workspace = InMemoryUnkey.builder().clock(clock).build();
  final FakeUnkeyServer server;
  final UnkeyHttpClient admin;
  final Path dir;
  private final LeakScanner scanner;

  RotationWorld(Path dir, LeakScanner scanner) {
    this.dir = dir;
    this.scanner = scanner;
    server = FakeUnkeyServer.start(workspace);
    server.addListener(this::harvest);
    scanner.add(Canary.of("bootstrap root key", server.bootstrapKey().reveal()));
    admin = client(server.bootstrapKey());
  }

  /** A client authenticating with {@code rootKey}, logging bodies at TRACE, retrying a little. */
  UnkeyHttpClient client(Secret rootKey) {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url())
        .rootKey(rootKey)
        .redactor(Redactor.builder().prefix(PREFIX).build())
        .readTimeout(Duration.ofMillis(700))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).retryRateLimited(true).build())
        .clock(clock)
        .sleeper(clock)
        .build();
  }

  Unkey clientFor(Secret rootKey) {
    return client(rootKey);
  }

  /** A root key named "billing" with {@link #PERMS}, written to the world's {@code .env} store. */
  CreatedKey serviceKey() throws Exception {
    CreatedKey service =
        admin.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("billing").build());
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(".env"), "# app\nUNKEY_ROOT_KEY=" + service.key().reveal() + "\n");
    return service;
  }

  /** An API with three prefixed keys and three bare, recoverable ones; returns its id. */
  String apiWithKeys() {
    String apiId = admin.apis().create(CreateApiRequest.of("customers")).apiId();
    for (int i = 0; i < 3; i++) {
      admin.keys().create(CreateKeyRequest.builder(apiId).prefix(PREFIX).name("c" + i).build());
      admin
          .keys()
          .create(CreateKeyRequest.builder(apiId).name("bare" + i).recoverable(true).build());
    }
    return apiId;
  }

  /** A rotation of {@code service} kept in this world's {@code .env} store and journal. */
  RootKeyRotation.Builder rotation(CreatedKey service, RootKeyIssuer issuer) {
    return RootKeyRotation.builder()
        .oldKeyId(service.keyId())
        .issuer(issuer)
        .store(SecretStore.envFile(dir.resolve(".env")), "UNKEY_ROOT_KEY")
        .verifier(RotationVerifier.authenticatingWith(this::clientFor))
        .journal(RotationJournal.open(dir.resolve("journal")))
        .overlap(Duration.ofMinutes(5))
        .clock(clock)
        .sleeper(clock);
  }

  private void harvest(RecordedExchange x) {
    harvest(new String(x.requestBody(), StandardCharsets.UTF_8), "request body " + x.path());
    harvest(new String(x.responseBody(), StandardCharsets.UTF_8), "answer " + x.path());
    for (Map.Entry<String, List<String>> h : x.requestHeaders().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Authorization")) {
        for (String v : h.getValue()) {
          Matcher m = BEARER.matcher(v);
          if (m.find()) {
            scanner.add(Canary.of("root key sent as Bearer", m.group(1)));
          }
        }
      }
    }
  }

  private void harvest(String body, String where) {
    Matcher m = KEY_FIELD.matcher(body);
    while (m.find()) {
      try {
        scanner.add(Canary.of("key in " + where, m.group(1)));
      } catch (IllegalArgumentException tooShortToBeAKey) {
        // a mask such as "unkey_3Zx9****" is not a key
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
