package dev.keyward.kubernetes;

import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.VersionedSecretStore;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The store's lease as a {@code coordination.k8s.io/v1} Lease, the object Kubernetes' own leader
 * election uses: {@code holderIdentity}, {@code leaseDurationSeconds}, {@code acquireTime} and
 * {@code renewTime}, every change a compare-and-set on the Lease's {@code resourceVersion}. A lease
 * is free when it has no holder or {@code renewTime + leaseDurationSeconds} has passed by the
 * taker's clock. The annotation {@code keyward.dev/lease-owner} tells this lease object from
 * another with the same holder name (a crashed run of the same process id).
 */
final class KubernetesLease implements VersionedSecretStore.Lease {
  static final String OWNER = "keyward.dev/lease-owner";
  private static final int ATTEMPTS = 50;

  private final KubernetesSecretStore store;
  private final String name;
  private final String leaseName;
  private final String holder;
  private final int seconds;
  private final String owner;
  private volatile Instant expiresAt;
  private volatile boolean released;

  private KubernetesLease(
      KubernetesSecretStore store, String name, String holder, int seconds, Instant expiresAt) {
    this.store = store;
    this.name = name;
    this.leaseName = leaseName(store.secretName, name);
    this.holder = holder;
    this.seconds = seconds;
    this.owner = UUID.randomUUID().toString();
    this.expiresAt = expiresAt;
  }

  /** The Lease's name for {@code name} in Secret {@code secretName}. */
  static String leaseName(String secretName, String name) {
    return "keyward." + secretName + "." + name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static KubernetesLease take(
      KubernetesSecretStore store, String name, String holder, Duration ttl) {
    int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (ttl.toMillis() + 999) / 1000));
    KubernetesLease lease = new KubernetesLease(store, name, holder, seconds, Instant.MIN);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Lease current = lease.get();
      Instant now = store.clock.instant();
      try {
        if (current == null) {
          Lease created = new Lease();
          created.setMetadata(
              new ObjectMetaBuilder()
                  .withName(lease.leaseName)
                  .withNamespace(store.namespace)
                  .build());
          created.setSpec(new LeaseSpec());
          lease.claim(created, now, 0);
          store.client.leases().inNamespace(store.namespace).resource(created).create();
        } else {
          LeaseSpec spec = current.getSpec() == null ? new LeaseSpec() : current.getSpec();
          current.setSpec(spec);
          if (heldBySomeone(spec, now)) {
            throw refused(name, Objects.requireNonNull(spec.getHolderIdentity()));
          }
          int transitions = spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions();
          lease.claim(current, now, transitions + 1);
          store.client.leases().inNamespace(store.namespace).resource(current).update();
        }
        lease.expiresAt = now.plusSeconds(seconds);
        return lease;
      } catch (KubernetesClientException e) {
        if (!Failures.isConflict(e)) {
          throw lease.fail(e, current == null ? "create" : "update");
        }
      }
    }
    throw refused(name, "another writer (the Lease kept changing)");
  }

  private void claim(Lease l, Instant now, int transitions) {
    LeaseSpec spec = l.getSpec();
    spec.setHolderIdentity(holder);
    spec.setLeaseDurationSeconds(seconds);
    spec.setAcquireTime(micro(now));
    spec.setRenewTime(micro(now));
    spec.setLeaseTransitions(transitions);
    Map<String, String> annotations =
        new HashMap<>(
            l.getMetadata().getAnnotations() == null ? Map.of() : l.getMetadata().getAnnotations());
    annotations.put(OWNER, owner);
    l.getMetadata().setAnnotations(annotations);
  }

  private static boolean heldBySomeone(LeaseSpec spec, Instant now) {
    String h = spec.getHolderIdentity();
    if (h == null || h.isEmpty() || spec.getRenewTime() == null) {
      return false;
    }
    int duration = spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds();
    return now.isBefore(instant(spec.getRenewTime()).plusSeconds(duration));
  }

  private boolean ours(@Nullable Lease l) {
    return l != null
        && l.getSpec() != null
        && holder.equals(l.getSpec().getHolderIdentity())
        && l.getMetadata().getAnnotations() != null
        && owner.equals(l.getMetadata().getAnnotations().get(OWNER));
  }

  private @Nullable Lease get() {
    try {
      return store.client.leases().inNamespace(store.namespace).withName(leaseName).get();
    } catch (KubernetesClientException e) {
      throw fail(e, "get");
    }
  }

  private RuntimeException fail(KubernetesClientException e, String verb) {
    return Failures.map(e, verb, "Lease", store.namespace, leaseName);
  }

  static ConcurrentRotationException refused(String name, String holder) {
    return new ConcurrentRotationException(
        "-", name, holder, "the lease on " + name + " is held by " + holder);
  }

  static ZonedDateTime micro(Instant t) {
    // the API server keeps microseconds (MicroTime)
    return t.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
  }

  static Instant instant(ZonedDateTime t) {
    return t.toInstant();
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
    return expiresAt;
  }

  @Override
  public void renew() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Lease l = released ? null : get();
      if (!ours(l)) {
        String other =
            l == null || l.getSpec() == null || l.getSpec().getHolderIdentity() == null
                ? null
                : l.getSpec().getHolderIdentity();
        throw new ConcurrentRotationException(
            "-",
            name,
            other,
            "the lease of "
                + holder
                + " on "
                + name
                + " was lost"
                + (other == null ? " (released)" : ": it expired and " + other + " took it"));
      }
      Instant now = store.clock.instant();
      l.getSpec().setRenewTime(micro(now));
      l.getSpec().setLeaseDurationSeconds(seconds);
      try {
        store.client.leases().inNamespace(store.namespace).resource(l).update();
        expiresAt = now.plusSeconds(seconds);
        return;
      } catch (KubernetesClientException e) {
        if (!Failures.isConflict(e)) {
          throw fail(e, "update");
        }
      }
    }
    throw refused(name, "another writer (the Lease kept changing)");
  }

  /**
   * Clears the holder if the Lease is still this one's. A failure to reach the server is not
   * thrown: the lease then expires after its ttl.
   */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Lease l = get();
        if (!ours(l)) {
          return;
        }
        l.getSpec().setHolderIdentity(null);
        l.getMetadata().getAnnotations().remove(OWNER);
        try {
          store.client.leases().inNamespace(store.namespace).resource(l).update();
          return;
        } catch (KubernetesClientException e) {
          if (!Failures.isConflict(e)) {
            return;
          }
        }
      }
    } catch (RuntimeException e) {
      // unreachable server or a denial: the lease expires after its ttl
    }
  }

  @Override
  public String toString() {
    return "Lease{name=" + name + ", holder=" + holder + ", lease=" + leaseName + "}";
  }
}
