package dev.keyward.permission;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ids Unkey's handlers put into the resource-name ({@code unkey:v1:…}) legs of a permission
 * check, beside the API or namespace id the legacy tuples use. For a key, a handler checks e.g.
 * {@code unkey:v1:<workspaceId>:keyspaces/<keyspaceId>/keys/<keyId>#update_key}; the keyspace id is
 * the API's key space ({@code key_auth}) id, not the API id.
 *
 * <pre>{@code
 * ResourceIds ids = ResourceIds.key("ws_1", "ks_1", "key_1");
 * Operation.KEYS_UPDATE_KEY.requirement("api_1", Set.of(), ids);
 * // api.*.update_key OR api.api_1.update_key OR unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key
 * }</pre>
 *
 * <p>Each id is optional: a leg whose ids are missing is left out, so {@link #none()} gives the
 * tuple-only query of {@link Operation#requirement(String, java.util.Set)}. Ids must be non-empty
 * and hold none of {@code : # / *} or whitespace, which would change the resource name's meaning.
 */
public final class ResourceIds {
  private static final ResourceIds NONE = new ResourceIds(null, null, null);

  private final @Nullable String workspaceId;
  private final @Nullable String keyspaceId;
  private final @Nullable String keyId;

  private ResourceIds(
      @Nullable String workspaceId, @Nullable String keyspaceId, @Nullable String keyId) {
    this.workspaceId = workspaceId;
    this.keyspaceId = keyspaceId;
    this.keyId = keyId;
  }

  /** No ids: no resource-name legs. */
  public static ResourceIds none() {
    return NONE;
  }

  /**
   * Ids for a check on a key space (create a key in it), e.g. {@code ws_1}, {@code ks_1}.
   *
   * @throws IllegalArgumentException naming the id that is empty or holds a reserved character
   */
  public static ResourceIds keyspace(String workspaceId, String keyspaceId) {
    return new ResourceIds(
        check("workspaceId", workspaceId), check("keyspaceId", keyspaceId), null);
  }

  /**
   * Ids for a check on one key.
   *
   * @throws IllegalArgumentException naming the id that is empty or holds a reserved character
   */
  public static ResourceIds key(String workspaceId, String keyspaceId, String keyId) {
    return new ResourceIds(
        check("workspaceId", workspaceId), check("keyspaceId", keyspaceId), check("keyId", keyId));
  }

  /** The workspace id, if known. */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  /** The key space ({@code key_auth}) id, if known. */
  public Optional<String> keyspaceId() {
    return Optional.ofNullable(keyspaceId);
  }

  /** The key id, if known. */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  /** {@code unkey:v1:<ws>:keyspaces/<ks>}, or null without both ids. */
  @Nullable String keyspaceUrn() {
    return workspaceId == null || keyspaceId == null
        ? null
        : "unkey:v1:" + workspaceId + ":keyspaces/" + keyspaceId;
  }

  /** {@code unkey:v1:<ws>:keyspaces/<ks>/keys/<key>}, or null without all three ids. */
  @Nullable String keyUrn() {
    String keyspace = keyspaceUrn();
    return keyspace == null || keyId == null ? null : keyspace + "/keys/" + keyId;
  }

  private static String check(String name, String id) {
    Objects.requireNonNull(id, name + " == null");
    if (id.isEmpty() || id.length() > 255) {
      throw new IllegalArgumentException(name + " must be 1 to 255 characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == ':' || c == '#' || c == '/' || c == '*' || c <= ' ' || c > '~') {
        throw new IllegalArgumentException(
            name
                + " character at index "
                + i
                + " is not allowed; allowed: printable ASCII except ':', '#', '/', '*'");
      }
    }
    return id;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResourceIds)) {
      return false;
    }
    ResourceIds that = (ResourceIds) o;
    return Objects.equals(workspaceId, that.workspaceId)
        && Objects.equals(keyspaceId, that.keyspaceId)
        && Objects.equals(keyId, that.keyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspaceId, keyspaceId, keyId);
  }

  /** The ids, e.g. {@code ResourceIds[workspace=ws_1, keyspace=ks_1, key=key_1]}. */
  @Override
  public String toString() {
    return "ResourceIds[workspace="
        + workspaceId
        + ", keyspace="
        + keyspaceId
        + ", key="
        + keyId
        + "]";
  }
}
