package dev.keyward.vault;

import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VersionedSecretStore} on a Vault KV v2 secrets engine: the name {@code N} is the KV
 * secret {@code <mount>/data/<prefix>N}, whose latest version holds the CURRENT value in the field
 * {@code value} (what every other Vault reader sees), the PENDING value in {@code keyward-pending},
 * and keyward's bookkeeping in {@code keyward-state} (which KV version holds the CURRENT, PENDING
 * and PREVIOUS value and which idempotency token created which version; never a value). A {@link
 * SecretVersion} is the KV version that first held the value; the PREVIOUS value is read back by
 * {@code ?version=N}. Every change is one write with {@code cas} set to the version it was computed
 * from, so a write racing another one is refused by Vault and recomputed, and a crash leaves either
 * the old or the new state. A version written by someone else ({@code vault kv put}) counts as a
 * CURRENT value of its own; other fields of the secret are kept. The lease is the KV secret {@code
 * <prefix>N.keyward-lock} (holder and expiry, taken and released with {@code cas}).
 *
 * <pre>{@code
 * VaultSecretStore store =
 *     VaultSecretStore.builder(URI.create("https://vault.internal:8200"),
 *             VaultAuth.appRole("billing-rotator", Secret.of(System.getenv("VAULT_SECRET_ID"))))
 *         .mount("secret")
 *         .pathPrefix("billing/")
 *         .build();
 * }</pre>
 *
 * <p>Errors name the mount and path: a missing mount is {@link
 * SecretStoreException.Reason#NOT_FOUND}, a policy's or an expired token's refusal {@link
 * SecretStoreException.Reason#PERMISSION_DENIED}; Vault out of reach is an {@link
 * java.io.UncheckedIOException}.
 */
public final class VaultSecretStore implements VersionedSecretStore {
  static final String VALUE = "value";
  static final String PENDING = "keyward-pending";
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private static final int ATTEMPTS = 16;

  final KvClient kv;
  final String prefix;
  final Clock clock;

  VaultSecretStore(KvClient kv, String prefix, Clock clock) {
    this.kv = kv;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** A builder for a store on the Vault at {@code address} that logs in with {@code auth}. */
  public static VaultStoreBuilder builder(java.net.URI address, VaultAuth auth) {
    return new VaultStoreBuilder(address, auth);
  }

  /** The latest KV version of a name with keyward's reading of it. */
  private record View(int latest, KvState state, Map<String, Object> data) {}

  String path(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match [A-Za-z0-9_.-]{1,200}");
    }
    return prefix + name;
  }

  private View load(String name) {
    KvClient.Doc doc = kv.read(path(name), 0);
    Map<String, Object> data = doc.data();
    if (data == null) {
      return new View(doc.version(), KvState.empty(doc.version()), Map.of());
    }
    KvState state = KvState.parse(data.get(KvState.FIELD));
    if (state != null && state.at == doc.version()) {
      return new View(doc.version(), state, data);
    }
    // written by someone else: its value is CURRENT at this version, the one before is PREVIOUS
    int current = data.get(VALUE) instanceof String ? doc.version() : 0;
    int previous = state == null ? 0 : state.current;
    return new View(
        doc.version(), new KvState(doc.version(), current, 0, previous, Map.of()), data);
  }

  /** The value KV version {@code version} was created with, if Vault still holds it. */
  private @Nullable String valueAt(String name, View v, int version) {
    if (version == 0) {
      return null;
    }
    if (version == v.state().current) {
      return string(v.data().get(VALUE));
    }
    if (version == v.state().pending) {
      return string(v.data().get(PENDING));
    }
    Map<String, Object> old = kv.read(path(name), version).data();
    if (old == null) {
      return null;
    }
    KvState s = KvState.parse(old.get(KvState.FIELD));
    boolean staged = s != null && s.at == version && s.pending == version;
    return string(old.get(staged ? PENDING : VALUE));
  }

