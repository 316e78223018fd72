package dev.keyward.aws;

import static dev.keyward.aws.SecretsManagerCalls.CURRENT;
import static dev.keyward.aws.SecretsManagerCalls.NEXT;

import dev.keyward.key.Secret;
import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.VersionedSecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lease held in the secret {@code <secret name>-keyward-lock}, whose AWSCURRENT value is {@code
 * holder=<holder>;expires=<instant>} (or {@code released}): no key, only who holds it and until
 * when. Taking, renewing and releasing it are compare-and-sets by the same label trick as the
 * store's writes: put a new version, then move AWSCURRENT to it with {@code RemoveFromVersionId} =
 * the version read; the first lease ever is a {@code CreateSecret}, which AWS lets only one caller
 * win.
 *
 * <p>Guarantees, honestly: exclusion rests on Secrets Manager refusing an {@code
 * UpdateSecretVersionStage} whose {@code RemoveFromVersionId} is not where AWSCURRENT is, checked
 * atomically with the move. AWS documents the refusal but not its isolation under concurrent calls,
 * and a read of AWSCURRENT right after a move in another region's replica may be stale: use the
 * lease in the secret's primary region. Expiry compares the expiry written by the holder's clock
 * with the taker's clock (as Kubernetes leases do). Every take, renew and release creates a version
 * of the lock secret (AWS keeps 100 versions plus those of the last 24 hours); a rotation renews
 * once per step, about a dozen versions.
 */
final class SecretsManagerLease implements VersionedSecretStore.Lease {
  private static final String RELEASED = "released";

  private final SecretsManagerCalls calls;
  private final String name;
  private final String lockId;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;
  private String version;
  private Instant expiresAt;
  private boolean closed;

  private SecretsManagerLease(
      SecretsManagerCalls calls,
      String name,
      String lockId,
      String holder,
      Duration ttl,
      Clock clock,
      String version,
      Instant expiresAt) {
    this.calls = calls;
    this.name = name;
    this.lockId = lockId;
    this.holder = holder;
    this.ttl = ttl;
    this.clock = clock;
    this.version = version;
    this.expiresAt = expiresAt;
  }

  /** Takes the lease, or names its holder in the refusal. */
  static SecretsManagerLease take(
      SecretsManagerCalls calls,
      String name,
      String lockId,
      String holder,
      Duration ttl,
      Clock clock) {
    Instant until = clock.instant().plus(ttl);
    String token = UUID.randomUUID().toString();
    Optional<SecretsManagerCalls.Version> current = calls.get(lockId, null, CURRENT);
    if (current.isEmpty()) {
      try {
        calls.create(lockId, held(holder, until), token);
        return new SecretsManagerLease(calls, name, lockId, holder, ttl, clock, token, until);
      } catch (SecretsManagerCalls.Exists e) {
        current = calls.get(lockId, null, CURRENT);
        throw refused(name, lockId, current.map(v -> holderOf(v.value)).orElse(null));
      }
    }
    SecretsManagerCalls.Version seen = current.get();
    String other = holderOf(seen.value);
    if (other != null && clock.instant().isBefore(expiryOf(seen.value))) {
      throw refused(name, lockId, other);
    }
    if (!swap(calls, lockId, seen.id, held(holder, until), token)) {
      throw refused(
          name, lockId, calls.get(lockId, null, CURRENT).map(v -> holderOf(v.value)).orElse(null));
    }
    return new SecretsManagerLease(calls, name, lockId, holder, ttl, clock, token, until);
  }

  /**
   * Puts {@code value} as a new version and moves AWSCURRENT to it if it is still on {@code from}.
   */
  private static boolean swap(
      SecretsManagerCalls calls, String lockId, String from, Secret value, String token) {
    calls.put(lockId, value, token, List.of(NEXT));
    return calls.move(lockId, CURRENT, token, from);
  }

  private static Secret held(String holder, Instant until) {
    return Secret.of("holder=" + holder + ";expires=" + until);
  }

  private static @Nullable String holderOf(Secret value) {
    String text = value.reveal();
    int semi = text.indexOf(';');
    return text.startsWith("holder=") && semi > 7 ? text.substring(7, semi) : null;
  }

  private static Instant expiryOf(Secret value) {
    String text = value.reveal();
    int at = text.indexOf(";expires=");
    try {
      return at < 0 ? Instant.MIN : Instant.parse(text.substring(at + 9));
    } catch (DateTimeParseException e) {
      return Instant.MIN; // unreadable: treat as expired rather than lock out every rotation
    }
  }

  private static ConcurrentRotationException refused(
      String name, String lockId, @Nullable String holder) {
    return new ConcurrentRotationException(
        "-",
        name,
        holder,
        "the lease on "
            + name
            + " is held by "
            + (holder == null ? "another holder" : holder)
            + " (lock secret "
            + lockId
            + ")");
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
  public synchronized Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public synchronized void renew() {
    Instant until = clock.instant().plus(ttl);
    String token = UUID.randomUUID().toString();
    if (closed || !swap(calls, lockId, version, held(holder, until), token)) {
      String other = calls.get(lockId, null, CURRENT).map(v -> holderOf(v.value)).orElse(null);
      throw new ConcurrentRotationException(
          "-",
          name,
          other,
          "the lease of "
              + holder
              + " on "
              + name
              + " was lost"
              + (closed || other == null
                  ? " (released)"
                  : ": it expired and " + other + " took it"));
    }
    version = token;
    expiresAt = until;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // a lease lost meanwhile stays with its new holder: the move then fails, which is right
    swap(calls, lockId, version, Secret.of(RELEASED), UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return "Lease{name=" + name + ", holder=" + holder + ", lock=" + lockId + "}";
  }
}
