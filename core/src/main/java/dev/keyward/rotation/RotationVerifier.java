package dev.keyward.rotation;

import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.UnauthorizedException;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Proves a new root key works before the old one is revoked: (a) an authenticated call with it
 * succeeds ({@code keys.verifyKey} of a random non-existent key answers 200; a 401 fails; liveness
 * never counts) and (c) the caller's own check passes, polled until a deadline. Check (b), equal
 * permissions, is the plan's own.
 *
 * <pre>{@code
 * RotationVerifier verifier = RotationVerifier.authenticatingWith(unkey)   // unkey.withRootKey(new key)
 *     .withCheck(secret -> myService.healthUsing(secret), Duration.ofMinutes(2));
 * }</pre>
 */
public final class RotationVerifier {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

  private final Function<Secret, Unkey> clientFor;
  private final Predicate<Secret> check;
  private final Duration deadline;
  private final Duration interval;

  private RotationVerifier(
      Function<Secret, Unkey> clientFor,
      Predicate<Secret> check,
      Duration deadline,
      Duration interval) {
    this.clientFor = clientFor;
    this.check = check;
    this.deadline = deadline;
    this.interval = interval;
  }

  /**
   * A verifier that calls the server as the new key through a client built by {@code clientFor}.
   */
  public static RotationVerifier authenticatingWith(Function<Secret, Unkey> clientFor) {
    return new RotationVerifier(
        Objects.requireNonNull(clientFor, "clientFor == null"),
        s -> true,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1));
  }

  /**
   * A verifier that calls the server as the new key through {@code unkey.withRootKey(newKey)}: the
   * same port, client or fake, acting with the new key.
   */
  public static RotationVerifier authenticatingWith(Unkey unkey) {
    Objects.requireNonNull(unkey, "unkey == null");
    return authenticatingWith(unkey::withRootKey);
  }

  /**
   * Adds the caller's check (c), polled every second until it passes or {@code deadline} passes.
   */
  public RotationVerifier withCheck(Predicate<Secret> check, Duration deadline) {
    return new RotationVerifier(
        clientFor,
        Objects.requireNonNull(check, "check == null"),
        positive(deadline, "deadline"),
        interval);
  }

  /** How long to wait between polls (default one second). */
  public RotationVerifier pollingEvery(Duration interval) {
    return new RotationVerifier(clientFor, check, deadline, positive(interval, "interval"));
  }

  /** Check (a); returns null if it passed, else why it failed. */
  String authenticates(Secret key, Deadline until) throws InterruptedException {
    Unkey client = clientFor.apply(key);
    while (true) {
      try {
        client.keys().verify(Secret.of(probe()));
        return null;
      } catch (UnauthorizedException e) {
        return "the new key was rejected with HTTP 401 (" + e.requestId() + ")";
      } catch (ServerException | TransportException e) {
        if (until.passed()) {
          return "the new key could not be checked before the deadline (" + e.getMessage() + ")";
        }
      } catch (UnkeyException e) {
        return "an authenticated call with the new key failed: " + e.getMessage();
      }
      until.pause(interval);
    }
  }

  /** Check (c); returns null if it passed, else why it failed. */
  String callerCheckPasses(Secret key, Deadline until) throws InterruptedException {
    while (true) {
      boolean ok;
      try {
        ok = check.test(key);
      } catch (RuntimeException e) {
        ok = false;
      }
      if (ok) {
        return null;
      }
      if (until.passed()) {
        return "the caller's check did not pass before the deadline";
      }
      until.pause(interval);
    }
  }

  /** A port acting with {@code key}, as checks (a) and the revocation waiter call it. */
  Unkey clientFor(Secret key) {
    return clientFor.apply(key);
  }

  Duration deadline() {
    return deadline;
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
}