  private static @Nullable String string(@Nullable Object o) {
    return o instanceof String s ? s : null;
  }

  private static SecretVersion version(int kvVersion) {
    return kvVersion == 0 ? SecretVersion.ABSENT : SecretVersion.of(Integer.toString(kvVersion));
  }

  /** Writes {@code current} and {@code pending} with {@code next} under {@code cas}. */
  private void commit(
      String name, View v, @Nullable String current, @Nullable String pending, KvState next) {
    Map<String, Object> data = new LinkedHashMap<>(v.data());
    data.remove(VALUE);
    data.remove(PENDING);
    if (current != null) {
      data.put(VALUE, current);
    }
    if (pending != null) {
      data.put(PENDING, pending);
    }
    data.put(KvState.FIELD, next.format());
    int written = kv.write(path(name), data, v.latest());
    if (written != next.at) {
      throw new IllegalStateException(
          "Vault stored " + kv.where(path(name)) + " as version " + written + ", not " + next.at);
    }
  }

  private SecretStoreConflictException contention(String name) {
    return new SecretStoreConflictException(
        SecretStoreException.Reason.VERSION_CONFLICT,
        name,
        name + " (" + kv.where(path(name)) + ") kept changing under " + ATTEMPTS + " attempts");
  }

  /** The version {@code token} created, if it did; refuses it with another value. */
  private @Nullable VersionedSecret earlier(String name, View v, Secret value, String token) {
    Integer created = v.state().tokens.get(token);
    if (created == null) {
      return null;
    }
    String stored = valueAt(name, v, created);
    if (stored != null && !Secret.of(stored).equals(value)) {
      throw new SecretStoreConflictException(
          SecretStoreException.Reason.TOKEN_REUSED,
          name,
          "idempotency token "
              + token
              + " created version "
              + created
              + " of "
              + name
              + " with another value");
    }
    return new VersionedSecret(value, version(created), token);
  }

  @Override
  public Optional<Secret> read(String name) {
    return readVersioned(name).map(VersionedSecret::value);
  }

  @Override
  public void write(String name, Secret value) {
    Objects.requireNonNull(value, "value == null");
    for (int i = 0; i < ATTEMPTS; i++) {
      View v = load(name);
      KvState s = v.state();
      int next = v.latest() + 1;
      try {
        commit(
            name,
            v,
            value.reveal(),
            valueAt(name, v, s.pending),
            s.next(next, s.pending, s.current != 0 ? s.current : s.previous, null, 0));
        return;
      } catch (KvClient.CasMismatch e) {
        // another writer came first: recompute from its version
      }
    }
    throw contention(name);
  }

  @Override
  public void delete(String name) {
    for (int i = 0; i < ATTEMPTS; i++) {
      View v = load(name);
      KvState s = v.state();
      if (s.current == 0) {
        return;
      }
      try {
        commit(
            name, v, null, valueAt(name, v, s.pending), s.next(0, s.pending, s.current, null, 0));
        return;
      } catch (KvClient.CasMismatch e) {
        // recompute
      }
    }
    throw contention(name);
  }

  @Override
  public Optional<VersionedSecret> readStage(String name, Stage stage) {
    Objects.requireNonNull(stage, "stage == null");
    View v = load(name);
    int version =
        switch (stage) {
          case PENDING -> v.state().pending;
          case CURRENT -> v.state().current;
          case PREVIOUS -> v.state().previous;
        };
    String value = valueAt(name, v, version);
    return value == null
        ? Optional.empty()
        : Optional.of(
            new VersionedSecret(Secret.of(value), version(version), v.state().tokenOf(version)));
  }

