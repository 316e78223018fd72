package dev.keyward.kubernetes;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The root key from one data key of a Kubernetes Secret, kept current by a fabric8 informer on that
 * Secret (a list, then a watch that the informer re-establishes, relisting, whenever it breaks), so
 * a rotated key takes effect in a running service without a restart and without a mounted file.
 * {@link #current()} reads the informer's cache: no call to the API server per request.
 *
 * <pre>{@code
 * try (SecretRootKeyProvider key =
 *     SecretRootKeyProvider.watch(client, "billing", "unkey", "UNKEY_ROOT_KEY")) {
 *   Unkey unkey = UnkeyHttpClient.builder().rootKeyProvider(key).build();
 * }
 * }</pre>
 *
 * <p>Verbs it calls: {@code list} and {@code watch} on the Secret (a {@code resourceNames} rule
 * covers them, as the informer selects the Secret by {@code metadata.name}).
 */
public final class SecretRootKeyProvider implements RootKeyProvider, AutoCloseable {
  private final String namespace;
  private final String secretName;
  private final String key;
  private final SharedIndexInformer<io.fabric8.kubernetes.api.model.Secret> informer;

  private SecretRootKeyProvider(
      String namespace,
      String secretName,
      String key,
      SharedIndexInformer<io.fabric8.kubernetes.api.model.Secret> informer) {
    this.namespace = namespace;
    this.secretName = secretName;
    this.key = key;
    this.informer = informer;
  }

  /**
   * Starts watching data key {@code key} of Secret {@code secretName} in {@code namespace}; returns
   * once the first list completed. Close it to stop the watch.
   *
   * @throws dev.keyward.rotation.SecretStoreException PERMISSION_DENIED if the first list is
   *     refused
   */
  public static SecretRootKeyProvider watch(
      KubernetesClient client, String namespace, String secretName, String key) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(namespace, "namespace == null");
    Objects.requireNonNull(secretName, "secretName == null");
    KubernetesSecretStore.checkName(key);
    try {
      SharedIndexInformer<io.fabric8.kubernetes.api.model.Secret> informer =
          client.secrets().inNamespace(namespace).withName(secretName).inform();
      return new SecretRootKeyProvider(namespace, secretName, key, informer);
    } catch (KubernetesClientException e) {
      throw Failures.map(e, "list and watch", "Secret", namespace, secretName);
    }
  }

  /**
   * The key as the latest event showed it.
   *
   * @throws IllegalStateException naming the Secret and the data key when the Secret or the key is
   *     missing or does not hold a key (never the value)
   */
  @Override
  public Secret current() {
    io.fabric8.kubernetes.api.model.Secret s =
        informer.getStore().getByKey(namespace + "/" + secretName);
    String object = "Secret " + namespace + "/" + secretName;
    if (s == null) {
      throw new IllegalStateException(object + " not found (or not yet listed)");
    }
    String encoded = s.getData() == null ? null : s.getData().get(key);
    if (encoded == null) {
      throw new IllegalStateException(object + " has no data key " + key);
    }
    try {
      return Secret.of(
          new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "data key "
              + key
              + " of "
              + object
              + " does not hold a key"
              + (e instanceof InvalidKeyFormatException ? ": " + e.getMessage() : ""));
    }
  }

  /** Whether the informer's watch is running (it reconnects by itself after a failure). */
  public boolean isWatching() {
    return informer.isWatching();
  }

  /** Stops the watch. */
  @Override
  public void close() {
    informer.close();
  }

  @Override
  public String toString() {
    return "SecretRootKeyProvider{secret=" + namespace + "/" + secretName + ", key=" + key + "}";
  }
}
