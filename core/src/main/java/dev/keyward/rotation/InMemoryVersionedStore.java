package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VersionedSecretStore} in memory; see {@link VersionedSecretStore#inMemory}. Every method
 * holds the monitor of the shared state, so it is safe across threads and across the handles {@link
 * #handle()} makes (each plays another machine on the same backend). Versions are a counter per
 * name; tokens are remembered for as long as the store lives.
 */
final class InMemoryVersionedStore implements VersionedSecretStore {
  private final State state;

  InMemoryVersionedStore(Clock clock) {
    this(new State(Objects.requireNonNull(clock, "clock == null")));
  }

  private InMemoryVersionedStore(State state) {
    this.state = state;
  }

  /** Another store object on the same values and leases: a second machine, for tests. */
  InMemoryVersionedStore handle() {
    return new InMemoryVersionedStore(state);
  }

  private static final class State {
    final Clock clock;
    final Map<String, Entry> entries = new HashMap<>();
    final Map<String, LeaseRecord> leases = new HashMap<>();

    State(Clock clock) {
      this.clock = clock;
    }

    Entry entry(String name) {
      return entries.computeIfAbsent(
          Objects.requireNonNull(name, "name == null"), n -> new Entry());
    }
  }

  private static final class Entry {
    long counter;
    @Nullable VersionedSecret current;
    @Nullable VersionedSecret pending;
    @Nullable VersionedSecret previous;
    final Map<String, VersionedSecret> byToken = new HashMap<>();

    VersionedSecret next(Secret value, @Nullable String token) {
      VersionedSecret v = new VersionedSecret(value, SecretVersion.of("v" + ++counter), token);
      if (token != null) {
        byToken.put(token, v);
      }
      return v;
    }

    SecretVersion currentVersion() {
      return current == null ? SecretVersion.ABSENT : current.version();
    }

    void makeCurrent(VersionedSecret v) {
      if (current != null) {
        previous = current;
      }
      current = v;
    }
  }

  private record LeaseRecord(String holder, Instant expiresAt, Object owner) {}

  @Override
  public Optional<Secret> read(String name) {
    return readVersioned(name).map(VersionedSecret::value);
  }

  @Override
  public void write(String name, Secret value) {
    Objects.requireNonNull(value, "value == null");
    synchronized (state) {
      Entry e = state.entry(name);
      e.makeCurrent(e.next(value, null));
    }
  }

  @Override
  public void delete(String name) {
    synchronized (state) {
      Entry e = state.entry(name);
      if (e.current != null) {
        e.previous = e.current;
        e.current = null;
      }
    }
  }

  @Override
  public Optional<VersionedSecret> readStage(String name, Stage stage) {
    Objects.requireNonNull(stage, "stage == null");
    synchronized (state) {
      Entry e = state.entry(name);
      return Optional.ofNullable(
          switch (stage) {
            case PENDING -> e.pending;
            case CURRENT -> e.current;
            case PREVIOUS -> e.previous;
          });
    }
  }

  @Override
  public VersionedSecret write(
      String name, Secret value, SecretVersion expected, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expected, "expected == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    synchronized (state) {
      Entry e = state.entry(name);
      VersionedSecret earlier = earlier(name, e, value, idempotencyToken);
      if (earlier != null) {
        return earlier;
      }
      if (!e.currentVersion().equals(expected)) {
        throw new SecretStoreConflictException(
            SecretStoreException.Reason.VERSION_CONFLICT,
            name,
            "expected version " + expected + " of " + name + " but it is " + e.currentVersion());
      }
      VersionedSecret v = e.next(value, idempotencyToken);
      e.makeCurrent(v);
      return v;
    }
  }

  @Override
  public VersionedSecret stage(String name, Secret value, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    synchronized (state) {
      Entry e = state.entry(name);
      VersionedSecret earlier = earlier(name, e, value, idempotencyToken);
      if (earlier != null) {
        return earlier;
      }
      e.pending = e.next(value, idempotencyToken);
      return e.pending;
    }
  }

  @Override
  public VersionedSecret promote(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    synchronized (state) {
      Entry e = state.entry(name);
      if (e.current != null && e.current.version().equals(version)) {
        return e.current;
      }
      if (e.pending == null || !e.pending.version().equals(version)) {
        throw new SecretStoreConflictException(
            SecretStoreException.Reason.NO_SUCH_VERSION,
            name,
            "version " + version + " of " + name + " is neither pending nor current");
      }
      VersionedSecret promoted = e.pending;
      e.pending = null;
      e.makeCurrent(promoted);
      return promoted;
    }
  }

  @Override
  public boolean unstage(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    synchronized (state) {
      Entry e = state.entry(name);
      if (e.pending != null && e.pending.version().equals(version)) {
        e.pending = null;
        return true;
      }
      return false;
    }
  }

  /** The version {@code token} created, if it did; refuses the token with another value. */
  private static @Nullable VersionedSecret earlier(
      String name, Entry e, Secret value, String token) {
    VersionedSecret earlier = e.byToken.get(token);
    if (earlier != null && !earlier.value().equals(value)) {
      throw new SecretStoreConflictException(
          SecretStoreException.Reason.TOKEN_REUSED,
          name,
          "idempotency token "
              + token
              + " created version "
              + earlier.version()
              + " of "
              + name
              + " with another value");
    }
    return earlier;
  }

  @Override
  public Lease tryLock(String name, String holder, Duration ttl) {
    Objects.requireNonNull(name, "name == null");
    VersionedSecretStore.checkLease(holder, ttl);
    Object owner = new Object();
    synchronized (state) {
      LeaseRecord held = state.leases.get(name);
      if (held != null && state.clock.instant().isBefore(held.expiresAt())) {
        throw refused(name, held.holder());
      }
      state.leases.put(name, new LeaseRecord(holder, state.clock.instant().plus(ttl), owner));
    }
    return new MemoryLease(name, holder, ttl, owner);
  }

  private static ConcurrentRotationException refused(String name, String holder) {
    return new ConcurrentRotationException(
        "-", name, holder, "the lease on " + name + " is held by " + holder);
  }

  /** A lease whose record in the shared state is its while {@code owner} matches. */
  private final class MemoryLease implements Lease {
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final Object owner;

    MemoryLease(String name, String holder, Duration ttl, Object owner) {
      this.name = name;
      this.holder = holder;
      this.ttl = ttl;
      this.owner = owner;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String holder() {
      return holder;
    }

    @Override
    public Instant expiresAt() {
      synchronized (state) {
        LeaseRecord r = state.leases.get(name);
        return r != null && r.owner() == owner ? r.expiresAt() : Instant.MIN;
      }
    }

    @Override
    public void renew() {
      synchronized (state) {
        LeaseRecord r = state.leases.get(name);
        if (r == null || r.owner() != owner) {
          throw new ConcurrentRotationException(
              "-",
              name,
              r == null ? null : r.holder(),
              "the lease of "
                  + holder
                  + " on "
                  + name
                  + " was lost"
                  + (r == null ? " (released)" : ": it expired and " + r.holder() + " took it"));
        }
        state.leases.put(name, new LeaseRecord(holder, state.clock.instant().plus(ttl), owner));
      }
    }

    @Override
    public void close() {
      synchronized (state) {
        LeaseRecord r = state.leases.get(name);
        if (r != null && r.owner() == owner) {
          state.leases.remove(name);
        }
      }
    }

    @Override
    public String toString() {
      return "Lease{name=" + name + ", holder=" + holder + "}";
    }
  }

  @Override
  public String toString() {
    synchronized (state) {
      return "InMemoryVersionedStore{names=" + state.entries.keySet() + "}";
    }
  }
}
