/**
 * Kubernetes for keyward's root-key rotation: {@link dev.keyward.kubernetes.KubernetesSecretStore}
 * (a {@link dev.keyward.rotation.VersionedSecretStore} on one Secret, its lease a {@code
 * coordination.k8s.io} Lease), {@link dev.keyward.kubernetes.SecretRootKeyProvider} (the current
 * key, kept fresh by an informer on the Secret) and {@link dev.keyward.kubernetes.RolloutRestart}
 * (the deploy step: {@code kubectl rollout restart}, then wait for the rollout).
 */
@NullMarked
package dev.keyward.kubernetes;

import org.jspecify.annotations.NullMarked;
