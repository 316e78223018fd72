package dev.keyward.testing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.key.Secret;
import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore;
import dev.keyward.rotation.VersionedSecretStore.Lease;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VersionedSecretStore} keeps. Extend it in a store's tests and give it
 * handles on one backend per test:
 *
 * <pre>{@code
 * class KubernetesSecretStoreContractTest extends VersionedSecretStoreContract {
 *   @Override protected VersionedSecretStore newHandle() { return store(newClient(server)); }
 *   @Override protected void holdThenExpire(String name, String holder, Duration ttl) { ... }
 * }
 * }</pre>
 *
 * It covers read-your-writes, typed compare-and-set conflicts, idempotent retries, a token reused
 * with another value, staging and promotion, lease exclusion between handles and between threads,
 * lease takeover after expiry, and that no value reaches an exception message or a {@code
 * toString()}.
 */
public abstract class VersionedSecretStoreContract {
  /** Creates the suite; the subclass prepares a fresh backend per test. */
  protected VersionedSecretStoreContract() {}

  /**
   * A new handle on this test's backend: a second client on the same Kubernetes Secret, a second
   * store object on the same file. Handles of one test share values and leases.
   */
  protected abstract VersionedSecretStore newHandle();

  /**
   * Makes {@code holder} take the lease on {@code name} for {@code ttl}, then lets that lease
   * expire the way this backend expires leases (advance the store's clock past {@code ttl}; kill
   * the process that holds an OS lock). Afterwards another holder must be able to take it.
   */
  protected abstract void holdThenExpire(String name, String holder, Duration ttl) throws Exception;

  /** The secret name the tests write (default {@code UNKEY_ROOT_KEY}). */
  protected String name() {
    return "UNKEY_ROOT_KEY";
  }

  /** A fresh idempotency token. */
  protected static String token() {
    return UUID.randomUUID().toString();
  }

  /** A value no test writes twice, shaped like a root key. */
  protected static Secret value(String label) {
    return Secret.of("unkey_contract" + label + UUID.randomUUID().toString().replace("-", ""));
  }

  /** A write returns a version that every handle then reads, with the value and the token. */
  @Test
  public void readYourWrites() {
    VersionedSecretStore store = newHandle();
    Secret v1 = value("a");
    String t1 = token();
    VersionedSecret written = store.write(name(), v1, SecretVersion.ABSENT, t1);
    for (VersionedSecretStore handle : List.of(store, newHandle())) {
      VersionedSecret read = handle.readVersioned(name()).orElseThrow();
      assertEquals(v1, read.value());
      assertEquals(written.version(), read.version());
      assertEquals(t1, read.idempotencyToken().orElseThrow());
      assertEquals(v1, handle.read(name()).orElseThrow());
    }
    VersionedSecret second = store.write(name(), value("b"), written.version(), token());
    assertFalse(second.version().equals(written.version()), "a new value gets a new version");
  }

  /** A stale expected version fails typed, names the secret, and changes nothing. */
  @Test
  public void staleVersionConflictsTyped() {
    VersionedSecretStore a = newHandle();
    VersionedSecretStore b = newHandle();
    VersionedSecret first = a.write(name(), value("a"), SecretVersion.ABSENT, token());
    Secret fromB = value("b");
    b.write(name(), fromB, first.version(), token());
    Secret fromA = value("c");
    SecretStoreConflictException e =
        assertThrows(
            SecretStoreConflictException.class,
            () -> a.write(name(), fromA, first.version(), token()));
    assertEquals(SecretStoreException.Reason.VERSION_CONFLICT, e.reason());
    assertEquals(name(), e.name());
    assertTrue(e.getMessage().contains(name()), "the message names the secret");
    assertEquals(fromB, a.read(name()).orElseThrow());
    assertThrows(
        SecretStoreConflictException.class,
        () -> a.write(name(), fromA, SecretVersion.ABSENT, token()));
    assertNoValue(e, fromA, fromB);
  }

