package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Sleeper;
import dev.keyward.kubernetes.KubernetesSecretStore;
import dev.keyward.kubernetes.MockCluster;
import dev.keyward.kubernetes.RolloutRestart;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's RBAC Role is exactly what a Kubernetes rotation calls: a rotation (store, Lease and
 * rollout restart, with this test playing the Deployment controller) runs against the mock server
 * with a client of its own, and every request it made must be allowed by a rule of the Role, and
 * every verb the Role grants must have been used.
 */
class ReadmeRoleTest {
  static final String AGENT = "keyward-rotation-under-test";

  @TempDir Path dir;

  /** One request as RBAC sees it. */
  record Access(String group, String resource, String name, String verb) {
    static Access of(String request) {
      String[] parts = request.split(" ");
      String method = parts[0];
      String path = parts[1];
      String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
      String[] p = path.replaceFirst("\\?.*", "").split("/");
      // /api/v1/namespaces/ns/res[/name] or /apis/group/version/namespaces/ns/res[/name]
      int at = p[1].equals("api") ? 5 : 6;
      String group = p[1].equals("api") ? "" : p[2];
      String name = p.length > at + 1 ? p[at + 1] : "";
      String verb =
          switch (method) {
            case "GET" -> query.contains("watch=true") ? "watch" : name.isEmpty() ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            default -> "delete";
          };
      return new Access(group, p[at], name, verb);
    }

    boolean allowedBy(PolicyRule r) {
      return r.getApiGroups().contains(group)
          && r.getResources().contains(resource)
          && r.getVerbs().contains(verb)
          && (r.getResourceNames() == null
              || r.getResourceNames().isEmpty()
              || r.getResourceNames().contains(name));
    }
  }

  static Role readmeRole() throws Exception {
    Path readme = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(readme.resolve("README.md"))) {
      readme = readme.getParent();
    }
    String text = Files.readString(readme.resolve("README.md"));
    String start = "<!-- rbac:keyward-rotation -->\n```yaml\n";
    int from = text.indexOf(start) + start.length();
    String yaml = text.substring(from, text.indexOf("\n```", from));
    return new KubernetesSerialization().unmarshal(yaml, Role.class);
  }

  @Test
  void theReadmeRoleCoversExactlyWhatARotationCalls() throws Exception {
    Role role = readmeRole();
    assertThat(role.getRules()).isNotEmpty();
    try (MockCluster cluster = MockCluster.start()) {
      KubernetesClient admin = cluster.newClient();
      FakeRootKeys issuer = new FakeRootKeys();
      FakeRootKeys.Key old = issuer.add("billing", List.of("api.*.verify_key"));
      KubernetesSecretStore adminStore = cluster.store();
      adminStore.write("UNKEY_ROOT_KEY", old.secret);
      issuer.protectedOldKeyId = old.id;
      issuer.storeValue = () -> adminStore.read("UNKEY_ROOT_KEY");
      Thread controller = playController(admin, "billing-api");

      KubernetesClient client = cluster.newClient(AGENT);
      ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
      Sleeper slowly =
          d -> {
            Thread.sleep(5);
            clock.sleep(d);
          };
      RotationReport report =
          RootKeyRotation.builder()
              .oldKeyId(old.id)
              .issuer(issuer)
              .store(KubernetesSecretStore.of(client, "billing", "unkey"), "UNKEY_ROOT_KEY")
              .deploy(
                  RolloutRestart.builder(client, "billing")
                      .deployments("billing-api")
                      .clock(clock)
                      .sleeper(slowly)
                      .build())
              .verifier(RotationVerifier.authenticatingWith(issuer::clientFor))
              .journal(RotationJournal.open(dir.resolve("journal")))
              .clock(clock)
              .sleeper(clock)
              .build()
              .execute();
      controller.join();
      assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
      assertThat(issuer.violations).isEmpty();

      List<Access> calls =
          cluster.requests().stream().filter(r -> r.endsWith(" " + AGENT)).map(Access::of).toList();
      assertThat(calls).isNotEmpty();
      for (Access a : calls) {
        assertThat(role.getRules()).as("a rule allows " + a).anyMatch(a::allowedBy);
      }
      Set<String> used = new TreeSet<>();
      calls.forEach(a -> used.add(a.resource() + ":" + a.verb()));
      Set<String> granted = new TreeSet<>();
      for (PolicyRule r : role.getRules()) {
        for (String res : r.getResources()) {
          r.getVerbs().forEach(v -> granted.add(res + ":" + v));
        }
      }
      assertThat(granted).as("the Role grants only verbs the code calls").isEqualTo(used);
    }
  }

  /** Creates the Deployment and completes its rollout once it is restarted. */
  private static Thread playController(KubernetesClient admin, String name) {
    admin
        .apps()
        .deployments()
        .inNamespace("billing")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build())
        .create();
    AtomicBoolean done = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + 30_000_000_000L;
              while (!done.get() && System.nanoTime() < deadline) {
                Deployment d =
                    admin.apps().deployments().inNamespace("billing").withName(name).get();
                Long observed =
                    d.getStatus() == null ? null : d.getStatus().getObservedGeneration();
                if (d.getSpec().getTemplate() != null
                    && d.getSpec().getTemplate().getMetadata() != null
                    && d.getSpec().getTemplate().getMetadata().getAnnotations() != null
                    && (observed == null || observed < d.getMetadata().getGeneration())) {
                  d.setStatus(
                      new DeploymentStatusBuilder()
                          .withObservedGeneration(d.getMetadata().getGeneration())
                          .withReplicas(1)
                          .withUpdatedReplicas(1)
                          .withAvailableReplicas(1)
                          .build());
                  admin.apps().deployments().inNamespace("billing").resource(d).updateStatus();
                  done.set(true);
                }
                try {
                  Thread.sleep(Duration.ofMillis(20).toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
