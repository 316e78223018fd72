/**
 * Root-key rotation on Kubernetes: a versioned secret store on one Secret, a root-key provider that
 * watches it, and a deploy step that restarts Deployments and waits for their rollout.
 */
@SuppressWarnings("requires-transitive-automatic")
module dev.keyward.kubernetes {
  requires transitive dev.keyward.core;
  // fabric8's jars carry no module names: these are the names derived from their file names
  requires transitive kubernetes.client.api;
  requires transitive kubernetes.model.core;
  requires kubernetes.model.common;
  requires kubernetes.model.coordination;
  requires kubernetes.model.apps;
  requires static org.jspecify;

  exports dev.keyward.kubernetes;
}