  /** The same token sent again returns the version it created and creates none. */
  @Test
  public void retriedTokenReturnsItsVersion() {
    VersionedSecretStore store = newHandle();
    Secret v1 = value("a");
    String t1 = token();
    VersionedSecret first = store.write(name(), v1, SecretVersion.ABSENT, t1);
    VersionedSecret again = newHandle().write(name(), v1, SecretVersion.ABSENT, t1);
    assertEquals(first.version(), again.version());
    assertEquals(first.version(), store.readVersioned(name()).orElseThrow().version());
    assertTrue(store.readStage(name(), Stage.PREVIOUS).isEmpty(), "no second version");

    Secret v2 = value("b");
    String t2 = token();
    VersionedSecret staged = store.stage(name(), v2, t2);
    assertEquals(staged.version(), store.stage(name(), v2, t2).version());
    store.promote(name(), staged.version());
    assertEquals(staged.version(), store.stage(name(), v2, t2).version(), "after promotion too");
    assertTrue(store.readStage(name(), Stage.PENDING).isEmpty(), "the retry staged nothing");
  }

  /** A token that created a version, sent with another value, fails typed and writes nothing. */
  @Test
  public void tokenReusedWithAnotherValueFails() {
    VersionedSecretStore store = newHandle();
    Secret v1 = value("a");
    String t1 = token();
    VersionedSecret first = store.write(name(), v1, SecretVersion.ABSENT, t1);
    Secret other = value("b");
    SecretStoreConflictException e =
        assertThrows(
            SecretStoreConflictException.class,
            () -> store.write(name(), other, first.version(), t1));
    assertEquals(SecretStoreException.Reason.TOKEN_REUSED, e.reason());
    SecretStoreConflictException staged =
        assertThrows(SecretStoreConflictException.class, () -> store.stage(name(), other, t1));
    assertEquals(SecretStoreException.Reason.TOKEN_REUSED, staged.reason());
    assertEquals(v1, store.read(name()).orElseThrow());
    assertTrue(store.readStage(name(), Stage.PENDING).isEmpty());
    assertNoValue(e, v1, other);
    assertNoValue(staged, v1, other);
  }

  /** Staging leaves CURRENT alone; promotion makes PENDING current and CURRENT previous. */
  @Test
  public void stagePromoteAndPrevious() {
    VersionedSecretStore store = newHandle();
    Secret v1 = value("a");
    VersionedSecret first = store.write(name(), v1, SecretVersion.ABSENT, token());
    Secret v2 = value("b");
    VersionedSecret pending = store.stage(name(), v2, token());
    assertEquals(v1, store.read(name()).orElseThrow(), "staging leaves CURRENT");
    assertEquals(v2, newHandle().readStage(name(), Stage.PENDING).orElseThrow().value());

    VersionedSecret promoted = store.promote(name(), pending.version());
    assertEquals(pending.version(), promoted.version());
    VersionedSecretStore other = newHandle();
    assertEquals(v2, other.read(name()).orElseThrow());
    assertEquals(pending.version(), other.readVersioned(name()).orElseThrow().version());
    VersionedSecret previous = other.readStage(name(), Stage.PREVIOUS).orElseThrow();
    assertEquals(v1, previous.value());
    assertEquals(first.version(), previous.version());
    assertTrue(other.readStage(name(), Stage.PENDING).isEmpty());
    assertEquals(promoted.version(), store.promote(name(), pending.version()).version());

    SecretStoreConflictException e =
        assertThrows(
            SecretStoreConflictException.class, () -> store.promote(name(), first.version()));
    assertEquals(SecretStoreException.Reason.NO_SUCH_VERSION, e.reason());
    assertNoValue(e, v1, v2);
  }

  /** Unstaging drops only the named pending version. */
  @Test
  public void unstageDropsOnlyThatVersion() {
    VersionedSecretStore store = newHandle();
    store.write(name(), value("a"), SecretVersion.ABSENT, token());
    VersionedSecret old = store.stage(name(), value("b"), token());
    VersionedSecret pending = store.stage(name(), value("c"), token());
    assertFalse(store.unstage(name(), old.version()));
    assertEquals(pending.version(), store.readStage(name(), Stage.PENDING).orElseThrow().version());
    assertTrue(newHandle().unstage(name(), pending.version()));
    assertTrue(store.readStage(name(), Stage.PENDING).isEmpty());
  }

