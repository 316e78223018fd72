package dev.keyward.kubernetes;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VersionedSecretStore} on one Kubernetes Secret: each keyward name is one data key of the
 * Secret, so pods read the CURRENT value as they read any Secret (a mounted file, {@code
 * secretKeyRef}); the Secret's other keys are kept as they are. The Secret must exist: keyward
 * never creates it (RBAC cannot scope {@code create} to one name).
 *
 * <p>Layout, for name {@code N}: data key {@code N} holds the CURRENT value, {@code
 * N.keyward-pending} the PENDING one and {@code N.keyward-previous} the PREVIOUS one (names with a
 * dot are no environment variables, so {@code envFrom} skips them). Values live only in {@code
 * data}. The annotation {@code versions.keyward.dev/N} holds the version counter, the idempotency
 * tokens with the version each created and a salted SHA-256 of each value, never a value.
 *
 * <p>Versions are per name (a counter), not the Secret's {@code resourceVersion}, which every write
 * to any key bumps: a compare-and-set of {@code N} fails only when {@code N} changed. Every write
 * reads the Secret, applies the change, and updates it with that {@code resourceVersion}; if the
 * server answers 409 (another writer came between), it reads again and re-checks the expected
 * version of {@code N}. A value edited by hand ({@code kubectl edit}) gets a version of its own
 * (derived from the Secret's uid and the value), so a compare-and-set based on the old one fails.
 *
 * <p>The lease is a {@code coordination.k8s.io/v1} Lease named {@code keyward.<secret>.<n>} ({@code
 * n}: {@code N} in lower case, {@code _} as {@code -}) in the same namespace, taken and renewed by
 * compare-and-set on its {@code resourceVersion}, expiring by the clocks of the machines (see
 * {@link VersionedSecretStore#tryLock}).
 *
 * <pre>{@code
 * KubernetesClient client = new KubernetesClientBuilder().build();
 * VersionedSecretStore store = KubernetesSecretStore.of(client, "billing", "unkey");
 * }</pre>
 *
 * <p>Verbs it calls: {@code get} and {@code update} on the Secret; {@code get}, {@code create} and
 * {@code update} on Leases.
 */
public final class KubernetesSecretStore implements VersionedSecretStore {
  /** Names: a data key that is also an annotation name ({@code [A-Za-z0-9_.-]}, 1 to 63). */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?");

  static final String ANNOTATION_PREFIX = "versions.keyward.dev/";
  static final String PENDING_SUFFIX = ".keyward-pending";
  static final String PREVIOUS_SUFFIX = ".keyward-previous";
  private static final int ATTEMPTS = 50;

  final KubernetesClient client;
  final String namespace;
  final String secretName;
  final Clock clock;

  private KubernetesSecretStore(
      KubernetesClient client, String namespace, String secretName, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.secretName = secretName;
    this.clock = clock;
  }

  /**
   * A store on the Secret {@code secretName} in {@code namespace}, through {@code client} (which
   * the caller owns and closes).
   */
  public static KubernetesSecretStore of(
      KubernetesClient client, String namespace, String secretName) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(namespace, "namespace == null");
    Objects.requireNonNull(secretName, "secretName == null");
    return new KubernetesSecretStore(client, namespace, secretName, Clock.systemUTC());
  }

  /** The same store whose leases read {@code clock} (default: the system clock). */
  public KubernetesSecretStore withClock(Clock clock) {
    return new KubernetesSecretStore(
        client, namespace, secretName, Objects.requireNonNull(clock, "clock == null"));
  }

  /** The Secret's namespace. */
  public String namespace() {
    return namespace;
  }

  /** The Secret's name. */
  public String secretName() {
    return secretName;
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must match [A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9]) (a data key and an"
              + " annotation name)");
    }
    return name;
  }

  @Override
  public Optional<Secret> read(String name) {
    return readVersioned(name).map(VersionedSecret::value);
  }

  @Override
  public Optional<VersionedSecret> readStage(String name, Stage stage) {
    checkName(name);
    Objects.requireNonNull(stage, "stage == null");
    return Optional.ofNullable(view(get(), name).stage(stage));
  }

  @Override
  public void write(String name, Secret value) {
    Objects.requireNonNull(value, "value == null");
    mutate(
        name,
        v -> {
          v.makeCurrent(value, v.state.next(value, null));
          return Boolean.TRUE;
        });
  }

  @Override
  public void delete(String name) {
    mutate(
        name,
        v -> {
          if (v.currentValue() == null) {
            return null;
          }
          v.makeCurrent(null, null);
          return Boolean.TRUE;
        });
  }

  @Override
  public VersionedSecret write(
      String name, Secret value, SecretVersion expected, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expected, "expected == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    return mutate(
        name,
        v -> {
          VersionedSecret earlier = v.earlier(value, idempotencyToken);
          if (earlier != null) {
            v.unchanged();
            return earlier;
          }
          SecretVersion current = v.currentVersion();
          if (!current.equals(expected)) {
            throw new SecretStoreConflictException(
                SecretStoreException.Reason.VERSION_CONFLICT,
                name,
                "expected version "
                    + expected
                    + " of "
                    + name
                    + " in Secret "
                    + object()
                    + " but it is "
                    + current);
          }
          NameState.Entry e = v.state.next(value, idempotencyToken);
          v.makeCurrent(value, e);
          return new VersionedSecret(value, SecretVersion.of(e.version()), idempotencyToken);
        });
  }

  @Override
  public VersionedSecret stage(String name, Secret value, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    return mutate(
        name,
        v -> {
          VersionedSecret earlier = v.earlier(value, idempotencyToken);
          if (earlier != null) {
            v.unchanged();
            return earlier;
          }
          NameState.Entry e = v.state.next(value, idempotencyToken);
          v.state.pending = e;
          v.put(name + PENDING_SUFFIX, value);
          return new VersionedSecret(value, SecretVersion.of(e.version()), idempotencyToken);
        });
  }

  @Override
  public VersionedSecret promote(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    return mutate(
        name,
        v -> {
          VersionedSecret current = v.stage(Stage.CURRENT);
          if (current != null && current.version().equals(version)) {
            v.unchanged();
            return current;
          }
          VersionedSecret pending = v.stage(Stage.PENDING);
          if (pending == null || !pending.version().equals(version)) {
            throw new SecretStoreConflictException(
                SecretStoreException.Reason.NO_SUCH_VERSION,
                name,
                "version "
                    + version
                    + " of "
                    + name
                    + " in Secret "
                    + object()
                    + " is neither pending nor current");
          }
          v.makeCurrent(pending.value(), v.state.pending);
          v.state.pending = null;
          v.put(name + PENDING_SUFFIX, null);
          return pending;
        });
  }

  @Override
  public boolean unstage(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    Boolean dropped =
        mutate(
            name,
            v -> {
              VersionedSecret pending = v.stage(Stage.PENDING);
              if (pending == null || !pending.version().equals(version)) {
                v.unchanged();
                return Boolean.FALSE;
              }
              v.state.pending = null;
              v.put(name + PENDING_SUFFIX, null);
              return Boolean.TRUE;
            });
    return Boolean.TRUE.equals(dropped);
  }

  @Override
  public Lease tryLock(String name, String holder, Duration ttl) {
    checkName(name);
    VersionedSecretStore.checkLease(holder, ttl);
    return KubernetesLease.take(this, name, holder, ttl);
  }

  /** {@code namespace/secretName}, for messages. */
  String object() {
    return namespace + "/" + secretName;
  }

  private io.fabric8.kubernetes.api.model.Secret get() {
    io.fabric8.kubernetes.api.model.Secret s;
    try {
      s = client.secrets().inNamespace(namespace).withName(secretName).get();
    } catch (KubernetesClientException e) {
      throw Failures.map(e, "get", "Secret", namespace, secretName);
    }
    if (s == null) {
      throw new SecretStoreException(
          SecretStoreException.Reason.NOT_FOUND,
          "Secret "
              + object()
              + " not found (or namespace "
              + namespace
              + " does not exist): create it first",
          null);
    }
    return s;
  }

  private NameView view(io.fabric8.kubernetes.api.model.Secret s, String name) {
    return new NameView(s, name, object());
  }

  /**
   * Reads the Secret, lets {@code change} edit the view of {@code name}, and updates the Secret
   * with the {@code resourceVersion} it read; on 409 reads again and re-runs {@code change}, which
   * re-checks the expected version. {@code change} returns null or calls {@link
   * NameView#unchanged()} to write nothing.
   */
  private <T> @Nullable T mutate(String name, Function<NameView, @Nullable T> change) {
    checkName(name);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      io.fabric8.kubernetes.api.model.Secret s = get();
      NameView v = view(s, name);
      T result = change.apply(v);
      if (result == null || !v.changed) {
        return result;
      }
      try {
        client.secrets().inNamespace(namespace).resource(v.updated()).update();
        return result;
      } catch (KubernetesClientException e) {
        if (!Failures.isConflict(e)) {
          throw Failures.map(e, "update", "Secret", namespace, secretName);
        }
      }
    }
    throw new SecretStoreConflictException(
        SecretStoreException.Reason.VERSION_CONFLICT,
        name,
        "Secret " + object() + " kept changing under " + ATTEMPTS + " attempts to write " + name);
  }

  @Override
  public String toString() {
    return "KubernetesSecretStore{secret=" + object() + "}";
  }
}
