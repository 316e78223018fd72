package dev.keyward.examples.readme;

import dev.keyward.InsufficientPermissionsException;
import dev.keyward.NotFoundException;
import dev.keyward.TransportException;
import dev.keyward.Unkey;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The README's client blocks: configuration, updates, pagination, async, and typed errors. */
final class ClientSnippets {
  private final String apiId;
  private final String keyId;
  private final Secret secret;
  final RecordingLog log = new RecordingLog();

  ClientSnippets(String apiId, String keyId, Secret secret) {
    this.apiId = apiId;
    this.keyId = keyId;
    this.secret = secret;
  }

  List<Object> client() {
    // readme:begin client
    UnkeyHttpClient unkey =
        UnkeyHttpClient.builder()
            .baseUrl("https://api.unkey.com")
            // re-read when the file changes (a mounted Kubernetes secret)
            .rootKeyProvider(RootKeyProvider.fromFile(Path.of("/var/run/secrets/unkey")))
            .retryPolicy(RetryPolicy.defaults().toBuilder().retryRateLimited(true).build())
            .build();

    // Three-state updates: absent (unchanged), clear (sent as null), set.
    unkey.keys().update(UpdateKeyRequest.builder(keyId).name("renamed").clearExpires().build());
    unkey.keys().updateCredits(UpdateCreditsRequest.increment(keyId, 100));

    // Pagination: one page, or every item fetched lazily page by page.
    Page<KeyInfo> first = unkey.apis().listKeys(ListKeysRequest.of(apiId));
    long total = unkey.apis().listKeysAll(ListKeysRequest.of(apiId)).stream().count();

    // Async: every call, cancellable.
    CompletableFuture<Verification> v = unkey.async().keys().verify(VerifyKeyRequest.of(secret));
    // readme:end client
    return List.of(first, total, v);
  }

  /**
   * Creates a key with {@code unkey} (the service's own root key) and reports why that failed;
   * {@code admin} is a root key that may read the API.
   */
  void createKey(Unkey unkey, Unkey admin) {
    // readme:begin client-errors
    try {
      unkey.keys().create(CreateKeyRequest.builder(apiId).recoverable(true).build());
    } catch (NotFoundException e) {
      // Unkey masks a denial as 404: the API does not exist, OR this root key may not create keys
      // in it. A root key that may read the API tells the two apart.
      try {
        admin.apis().get(apiId);
        log.warn("root key needs {}", Operation.KEYS_CREATE_KEY.requirement(apiId));
      } catch (NotFoundException really) {
        log.warn("API {} does not exist", apiId);
      }
    } catch (InsufficientPermissionsException e) {
      // Denials Unkey does not mask answer 403 and name what would be enough: here the key
      // may create keys in the API, but recoverable keys also need encrypt_key.
      log.warn("root key needs {}", e.missing().orElseThrow());
    } catch (TransportException e) {
      if (e.outcome() == TransportException.Outcome.UNKNOWN) {
        // createKey is not idempotent: keyward did not repeat it. Check before you retry.
        log.warn("createKey may have run: list the API's keys before you retry");
      }
    }
    // readme:end client-errors
  }
}
