package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A root key as keyward's {@code rootKeys.*} extension shows it: never its plaintext. */
public record RootKeyInfo(
    String keyId,
    String start,
    @Nullable String name,
    List<String> permissions,
    Instant createdAt,
    @Nullable Instant expires) {
  /** Copies the permissions and checks nulls. */
  public RootKeyInfo {
    Constraints.notNull("keyId", keyId);
    Constraints.notNull("start", start);
    permissions = Constraints.nonNullItems("permissions", permissions);
    Constraints.notNull("createdAt", createdAt);
  }
}