  @Override
  public VersionedSecret write(
      String name, Secret value, SecretVersion expected, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expected, "expected == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    for (int i = 0; i < ATTEMPTS; i++) {
      View v = load(name);
      VersionedSecret earlier = earlier(name, v, value, idempotencyToken);
      if (earlier != null) {
        return earlier;
      }
      KvState s = v.state();
      if (!version(s.current).equals(expected)) {
        throw new SecretStoreConflictException(
            SecretStoreException.Reason.VERSION_CONFLICT,
            name,
            "expected version " + expected + " of " + name + " but it is " + version(s.current));
      }
      int next = v.latest() + 1;
      try {
        commit(
            name,
            v,
            value.reveal(),
            valueAt(name, v, s.pending),
            s.next(
                next, s.pending, s.current != 0 ? s.current : s.previous, idempotencyToken, next));
        return new VersionedSecret(value, version(next), idempotencyToken);
      } catch (KvClient.CasMismatch e) {
        // recompute: the token may have landed, or the expected version moved
      }
    }
    throw contention(name);
  }

  @Override
  public VersionedSecret stage(String name, Secret value, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    for (int i = 0; i < ATTEMPTS; i++) {
      View v = load(name);
      VersionedSecret earlier = earlier(name, v, value, idempotencyToken);
      if (earlier != null) {
        return earlier;
      }
      KvState s = v.state();
      int next = v.latest() + 1;
      try {
        commit(
            name,
            v,
            valueAt(name, v, s.current),
            value.reveal(),
            s.next(s.current, next, s.previous, idempotencyToken, next));
        return new VersionedSecret(value, version(next), idempotencyToken);
      } catch (KvClient.CasMismatch e) {
        // recompute
      }
    }
    throw contention(name);
  }

  @Override
  public VersionedSecret promote(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    for (int i = 0; i < ATTEMPTS; i++) {
      View v = load(name);
      KvState s = v.state();
      if (s.current != 0 && version(s.current).equals(version)) {
        String current = Objects.requireNonNull(valueAt(name, v, s.current));
        return new VersionedSecret(Secret.of(current), version, s.tokenOf(s.current));
      }
      String pending = valueAt(name, v, s.pending);
      if (pending == null || !version(s.pending).equals(version)) {
        throw new SecretStoreConflictException(
            SecretStoreException.Reason.NO_SUCH_VERSION,
            name,
            "version " + version + " of " + name + " is neither pending nor current");
      }
      try {
        commit(
            name,
            v,
            pending,
            null,
            s.next(s.pending, 0, s.current != 0 ? s.current : s.previous, null, 0));
        return new VersionedSecret(Secret.of(pending), version, s.tokenOf(s.pending));
      } catch (KvClient.CasMismatch e) {
        // recompute
      }
    }
    throw contention(name);
  }

  @Override
  public boolean unstage(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    for (int i = 0; i < ATTEMPTS; i++) {
      View v = load(name);
      KvState s = v.state();
      if (s.pending == 0 || !version(s.pending).equals(version)) {
        return false;
      }
      try {
        commit(
            name, v, valueAt(name, v, s.current), null, s.next(s.current, 0, s.previous, null, 0));
        return true;
      } catch (KvClient.CasMismatch e) {
        // recompute
      }
    }
    throw contention(name);
  }

  @Override
  public Lease tryLock(String name, String holder, Duration ttl) {
    VersionedSecretStore.checkLease(holder, ttl);
    return VaultLease.take(this, name, path(name) + ".keyward-lock", holder, ttl);
  }

  /**
   * A provider of the CURRENT value of {@code name} that reads Vault again once {@code interval}
   * has passed by this store's clock, so a rotated root key takes effect without a restart. If a
   * re-read cannot reach Vault, it keeps the value it has; a refusal or a missing value throws.
   *
   * @throws IllegalStateException from {@link RootKeyProvider#current()} if Vault holds no value
   */
  public RootKeyProvider rootKeyProvider(String name, Duration interval) {
    path(name);
    Objects.requireNonNull(interval, "interval == null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    return new IntervalRootKeyProvider(this, name, interval);
  }

  @Override
  public String toString() {
    return "VaultSecretStore{mount=" + kv.mount + ", prefix=" + prefix + "}";
  }
}
