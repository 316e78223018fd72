package dev.keyward.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(start, "start == null");
    permissions = List.copyOf(permissions);
    Objects.requireNonNull(createdAt, "createdAt == null");
  }
}
