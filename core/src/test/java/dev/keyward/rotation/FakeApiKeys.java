package dev.keyward.rotation;

import dev.keyward.Apis;
import dev.keyward.Keys;
import dev.keyward.NotFoundException;
import dev.keyward.Problem;
import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.DeleteKeyRequest;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.Page;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.permission.Operation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A hand-written API-key server for core tests of bulk reroll (a port stub: keys.reroll, update,
 * delete, get and apis.listKeys). It can lose every n-th reroll answer after applying it, answer
 * 429, and records a violation when a key is rerolled while its expiry was not restored.
 */
final class FakeApiKeys {
  static final class Key {
    final String id;
    final String name;
    final Map<String, Object> meta;
    final Instant createdAt;
    final Instant originalExpires;
    final String origin;
    Instant expires;
    boolean deleted;

    Key(
        String id,
        String name,
        Map<String, Object> meta,
        Instant createdAt,
        Instant expires,
        String origin) {
      this.id = id;
      this.name = name;
      this.meta = meta;
      this.createdAt = createdAt;
      this.expires = expires;
      this.originalExpires = expires;
      this.origin = origin;
    }
  }

  final Map<String, Key> keys = new LinkedHashMap<>();
  final List<String> violations = new ArrayList<>();
  final Clock clock;
  int loseEvery;
  int rateLimitEvery;

  /** When set, every reroll answers 429 with this {@code Retry-After}. */
  @Nullable Duration rateLimitRerolls;

  /** When set, every update, delete, get and listKeys answers 429 with this {@code Retry-After}. */
  @Nullable Duration rateLimitOthers;

  /** Calls answered 429 because of the two settings above. */
  int rateLimited;

  private int rerolls;
  private int next;

  FakeApiKeys(Clock clock) {
    this.clock = clock;
  }

  synchronized Key add(String name) {
    String id = "key_api" + (next++);
    Key k =
        new Key(
            id,
            name,
            Map.of("tier", "gold"),
            clock.instant(),
            Instant.parse("2030-01-01T00:00:00Z"),
            id);
    keys.put(id, k);
    return k;
  }

  static Secret secretOf(String keyId) {
    return Secret.of("sk_plain" + keyId + "Zq9");
  }

  synchronized List<Key> liveSuccessorsOf(String oldId) {
    return keys.values().stream()
        .filter(k -> !k.deleted && k.origin.equals(oldId) && !k.id.equals(oldId))
        .toList();
  }

  private void maybeRateLimit(@Nullable Duration retryAfter, Operation op) {
    if (retryAfter != null) {
      rateLimited++;
      throw new RateLimitedException(
          op, Problem.ofStatus(429, "req_429"), "rate limited", retryAfter);
    }
  }

  private synchronized CreatedKey reroll(RerollKeyRequest r) {
    maybeRateLimit(rateLimitRerolls, Operation.KEYS_REROLL_KEY);
    rerolls++;
    if (rateLimitEvery > 0 && rerolls % rateLimitEvery == 0) {
      throw new RateLimitedException(
          Operation.KEYS_REROLL_KEY,
          Problem.ofStatus(429, "req_429"),
          "rate limited",
          Duration.ofMillis(500));
    }
    Key old = live(r.keyId(), Operation.KEYS_REROLL_KEY);
    if (!old.expires.equals(old.originalExpires)) {
      violations.add(old.id + " rerolled again before its expiry was restored");
    }
    if (!liveSuccessorsOf(old.id).isEmpty()) {
      violations.add(old.id + " rerolled while a successor is live");
    }
    String id = "key_api" + (next++);
    keys.put(id, new Key(id, old.name, old.meta, clock.instant(), old.expires, old.id));
    old.expires = clock.instant().plus(r.expiration());
    if (loseEvery > 0 && rerolls % loseEvery == 0) {
      throw new ServerException(
          Operation.KEYS_REROLL_KEY, Problem.ofStatus(500, "req_500"), "lost answer");
    }
    return new CreatedKey(id, secretOf(id), "req_reroll");
  }

  private Key live(String id, Operation op) {
    Key k = keys.get(id);
    if (k == null || k.deleted) {
      throw new NotFoundException(op, Problem.ofStatus(404, "req_404"), "key not found");
    }
    return k;
  }

  private KeyInfo info(Key k) {
    return KeyInfo.builder(k.id, "sk_" + k.id.substring(k.id.length() - 2), true, k.createdAt)
        .name(k.name)
        .meta(k.meta)
        .expires(k.expires)
        .build();
  }

  Unkey unkey() {
    Keys keysGroup =
        proxy(
            Keys.class,
            (p, m, a) -> {
              synchronized (this) {
                if (!m.getName().equals("reroll")) {
                  maybeRateLimit(rateLimitOthers, Operation.KEYS_UPDATE_KEY);
                }
                switch (m.getName()) {
                  case "reroll":
                    return reroll((RerollKeyRequest) a[0]);
                  case "update":
                    {
                      UpdateKeyRequest u = (UpdateKeyRequest) a[0];
                      Key k = live(u.keyId(), Operation.KEYS_UPDATE_KEY);
                      if (u.expires().isSet()) {
                        k.expires = u.expires().value();
                      } else if (u.expires().isClear()) {
                        k.expires = null;
                      }
                      return new Ack("req_update");
                    }
                  case "delete":
                    if (a[0] instanceof DeleteKeyRequest d) {
                      live(d.keyId(), Operation.KEYS_DELETE_KEY).deleted = true;
                      return new Ack("req_delete");
                    }
                    break;
                  case "get":
                    if (a[0] instanceof GetKeyRequest g) {
                      return info(live(g.keyId(), Operation.KEYS_GET_KEY));
                    }
                    break;
                  default:
                    break;
                }
              }
              return InvocationHandler.invokeDefault(p, m, a);
            });
    Apis apis =
        proxy(
            Apis.class,
            (p, m, a) -> {
              if (m.getName().equals("listKeys")) {
                synchronized (this) {
                  maybeRateLimit(rateLimitOthers, Operation.APIS_LIST_KEYS);
                  return new Page<>(
                      keys.values().stream().filter(k -> !k.deleted).map(this::info).toList(),
                      false,
                      null,
                      "req_list");
                }
              }
              return InvocationHandler.invokeDefault(p, m, a);
            });
    return proxy(
        Unkey.class,
        (p, m, a) ->
            switch (m.getName()) {
              case "keys" -> keysGroup;
              case "apis" -> apis;
              default -> throw new UnsupportedOperationException(m.getName());
            });
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler h) {
    return (T) Proxy.newProxyInstance(FakeApiKeys.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  Optional<Key> find(String id) {
    return Optional.ofNullable(keys.get(Objects.requireNonNull(id)));
  }
}
