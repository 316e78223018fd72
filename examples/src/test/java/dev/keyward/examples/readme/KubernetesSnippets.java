package dev.keyward.examples.readme;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.kubernetes.KubernetesSecretStore;
import dev.keyward.kubernetes.RolloutRestart;
import dev.keyward.kubernetes.SecretRootKeyProvider;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RootKeyRotation;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.rotation.RotationReport;
import dev.keyward.rotation.RotationVerifier;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

/**
 * The README's Kubernetes block (compiled; keyward-kubernetes' own tests run the same calls against
 * fabric8's mock server).
 */
final class KubernetesSnippets {
  private final Unkey admin;

  KubernetesSnippets(Unkey admin) {
    this.admin = admin;
  }

  Unkey rotateOnKubernetes() {
    // readme:begin kubernetes-rotation
    KubernetesClient client = new KubernetesClientBuilder().build(); // the pod's service account
    RootKeyRotation rotation =
        RootKeyRotation.builder()
            .oldKeyId("key_3ZbF1Sq7mTu8b6Yy2xXLKf")
            .issuer(RootKeyIssuer.of(admin)) // RootKeyIssuer.dashboard() on unkey.com
            .store(KubernetesSecretStore.of(client, "billing", "unkey"), "UNKEY_ROOT_KEY")
            .deploy(RolloutRestart.builder(client, "billing").deployments("billing-api").build())
            .verifier(RotationVerifier.authenticatingWith(admin))
            .journal(RotationJournal.open(Path.of("/var/lib/billing/rotation")))
            .build();
    RotationReport report = rotation.execute(); // another job meanwhile: refused

    // in billing-api: the current key, without a restart (needs list and watch on the Secret)
    SecretRootKeyProvider rootKey =
        SecretRootKeyProvider.watch(client, "billing", "unkey", "UNKEY_ROOT_KEY");
    Unkey unkey = UnkeyHttpClient.builder().rootKeyProvider(rootKey).build();
    // readme:end kubernetes-rotation
    System.out.println(report.status());
    return unkey;
  }
}
