package dev.keyward.waiters;

import dev.keyward.BadRequestException;
import dev.keyward.Sleeper;
import dev.keyward.UnauthorizedException;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Polls the {@link Unkey} port until a key's state has reached every verifier: Unkey caches keys at
 * its edges, so a revoked key may verify for up to a minute (unkey#2587), and a new one may be
 * refused for a while. A waiter requires its condition {@link #streak(int) several times in a row}
 * (default 3), so one fresh edge does not end the wait while another still answers the old state.
 * Calls are spaced by exponential backoff through a {@link Sleeper} (250 ms doubling to 5 s, no
 * jitter), and the wait ends with a {@link WaiterTimeoutException} naming the last observed state
 * after the {@link #timeout(Duration) timeout} (default two minutes).
 *
 * <pre>{@code
 * unkey.keys().delete(keyId);
 * Waiters.of(unkey).awaitRevoked(leakedApiKey);          // NOT_FOUND, DISABLED or EXPIRED, 3 in a row
 * Waiters.of(unkey).timeout(Duration.ofMinutes(5)).awaitRootKeyRevoked(oldRootKey);   // 401s
 * }</pre>
 *
 * <p>Every verification a waiter makes asks for a credit cost of 0, so it never spends a key's
 * credits. Unkey offers no way to exempt a key's own auto-applied rate limits without naming them,
 * so each call counts against those as any verification does; a waiter makes few calls.
 *
 * <p>While waiting, a failed call that says nothing about the key (a transport failure, a 5xx, a
 * 429 or another unexpected status) is an observed state: it breaks the streak and the waiter calls
 * again. Any other failure (the caller's root key is refused, lacks a permission, or the request is
 * malformed) ends the wait at once by rethrowing that exception: waiting longer cannot fix it.
 *
 * <p>Instances are immutable and thread-safe; each {@code with}-style setter returns a copy.
 */
public final class Waiters {
  private static final Set<Verification.Code> REVOKED =
      EnumSet.of(
          Verification.Code.NOT_FOUND, Verification.Code.DISABLED, Verification.Code.EXPIRED);
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

  private final Unkey unkey;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final int streak;

  private Waiters(
      Unkey unkey,
      Clock clock,
      Sleeper sleeper,
      Duration timeout,
      Duration initialDelay,
      Duration maxDelay,
      int streak) {
    this.unkey = unkey;
    this.clock = clock;
    this.sleeper = sleeper;
    this.timeout = timeout;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.streak = streak;
  }

  /**
   * Waiters over {@code unkey}, whose root key verifies API keys; root-key waits call through
   * {@code unkey.withRootKey(rootKey)}.
   */
  public static Waiters of(Unkey unkey) {
    return new Waiters(
        Objects.requireNonNull(unkey, "unkey == null"),
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        Duration.ofMinutes(2),
        Duration.ofMillis(250),
        Duration.ofSeconds(5),
        3);
  }

  /** The clock that measures the timeout (default: the system clock). */
  public Waiters clock(Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    return new Waiters(unkey, clock, sleeper, timeout, initialDelay, maxDelay, streak);
  }

  /** How the waiter pauses between calls (default {@link Sleeper#SYSTEM}). */
  public Waiters sleeper(Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "sleeper == null");
    return new Waiters(unkey, clock, sleeper, timeout, initialDelay, maxDelay, streak);
  }

  /** How long to wait before throwing {@link WaiterTimeoutException} (positive; default 2 min). */
  public Waiters timeout(Duration timeout) {
    return new Waiters(
        unkey, clock, sleeper, positive(timeout, "timeout"), initialDelay, maxDelay, streak);
  }

  /**
   * The pause after the first call and its cap: each pause doubles until {@code max} (defaults 250
   * ms and 5 s). The last pause is shortened so that the final call falls on the timeout.
   */
  public Waiters backoff(Duration initial, Duration max) {
    positive(initial, "initial");
    positive(max, "max");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max must be at least initial");
    }
    return new Waiters(unkey, clock, sleeper, timeout, initial, max, streak);
  }

  /** How many consecutive calls must observe the condition (1..100; default 3). */
  public Waiters streak(int times) {
    if (times < 1 || times > 100) {
      throw new IllegalArgumentException("streak must be between 1 and 100");
    }
    return new Waiters(unkey, clock, sleeper, timeout, initialDelay, maxDelay, times);
  }

  /**
   * Waits until verifying {@code apiKey} answers {@code NOT_FOUND}, {@code DISABLED} or {@code
   * EXPIRED} {@link #streak(int) streak} times in a row (any other code, such as {@code VALID},
   * breaks the streak). Each call verifies with a credit cost of 0. The port's root key needs
   * {@code verify_key} on the key's API: Unkey masks a missing permission as {@code NOT_FOUND},
   * which this waiter cannot tell from a revoked key.
   *
   * @throws WaiterTimeoutException if the timeout passed first
   * @throws UnkeyException if a call failed in a way waiting cannot fix (e.g. 401, 403)
   * @throws InterruptedException if interrupted while pausing
   */
  public WaitResult awaitRevoked(Secret apiKey) throws InterruptedException {
    VerifyKeyRequest request = freeVerification(apiKey);
    return poll()
        .until(
            "revocation of an API key (NOT_FOUND, DISABLED or EXPIRED)",
            () -> verified(request, code -> REVOKED.contains(code)));
  }

  /**
   * Waits until verifying {@code apiKey} answers {@code VALID} {@link #streak(int) streak} times in
   * a row, so that a new or re-enabled key is accepted everywhere. Each call verifies with a credit
   * cost of 0, so the key's credits are never spent; any other code breaks the streak.
   *
   * @throws WaiterTimeoutException if the timeout passed first
   * @throws UnkeyException if a call failed in a way waiting cannot fix (e.g. 401, 403)
   * @throws InterruptedException if interrupted while pausing
   */
  public WaitResult awaitVerifies(Secret apiKey) throws InterruptedException {
    VerifyKeyRequest request = freeVerification(apiKey);
    return poll()
        .until(
            "an API key to verify (VALID)",
            () -> verified(request, Verification.Code.VALID::equals));
  }

  /**
   * Waits until a call authenticated with {@code rootKey} is refused with HTTP 401 {@link
   * #streak(int) streak} times in a row. The call is {@code keys.verifyKey} of a random key that
   * cannot exist, at a credit cost of 0 (liveness needs no root key, so it proves nothing); any
   * answer other than 401 means the key still authenticates and breaks the streak. A 400 ends the
   * wait at once, as the request cannot succeed.
   *
   * @throws WaiterTimeoutException if the timeout passed first
   * @throws BadRequestException if the server refused the request as malformed
   * @throws InterruptedException if interrupted while pausing
   */
  public WaitResult awaitRootKeyRevoked(Secret rootKey) throws InterruptedException {
    Objects.requireNonNull(rootKey, "rootKey == null");
    Unkey asRootKey = unkey.withRootKey(rootKey);
    VerifyKeyRequest request = freeVerification(Secret.of(probe()));
    return poll()
        .until(
            "revocation of a root key (HTTP 401)",
            () -> {
              try {
                Verification v = asRootKey.keys().verify(request);
                return new Poll.Seen(false, "authenticated (HTTP 200, " + v.code() + ")", null);
              } catch (UnauthorizedException e) {
                return new Poll.Seen(true, Poll.describe(e), e);
              } catch (BadRequestException e) {
                throw e;
              } catch (UnkeyException e) {
                // a 403 or 404 comes after authentication: the key still works
                return new Poll.Seen(false, Poll.describe(e), e);
              }
            });
  }

  private Poll.Seen verified(
      VerifyKeyRequest request, java.util.function.Predicate<Verification.Code> target) {
    try {
      Verification v = unkey.keys().verify(request);
      return new Poll.Seen(target.test(v.code()), v.code().name(), null);
    } catch (UnkeyException e) {
      if (!Poll.passing(e)) {
        throw e;
      }
      return new Poll.Seen(false, Poll.describe(e), e);
    }
  }

  private Poll poll() {
    return new Poll(clock, sleeper, timeout, initialDelay, maxDelay, streak);
  }

  private static VerifyKeyRequest freeVerification(Secret key) {
    Objects.requireNonNull(key, "apiKey == null");
    return VerifyKeyRequest.builder(key).cost(0).build();
  }

  private static String probe() {
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder("keyward_probe_");
    for (int i = 0; i < 22; i++) {
      b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }

  @Override
  public String toString() {
    return "Waiters{timeout="
        + timeout
        + ", backoff="
        + initialDelay
        + ".."
        + maxDelay
        + ", streak="
        + streak
        + "}";
  }
}
