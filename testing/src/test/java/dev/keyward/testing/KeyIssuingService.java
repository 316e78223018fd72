package dev.keyward.testing;

import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RerollKeyRequest;
import java.time.Duration;

/** A sample service: issues keys in one API, verifies them, rotates them. */
final class KeyIssuingService {
  /** The service's declared production root key: exactly what it needs on its one API. */
  static final String[] DECLARED = {"api.api_prod1234.create_key", "api.api_prod1234.verify_key"};

  private final Unkey unkey;
  private final String apiId;

  KeyIssuingService(Unkey unkey, String apiId) {
    this.unkey = unkey;
    this.apiId = apiId;
  }

  CreatedKey issue() {
    return unkey.keys().create(CreateKeyRequest.builder(apiId).build());
  }

  boolean valid(Secret key) {
    return unkey.keys().verify(key).valid();
  }

  CreatedKey rotate(String keyId) {
    return unkey.keys().reroll(RerollKeyRequest.of(keyId, Duration.ofHours(1)));
  }
}
