package dev.keyward.rotation;

import dev.keyward.Sleeper;
import dev.keyward.key.Secret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a root key without downtime: create a new key with the same permissions and a name that
 * marks the plan, store it, deploy, verify, then revoke the old key (at once, or after an overlap
 * window), then wait until calls with the old key are refused (HTTP 401), since revocations take up
 * to a minute to reach every verifier. Every step is journaled before it runs, so {@link #resume()}
 * continues after a crash at any point; the old key is never revoked before the stored new key
 * verified, and a failed verification rolls back (new key deleted, store restored, old key live).
 * Rotation never issues by reroll.
 *
 * <pre>{@code
 * RootKeyRotation rotation = RootKeyRotation.builder()
 *     .oldKeyId("key_3ZbF1Sq7mTu8b6Yy2xXLKf")
 *     .issuer(RootKeyIssuer.of(admin))
 *     .store(SecretStore.envFile(Path.of(".env")), "UNKEY_ROOT_KEY")
 *     .deploy((planId, newKeyId) -> redeploy())
 *     .verifier(RotationVerifier.authenticatingWith(k -> UnkeyHttpClient.builder().rootKey(k).build()))
 *     .journal(RotationJournal.open(Path.of("/var/lib/billing/rotation-journal")))
 *     .build();
 * rotation.plan().forEach(System.out::println);   // dry run: writes nothing
 * RotationReport report = rotation.execute();
 * }</pre>
 *
 * <p>Give the journal an absolute path that every run of the job shares (a directory on a volume
 * that survives redeploys): {@link #resume()} finds an unfinished plan only in the journal that
 * started it, and a relative path such as {@code Path.of("rotation-journal")} resolves against
 * whatever working directory the job happens to start in. Two rotations of one key in one store are
 * kept apart by the store's lock ({@link SecretStore#lockForRotation(String)}), whatever their
 * journals: the second is refused with a {@link ConcurrentRotationException}.
 */
public final class RootKeyRotation {
  /**
   * Runs after the new key is stored, so the services pick it up; it may run again after a crash.
   */
  @FunctionalInterface
  public interface DeployHook {
    /** Deploys the stored key; throwing stops the plan, which {@code resume()} retries. */
    void deploy(String planId, String newKeyId) throws Exception;
  }

  final @Nullable String oldKeyId;
  final @Nullable Secret oldKey;
  final RootKeyIssuer issuer;
  final SecretStore store;
  final String storeName;
  final DeployHook deploy;
  final RotationVerifier verifier;
  final RotationJournal journal;
  final Clock clock;
  final Sleeper sleeper;
  final Duration overlap;
  final boolean waitForOverlap;
  final Duration revocationTimeout;
  final List<String> operatorPermissions;
  final @Nullable String name;

  private RootKeyRotation(Builder b) {
    if (b.oldKeyId == null && b.oldKey == null) {
      throw new IllegalStateException("oldKeyId or oldKey is required");
    }
    oldKeyId = b.oldKeyId;
    oldKey = b.oldKey;
    issuer = require(b.issuer, "issuer");
    store = require(b.store, "store");
    storeName = require(b.storeName, "storeName");
    deploy = b.deploy;
    verifier = require(b.verifier, "verifier");
    journal = require(b.journal, "journal");
    clock = b.clock;
    sleeper = b.sleeper;
    overlap = b.overlap;
    waitForOverlap = b.waitForOverlap;
    revocationTimeout = b.revocationTimeout;
    operatorPermissions = List.copyOf(b.permissions);
    name = b.name;
    if (!issuer.automatic() && oldKeyId == null) {
      throw new IllegalStateException("oldKeyId is required with the dashboard issuer");
    }
    if (!issuer.automatic() && operatorPermissions.isEmpty()) {
      throw new IllegalStateException(
          "permissions are required with the dashboard issuer: list the old key's permissions");
    }
  }

  /** Starts a plan. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Describes what {@link #execute()} would do, doing nothing: a dry run reads the old key from the
   * issuer (and its id, if only the key was given) but takes no lock and creates no directory or
   * file.
   */
  public List<String> plan() {
    return new RootSteps(this).dryRun();
  }

  /**
   * Starts a plan, or continues the unfinished plan of this key, and runs it as far as it can go.
   *
   * @throws ConcurrentRotationException if another rotation of this key holds the store's lock (or
   *     the journal's)
   * @throws RotationException if a step fails in a way {@link #resume()} may retry
   */
  public RotationReport execute() {
    return new RootSteps(this).run(false);
  }

  /**
   * Continues the unfinished plan of this key after a crash, a wait or an operator's action.
   *
   * @throws RotationException if there is no unfinished plan, or a step fails
   */
  public RotationReport resume() {
    return new RootSteps(this).run(true);
  }

  /**
   * Records the key an operator created in the dashboard (dashboard issuer): writes it to the store
   * and journals its id and the permissions the operator confirms it has, then continues the plan.
   */
  public RotationReport supplyNewKey(
      String newKeyId, Secret newKey, List<String> confirmedPermissions) {
    Objects.requireNonNull(newKeyId, "newKeyId == null");
    Objects.requireNonNull(newKey, "newKey == null");
    Objects.requireNonNull(confirmedPermissions, "confirmedPermissions == null");
    return new RootSteps(this).supply(newKeyId, newKey, confirmedPermissions);
  }

  /** Records that an operator deleted the old key in the dashboard, then finishes the plan. */
  public RotationReport confirmOldKeyDeleted() {
    return new RootSteps(this).confirmRevoked();
  }

  static String newPlanId(Clock clock) {
    SecureRandom random = new SecureRandom();
    return "rot-"
        + Long.toString(clock.millis(), 36)
        + "-"
        + Integer.toString(0x10000 + random.nextInt(0xeffff), 36);
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }

  /** Builds a {@link RootKeyRotation}. */
  public static final class Builder {
    private @Nullable String oldKeyId;
    private @Nullable Secret oldKey;
    private @Nullable RootKeyIssuer issuer;
    private @Nullable SecretStore store;
    private @Nullable String storeName;
    private DeployHook deploy = (planId, keyId) -> {};
    private @Nullable RotationVerifier verifier;
    private @Nullable RotationJournal journal;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration overlap = Duration.ZERO;
    private boolean waitForOverlap = true;
    private Duration revocationTimeout = Duration.ofMinutes(2);
    private List<String> permissions = new ArrayList<>();
    private @Nullable String name;

    Builder() {}

    /** The id of the key to replace. */
    public Builder oldKeyId(String oldKeyId) {
      this.oldKeyId = Objects.requireNonNull(oldKeyId, "oldKeyId == null");
      return this;
    }

    /** The key to replace; its id is looked up through the issuer. */
    public Builder oldKey(Secret oldKey) {
      this.oldKey = Objects.requireNonNull(oldKey, "oldKey == null");
      return this;
    }

    /** Who creates and deletes root keys. */
    public Builder issuer(RootKeyIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer == null");
      return this;
    }

    /**
     * Where the key lives, and under which name; the previous value is kept under {@code
     * name_PREVIOUS} until done.
     */
    public Builder store(SecretStore store, String name) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.storeName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Deploys the stored key (default: nothing, for services that read the store themselves). */
    public Builder deploy(DeployHook deploy) {
      this.deploy = Objects.requireNonNull(deploy, "deploy == null");
      return this;
    }

    /** Proves the new key works. */
    public Builder verifier(RotationVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /**
     * The durable journal, at an absolute path every run of this plan shares (see the class
     * comment).
     */
    public Builder journal(RotationJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /** The clock of timestamps, deadlines and the overlap window. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the plan waits. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Keeps the old key live for {@code overlap} after verification (default zero). */
    public Builder overlap(Duration overlap) {
      Objects.requireNonNull(overlap, "overlap == null");
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("overlap must not be negative");
      }
      this.overlap = overlap;
      return this;
    }

    /**
     * Whether {@code execute()} sleeps through the overlap window (default) or returns {@link
     * RotationReport.Status#WAITING_UNTIL} for a later {@code resume()}.
     */
    public Builder waitForOverlap(boolean wait) {
      this.waitForOverlap = wait;
      return this;
    }

    /**
     * How long, after the old key is deleted, to wait for calls with it to be refused (HTTP 401
     * three times in a row, through {@link dev.keyward.waiters.Waiters#awaitRootKeyRevoked}) before
     * the plan reports {@code DONE} (positive; default two minutes, as Unkey's revocations take up
     * to a minute to reach every verifier). If it passes first, {@code execute()} throws a {@link
     * RotationException} at step {@code await-revocation} and {@code resume()} waits again.
     */
    public Builder revocationTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.revocationTimeout = timeout;
      return this;
    }

    /**
     * The old key's permissions as the operator confirms them: required with the dashboard issuer,
     * which cannot read them; otherwise they must equal what the server reports.
     */
    public Builder permissions(List<String> permissions) {
      this.permissions =
          new ArrayList<>(Objects.requireNonNull(permissions, "permissions == null"));
      return this;
    }

    /** The new key's name, before the plan marker (default: the old key's name). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Builds the plan; nothing runs until {@code plan()} or {@code execute()}. */
    public RootKeyRotation build() {
      return new RootKeyRotation(this);
    }
  }
}
