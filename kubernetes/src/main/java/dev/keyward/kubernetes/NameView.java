package dev.keyward.kubernetes;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One name's values and bookkeeping in a Secret as {@link KubernetesSecretStore} read it: the
 * CURRENT, PENDING and PREVIOUS values with their versions; edits build the updated Secret.
 */
final class NameView {
  final io.fabric8.kubernetes.api.model.Secret secret;
  final String name;
  final Map<String, String> data;
  final NameState state;
  private final String object;
  boolean changed = true;

  NameView(io.fabric8.kubernetes.api.model.Secret secret, String name, String object) {
    this.secret = secret;
    this.name = name;
    this.object = object;
    this.data = new HashMap<>(secret.getData() == null ? Map.of() : secret.getData());
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    this.state =
        NameState.parse(
            annotations == null
                ? null
                : annotations.get(KubernetesSecretStore.ANNOTATION_PREFIX + name));
  }

  void unchanged() {
    changed = false;
  }

  @Nullable Secret value(String key) {
    String encoded = data.get(key);
    if (encoded == null) {
      return null;
    }
    try {
      // a file made with `kubectl create secret --from-file` often ends with a newline
      return Secret.of(
          new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip());
    } catch (IllegalArgumentException e) {
      throw new SecretStoreException(
          SecretStoreException.Reason.NOT_FOUND,
          "data key " + key + " of Secret " + object + " does not hold a key",
          null);
    }
  }

  @Nullable Secret currentValue() {
    return value(name);
  }

  void put(String key, @Nullable Secret value) {
    if (value == null) {
      data.remove(key);
    } else {
      data.put(
          key, Base64.getEncoder().encodeToString(value.reveal().getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The value in {@code stage} with its version; a hand-edited CURRENT gets its own version. */
  @Nullable VersionedSecret stage(Stage stage) {
    return switch (stage) {
      case CURRENT -> {
        Secret v = currentValue();
        if (v == null) {
          yield null;
        }
        NameState.Entry e = state.current;
        if (e != null && e.hash().equals(state.hash(v))) {
          yield new VersionedSecret(v, SecretVersion.of(e.version()), e.token());
        }
        yield new VersionedSecret(v, SecretVersion.of("x" + externalHash(v)), null);
      }
      case PENDING -> held(name + KubernetesSecretStore.PENDING_SUFFIX, state.pending);
      case PREVIOUS -> held(name + KubernetesSecretStore.PREVIOUS_SUFFIX, state.previous);
    };
  }

  private @Nullable VersionedSecret held(String key, NameState.@Nullable Entry e) {
    Secret v = value(key);
    if (v == null || e == null || !e.hash().equals(state.hash(v))) {
      return null;
    }
    return new VersionedSecret(v, SecretVersion.of(e.version()), e.token());
  }

  /** A version for a value keyward did not write: stable per Secret object and value. */
  private String externalHash(Secret v) {
    String uid = secret.getMetadata().getUid();
    return NameState.withSalt(uid == null ? object : uid).hash(v).substring(0, 16);
  }

  SecretVersion currentVersion() {
    VersionedSecret current = stage(Stage.CURRENT);
    return current == null ? SecretVersion.ABSENT : current.version();
  }

  /** The version {@code token} created, if it did; refuses the token with another value. */
  @Nullable VersionedSecret earlier(Secret value, String token) {
    NameState.TokenRecord r = state.tokens.get(token);
    if (r == null) {
      return null;
    }
    if (!r.hash().equals(state.hash(value))) {
      throw new SecretStoreConflictException(
          SecretStoreException.Reason.TOKEN_REUSED,
          name,
          "idempotency token "
              + token
              + " created version "
              + r.number()
              + " of "
              + name
              + " in Secret "
              + object
              + " with another value");
    }
    return new VersionedSecret(value, SecretVersion.of(Long.toString(r.number())), token);
  }

  /** Makes {@code value} (null: none) CURRENT as {@code entry}; the old CURRENT goes PREVIOUS. */
  void makeCurrent(@Nullable Secret value, NameState.@Nullable Entry entry) {
    VersionedSecret old = stage(Stage.CURRENT);
    if (old != null) {
      put(name + KubernetesSecretStore.PREVIOUS_SUFFIX, old.value());
      state.previous =
          state.current != null && old.version().token().equals(state.current.version())
              ? state.current
              : state.next(old.value(), null);
    }
    put(name, value);
    state.current = entry;
  }

  io.fabric8.kubernetes.api.model.Secret updated() {
    ObjectMeta meta = secret.getMetadata();
    Map<String, String> annotations =
        new HashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    annotations.put(KubernetesSecretStore.ANNOTATION_PREFIX + name, state.format());
    meta.setAnnotations(annotations);
    secret.setData(data);
    secret.setStringData(null);
    return secret;
  }
}
