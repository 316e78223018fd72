package dev.keyward.hygiene;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One hygiene problem of one key: what kind it is, which key (by id) and API it concerns, the
 * permissions involved (root keys only), and a sentence for people. It never holds a key's
 * plaintext or hash.
 *
 * @param kind what is wrong
 * @param keyId the key's id
 * @param apiId the API of an API key; null for a root key
 * @param permissions the root permissions the finding is about, in the key's order (empty for API
 *     keys and for {@link Kind#ROOT_KEY_PAST_ROTATION_PERIOD})
 * @param message one or two sentences saying what is wrong and what to do
 */
public record Finding(
    Kind kind, String keyId, @Nullable String apiId, List<String> permissions, String message) {
  /** Checks nulls and copies the permissions. */
  public Finding {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(keyId, "keyId == null");
    permissions = List.copyOf(Objects.requireNonNull(permissions, "permissions == null"));
    Objects.requireNonNull(message, "message == null");
  }

  /** The kinds of problem {@link KeyHygiene} looks for, in report order. */
  public enum Kind {
    /** An API key without {@code expires}: a leaked copy works until someone deletes it. */
    API_KEY_WITHOUT_EXPIRY(true),
    /** An API key without an identity ({@code externalId}): nobody to ask whether it is used. */
    API_KEY_WITHOUT_OWNER(true),
    /** An API key that is disabled but still exists. */
    API_KEY_DISABLED(true),
    /**
     * An API key with unlimited credits in an API where most of the other keys have a credit limit.
     */
    API_KEY_UNLIMITED_CREDITS(true),
    /**
     * A root key holding a wildcard ({@code api.*.…}, the legacy bare {@code *}, or a {@code *} in
     * a permission keyward cannot parse) where a permission scoped to resource ids exists.
     */
    ROOT_KEY_WILDCARD_PERMISSION(false),
    /**
     * A root key holding permissions that grant nothing: scoped to an API that no longer exists, or
     * covered by a wildcard of the same action on the same key. See {@link KeyHygiene}.
     */
    ROOT_KEY_UNUSED_PERMISSION(false),
    /** A root key created longer ago than the rotation period. */
    ROOT_KEY_PAST_ROTATION_PERIOD(false);

    private final boolean apiKey;

    Kind(boolean apiKey) {
      this.apiKey = apiKey;
    }

    /** True for kinds about API keys, false for kinds about root keys. */
    public boolean isApiKeyKind() {
      return apiKey;
    }
  }
}