  /** A second handle is refused the lease, naming the holder, until the first releases it. */
  @Test
  public void leaseExcludesAnotherHandle() {
    VersionedSecretStore a = newHandle();
    VersionedSecretStore b = newHandle();
    Lease lease = a.tryLock(name(), "alpha-holder", Duration.ofMinutes(5));
    assertEquals("alpha-holder", lease.holder());
    ConcurrentRotationException e =
        assertThrows(
            ConcurrentRotationException.class,
            () -> b.tryLock(name(), "beta-holder", Duration.ofMinutes(5)));
    assertEquals("alpha-holder", e.holder().orElseThrow());
    assertTrue(e.getMessage().contains("alpha-holder"), "the refusal names the holder");
    lease.renew();
    lease.close();
    lease.close();
    try (Lease second = b.tryLock(name(), "beta-holder", Duration.ofMinutes(5))) {
      assertEquals("beta-holder", second.holder());
    }
  }

  /**
   * Threads on their own handles race for the lease: while one holds it another is refused (the
   * attempts provably overlap), and no two are ever inside at once.
   */
  @Test
  public void leaseExcludesAnotherThread() throws Exception {
    Lease held = newHandle().tryLock(name(), "main-thread", Duration.ofMinutes(5));
    String[] refusedBy = new String[1];
    Thread t =
        new Thread(
            () -> {
              try {
                newHandle().tryLock(name(), "other-thread", Duration.ofMinutes(5)).close();
              } catch (ConcurrentRotationException e) {
                refusedBy[0] = e.holder().orElse("?");
              }
            });
    t.start();
    t.join();
    assertEquals("main-thread", refusedBy[0], "refused while the main thread held the lease");
    held.close();

    int threads = 4;
    int[] inside = {0};
    int[] maxInside = {0};
    int[] taken = {0};
    List<Thread> all = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String holder = "worker-" + i;
      Thread w =
          new Thread(
              () -> {
                VersionedSecretStore handle = newHandle();
                for (int n = 0; n < 40; n++) {
                  try (Lease lease = handle.tryLock(name(), holder, Duration.ofMinutes(5))) {
                    synchronized (inside) {
                      maxInside[0] = Math.max(maxInside[0], ++inside[0]);
                      taken[0]++;
                    }
                    Thread.yield();
                    synchronized (inside) {
                      inside[0]--;
                    }
                  } catch (ConcurrentRotationException e) {
                    // another worker holds it
                  } catch (RuntimeException | Error e) {
                    synchronized (failures) {
                      failures.add(e);
                    }
                  }
                }
              });
      all.add(w);
      w.start();
    }
    for (Thread w : all) {
      w.join();
    }
    assertTrue(failures.isEmpty(), () -> "workers failed: " + failures);
    assertTrue(taken[0] > 0, "some worker took the lease");
    assertEquals(1, maxInside[0], "never two holders at once");
  }

  /** A lease that expired (or whose holder died) is taken over by another holder. */
  @Test
  public void expiredLeaseIsTakenOver() throws Exception {
    holdThenExpire(name(), "gone-holder", Duration.ofSeconds(30));
    try (Lease lease = newHandle().tryLock(name(), "new-holder", Duration.ofSeconds(30))) {
      assertEquals("new-holder", lease.holder());
      assertThrows(
          ConcurrentRotationException.class,
          () -> newHandle().tryLock(name(), "third-holder", Duration.ofSeconds(30)));
    }
  }

  /** No value reaches a {@code toString()} of the store, a version, a value or a lease. */
  @Test
  public void noValueInToString() {
    VersionedSecretStore store = newHandle();
    Secret v1 = value("a");
    VersionedSecret written = store.write(name(), v1, SecretVersion.ABSENT, token());
    Secret v2 = value("b");
    VersionedSecret staged = store.stage(name(), v2, token());
    try (Lease lease = store.tryLock(name(), "holder", Duration.ofMinutes(1))) {
      for (Object o : List.of(store, written, staged, written.version(), lease)) {
        String text = String.valueOf(o);
        assertFalse(text.contains(v1.reveal()) || text.contains(v2.reveal()), text);
      }
    }
  }

  /** Fails if {@code e}'s message (or a cause's) holds any of {@code values}. */
  protected static void assertNoValue(Throwable e, Secret... values) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Secret v : values) {
        String text = t + " " + t.getMessage();
        assertFalse(text.contains(v.reveal()), "a value in the message of " + t.getClass());
      }
    }
  }
}
