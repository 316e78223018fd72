package dev.keyward.kubernetes;

import dev.keyward.rotation.SecretStoreException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Turns the API server's refusals into keyward's typed errors. Messages name the verb, the kind and
 * {@code namespace/name} of the object and the HTTP status, never the server's text (a validation
 * error may echo a submitted field) nor a credential; the client's exception is not attached as the
 * cause for the same reason.
 */
final class Failures {
  private Failures() {}

  /** HTTP 409: the object changed since it was read (or already exists). */
  static boolean isConflict(KubernetesClientException e) {
    return e.getCode() == 409;
  }

  /** HTTP 404. */
  static boolean isNotFound(KubernetesClientException e) {
    return e.getCode() == 404;
  }

  /**
   * The typed error for {@code e}: NOT_FOUND (404), PERMISSION_DENIED (401, 403); other statuses
   * and transport failures become a {@link SecretStoreException} too, with the status in the
   * message, reason PERMISSION_DENIED never being claimed for them.
   */
  static RuntimeException map(
      KubernetesClientException e, String verb, String kind, String namespace, String name) {
    String object = kind + " " + namespace + "/" + name;
    return switch (e.getCode()) {
      case 404 ->
          new SecretStoreException(
              SecretStoreException.Reason.NOT_FOUND,
              object
                  + " not found (or namespace "
                  + namespace
                  + " does not exist): create it first",
              null);
      case 403 ->
          new SecretStoreException(
              SecretStoreException.Reason.PERMISSION_DENIED,
              "forbidden (HTTP 403): the client may not "
                  + verb
                  + " "
                  + object
                  + "; grant the verb in a Role (see the README's RBAC section)",
              null);
      case 401 ->
          new SecretStoreException(
              SecretStoreException.Reason.PERMISSION_DENIED,
              "unauthorized (HTTP 401): the API server refused the client's credentials to "
                  + verb
                  + " "
                  + object,
              null);
      default -> new KubernetesCallException(verb, object, e.getCode());
    };
  }
}
