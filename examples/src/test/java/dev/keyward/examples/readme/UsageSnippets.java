package dev.keyward.examples.readme;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.LeastPrivilege;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import dev.keyward.permission.PermissionSet;
import java.util.ArrayList;
import java.util.List;

/** The README's "Usage" and "Least privilege" blocks, with what they leave to the reader. */
final class UsageSnippets {
  /** The key a caller presented (e.g. from the {@code Authorization} header). */
  private final String incomingKey;

  /** What {@link #hand} and {@link #reject} received. */
  final List<Object> handed = new ArrayList<>();

  UsageSnippets(String incomingKey) {
    this.incomingKey = incomingKey;
  }

  private void hand(Secret key) {
    handed.add(key);
  }

  private void reject(Verification.Code code) {
    handed.add(code);
  }

  void usage() {
    // readme:begin usage
    Unkey unkey = UnkeyHttpClient.fromEnvironment(); // UNKEY_ROOT_KEY, UNKEY_BASE_URL

    CreateKeyRequest request =
        CreateKeyRequest.builder("api_1234").prefix("sk_live").credits(Credits.of(1_000)).build();
    CreatedKey created = unkey.keys().create(request);
    hand(created.key()); // a Secret: prints as sk_live_3Zx9…****

    VerifyKeyRequest check =
        VerifyKeyRequest.builder(incomingKey).permissions("documents.read").build();
    Verification v = unkey.keys().verify(check); // incomingKey: the caller's key, as sent
    if (!v.valid()) {
      reject(v.code()); // NOT_FOUND, EXPIRED, RATE_LIMITED, …
    }
    // readme:end usage
  }

  static List<Object> leastPrivilege() {
    // readme:begin least-privilege
    PermissionSet minimal =
        LeastPrivilege.minimalFor(
            LeastPrivilege.use(Operation.KEYS_VERIFY_KEY, "api_7hK2pQx9"),
            LeastPrivilege.use(Operation.KEYS_CREATE_KEY, "api_7hK2pQx9"));
    PermissionQuery query = PermissionQuery.parse("documents.read AND (documents.write OR admin)");
    // readme:end least-privilege
    return List.of(minimal, query);
  }
}
