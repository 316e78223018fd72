package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link SecretStore} that several machines share safely: every value has a {@link
 * SecretVersion}, writes compare and set, an idempotency token makes a retried write create no
 * second version, values are staged (AWS Secrets Manager's AWSPENDING / AWSCURRENT / AWSPREVIOUS),
 * and a lease held in the store itself keeps two machines from rotating one secret at once. The
 * plain {@link SecretStore} methods act on the {@link Stage#CURRENT} value: {@code read} reads it,
 * {@code write} replaces it unconditionally (the replaced value becomes PREVIOUS), {@code delete}
 * removes it.
 *
 * <p>A {@link RootKeyRotation} on such a store stages the new key as PENDING, verifies it, promotes
 * it and only then deploys and revokes; its journal records the versions and tokens.
 *
 * <p>Contract (the {@code VersionedSecretStoreContract} suite of keyward-testing checks it):
 *
 * <ul>
 *   <li>A write returns once durable, and every handle on the same backend reads it afterwards.
 *   <li>{@link #write(String, Secret, SecretVersion, String)} and {@link #stage} are idempotent per
 *       token: a token that created a version returns that version (whatever its stage now) when
 *       sent again with the same value, and fails with {@link
 *       SecretStoreException.Reason#TOKEN_REUSED} with another value. A store remembers a token at
 *       least while the version it created is pending, current or previous.
 *   <li>A stale expected version fails with {@link SecretStoreException.Reason#VERSION_CONFLICT}
 *       and changes nothing.
 *   <li>No exception message and no {@code toString()} holds a value; a credential never appears.
 *   <li>Leases: see {@link #tryLock(String, String, Duration)}.
 * </ul>
 *
 * <p>How backends map it: Kubernetes Secret (version = {@code resourceVersion} or a counter
 * annotation, CAS by {@code resourceVersion} on update, stages as extra keys or annotations, lease
 * as a {@code coordination.k8s.io} Lease); Vault KV v2 (version = KV version, CAS by {@code cas},
 * token in custom metadata); AWS Secrets Manager (version = {@code VersionId} = the token sent as
 * {@code ClientRequestToken}, stages = staging labels, promote = {@code UpdateSecretVersionStage}).
 */
public interface VersionedSecretStore extends SecretStore {
  /** Idempotency tokens: 32 to 64 characters, what every backend accepts (AWS's limits). */
  Pattern IDEMPOTENCY_TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,64}");

  /** Lease holders: 1 to 200 characters, e.g. {@code key_X@4711.build-7}. */
  Pattern HOLDER = Pattern.compile("[A-Za-z0-9_.:@-]{1,200}");

  /** The stages of a secret's versions, as AWS Secrets Manager labels them. */
  enum Stage {
    /** Staged, not yet in use: the next value, while it is verified (AWSPENDING). */
    PENDING,
    /** In use: what {@link SecretStore#read(String)} returns (AWSCURRENT). */
    CURRENT,
    /** The value CURRENT replaced, kept for a rollback (AWSPREVIOUS). */
    PREVIOUS
  }

  /** The {@link Stage#CURRENT} value of {@code name} with its version, if there is one. */
  default Optional<VersionedSecret> readVersioned(String name) {
    return readStage(name, Stage.CURRENT);
  }

  /** The value of {@code name} in {@code stage}, if there is one. */
  Optional<VersionedSecret> readStage(String name, Stage stage);

  /**
   * Makes {@code value} the CURRENT value of {@code name} if the current version is {@code
   * expected} ({@link SecretVersion#ABSENT}: if there is none); the replaced value becomes
   * PREVIOUS.
   *
   * @return the version holding {@code value}: new, or the one {@code idempotencyToken} created
   * @throws SecretStoreConflictException VERSION_CONFLICT if the current version is not {@code
   *     expected}; TOKEN_REUSED if the token created a version with another value
   */
  VersionedSecret write(String name, Secret value, SecretVersion expected, String idempotencyToken);

  /**
   * Stores {@code value} as the PENDING value of {@code name}, replacing any other pending value;
   * CURRENT is untouched.
   *
   * @return the pending version: new, or the one {@code idempotencyToken} created
   * @throws SecretStoreConflictException TOKEN_REUSED if the token created a version with another
   *     value
   */
  VersionedSecret stage(String name, Secret value, String idempotencyToken);

  /**
   * Makes the pending {@code version} of {@code name} CURRENT, and the value it replaces PREVIOUS.
   * Idempotent: promoting the version that is already current returns it.
   *
   * @return the new current version
   * @throws SecretStoreConflictException NO_SUCH_VERSION if {@code version} is neither pending nor
   *     current
   */
  VersionedSecret promote(String name, SecretVersion version);

  /**
   * Drops the PENDING value of {@code name} if it is {@code version} (a rotation rolling back);
   * returns whether it did. Another pending version is left alone.
   */
  boolean unstage(String name, SecretVersion version);

  /**
   * Takes the lease on {@code name} for {@code holder} for {@code ttl}, held in the store itself so
   * that every machine sharing the store sees it. A lease that expired may be taken by another
   * holder; its old owner then fails to {@link Lease#renew() renew} it.
   *
   * <p>Clocks: a store whose leases expire by time compares an expiry written by the holder's clock
   * with the taker's clock (Kubernetes Leases work so): the machines' clocks must agree to well
   * within {@code ttl}. A store whose lease is released when its holder dies (the {@code .env}
   * store's OS file lock) never expires a lease while its holder lives, and ignores {@code ttl}.
   *
   * @param holder who takes it, matching {@link #HOLDER}; named in the refusals of others
   * @throws ConcurrentRotationException naming the current holder, if another holds the lease
   */
  Lease tryLock(String name, String holder, Duration ttl);

  /** A lease on a secret, from {@link #tryLock}; closing it releases it. */
  interface Lease extends RotationLock {
    /** The secret's name. */
    String name();

    /** Who holds it. */
    String holder();

    /**
     * When it expires unless renewed; {@link Instant#MAX} for a lease held until its holder dies.
     */
    Instant expiresAt();

    /**
     * Extends the lease to the store's ttl from now.
     *
     * @throws ConcurrentRotationException if the lease expired and another holder took it, or it
     *     was released
     */
    void renew();
  }

  /**
   * Checks {@code token} against {@link #IDEMPOTENCY_TOKEN}; for store implementations.
   *
   * @throws IllegalArgumentException naming the rule, never the token
   */
  static String checkToken(String token) {
    Objects.requireNonNull(token, "idempotencyToken == null");
    if (!IDEMPOTENCY_TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("idempotencyToken must match [A-Za-z0-9_-]{32,64}");
    }
    return token;
  }

  /**
   * Checks a lease's {@code holder} and {@code ttl}; for store implementations.
   *
   * @throws IllegalArgumentException naming the rule
   */
  static void checkLease(String holder, Duration ttl) {
    Objects.requireNonNull(holder, "holder == null");
    Objects.requireNonNull(ttl, "ttl == null");
    if (!HOLDER.matcher(holder).matches()) {
      throw new IllegalArgumentException("holder must match [A-Za-z0-9_.:@-]{1,200}");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
  }

  /**
   * A versioned store over an {@code .env} file: the file holds the CURRENT values as {@link
   * SecretStore#envFile(Path, EnvFileOption...)} writes them, so services read it unchanged; the
   * versions, tokens and the PENDING and PREVIOUS values live in the sidecar file {@code
   * .<name>.keyward-versions} beside the real file (mode {@code 0600}, replaced atomically). Its
   * lease is the {@code .env} store's rotation lock file, one per {@code .env} file whatever the
   * name, released by the OS when the holder dies. A value edited by hand gets a version of its own
   * (so a compare-and-set based on the old version fails).
   */
  static VersionedSecretStore envFile(Path file, EnvFileOption... options) {
    return new VersionedEnvFileStore(file, Storage.SYSTEM, options);
  }

  /**
   * A versioned store in memory whose leases expire by {@code clock}; for tests, and for callers
   * that deploy the key themselves.
   */
  static VersionedSecretStore inMemory(Clock clock) {
    return new InMemoryVersionedStore(clock);
  }
}
