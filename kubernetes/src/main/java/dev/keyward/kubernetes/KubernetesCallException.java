package dev.keyward.kubernetes;

/**
 * A call to the Kubernetes API server failed for a reason that is not the object's absence nor a
 * denial (those are {@link dev.keyward.rotation.SecretStoreException}s): a 5xx, a 422, a transport
 * failure (status 0). A rotation step that throws it stops, and {@code resume()} retries it. The
 * message names the verb, the object and the status, never the server's text or a credential.
 */
public class KubernetesCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0 if no response arrived. */
  private final int status;

  /** Creates the exception for {@code verb} on {@code object} ({@code kind namespace/name}). */
  public KubernetesCallException(String verb, String object, int status) {
    super(
        (status == 0 ? "no response from the API server" : "the API server answered HTTP " + status)
            + " to "
            + verb
            + " "
            + object);
    this.status = status;
  }

  /** The HTTP status, or 0 if no response arrived. */
  public int status() {
    return status;
  }
}
