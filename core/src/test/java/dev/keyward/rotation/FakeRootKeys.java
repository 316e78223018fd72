package dev.keyward.rotation;

import dev.keyward.Keys;
import dev.keyward.Problem;
import dev.keyward.UnauthorizedException;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.Operation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hand-written root-key server for core tests: an issuer and, through {@link #clientFor}, a port
 * stub whose {@code keys.verify} authenticates as the given root key. It records every key it ever
 * issued, and checks Invariant 2 when the old key is deleted.
 */
final class FakeRootKeys implements RootKeyIssuer {
  static final class Key {
    final String id;
    final String name;
    final List<String> permissions;
    final Secret secret;
    boolean deleted;

    Key(String id, String name, List<String> permissions, Secret secret) {
      this.id = id;
      this.name = name;
      this.permissions = List.copyOf(permissions);
      this.secret = secret;
    }
  }

  final Map<String, Key> keys = new LinkedHashMap<>();
  final Set<Secret> verified = ConcurrentHashMap.newKeySet();
  final List<String> violations = new ArrayList<>();

  /** Permissions a created key gets, given the requested ones (tests drop one to fail check b). */
  Function<List<String>, List<String>> grant = p -> p;

  /** Keys created from now on answer 401 (tests make check a fail). */
  boolean newKeysRejected;

  /** What the old key's deletion checks: the store's current value. */
  Supplier<Optional<Secret>> storeValue = Optional::empty;

  String protectedOldKeyId = "";

  /**
   * How many calls a deleted key still authenticates, as Unkey's edges keep serving it until their
   * caches expire (unkey#2587).
   */
  int propagationCalls;

  /** Calls each deleted key authenticated after its deletion. */
  final Map<Secret, Integer> callsAfterDeletion = new ConcurrentHashMap<>();

  /** Runs at the start of every {@code create} (tests block a rotation there). */
  Runnable beforeCreate = () -> {};

  private int next;

  Key add(String name, List<String> permissions) {
    String id = "key_fake" + (next++);
    Key k = new Key(id, name, permissions, Secret.of("unkey_" + "s3cr3t" + id + "x9Zq"));
    keys.put(id, k);
    return k;
  }

  List<Key> live() {
    return keys.values().stream().filter(k -> !k.deleted).toList();
  }

  @Override
  public boolean automatic() {
    return true;
  }

  @Override
  public Optional<RootKeyInfo> describe(String keyId) {
    Key k = keys.get(keyId);
    if (k == null || k.deleted) {
      return Optional.empty();
    }
    return Optional.of(
        new RootKeyInfo(k.id, k.secret.start(), k.name, k.permissions, Instant.EPOCH, null));
  }

  @Override
  public Optional<String> idOf(Secret key) {
    return live().stream().filter(k -> k.secret.equals(key)).map(k -> k.id).findFirst();
  }

  @Override
  public CreatedKey create(String name, List<String> permissions) {
    beforeCreate.run();
    Key k = add(name, grant.apply(permissions));
    if (newKeysRejected) {
      rejected.add(k.secret);
    }
    return new CreatedKey(k.id, k.secret, "req_create");
  }

  final Set<Secret> rejected = ConcurrentHashMap.newKeySet();

  @Override
  public List<String> keyIdsNamedWith(String marker) {
    return live().stream().filter(k -> k.name.contains(marker)).map(k -> k.id).toList();
  }

  @Override
  public void delete(String keyId) {
    Key k = keys.get(keyId);
    if (k == null) {
      return;
    }
    if (keyId.equals(protectedOldKeyId) && !k.deleted) {
      Optional<Secret> stored = storeValue.get();
      if (stored.isEmpty() || stored.get().equals(k.secret)) {
        violations.add("old key revoked while the store does not hold a new key");
      } else if (!verified.contains(stored.get())) {
        violations.add("old key revoked before the stored key verified");
      } else if (live().stream().noneMatch(l -> l.secret.equals(stored.get()))) {
        violations.add("old key revoked while the stored key is not live");
      }
    }
    k.deleted = true;
  }

  /** A port stub authenticating as {@code secret}: only {@code keys().verify} is implemented. */
  Unkey clientFor(Secret secret) {
    Keys keysGroup =
        (Keys)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Keys.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("verify") && args[0] instanceof VerifyKeyRequest) {
                    boolean live = live().stream().anyMatch(k -> k.secret.equals(secret));
                    boolean known = keys.values().stream().anyMatch(k -> k.secret.equals(secret));
                    if (!live
                        && known
                        && callsAfterDeletion.merge(secret, 1, Integer::sum) <= propagationCalls) {
                      live = true; // an edge still caches the deleted key
                    }
                    if (!live || rejected.contains(secret)) {
                      throw new UnauthorizedException(
                          Operation.KEYS_VERIFY_KEY,
                          Problem.ofStatus(401, "req_401"),
                          "the root key is invalid");
                    }
                    verified.add(secret);
                    return Verification.builder(Verification.Code.NOT_FOUND)
                        .requestId("req_v")
                        .build();
                  }
                  if (method.isDefault()) {
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return (Unkey)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Unkey.class},
            (proxy, method, args) -> {
              if (method.getName().equals("keys")) {
                return keysGroup;
              }
              if (method.getName().equals("withRootKey")) {
                return clientFor((Secret) args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
