package dev.keyward.rotation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SecretStore} refused to read or write: the message names the path's role (the {@code
 * .env} file, its link target, its directory) or the backend's object, and what is wrong, never a
 * stored value or a credential.
 */
public class SecretStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store refused. */
  public enum Reason {
    /** The store's path is a symbolic link that leads to no file (dangling, or a loop). */
    BROKEN_LINK,
    /** The process cannot create or replace files in the directory of the real file. */
    NOT_WRITABLE,
    /**
     * The real file is readable by its group or by others, and the store was told to refuse such a
     * file ({@link EnvFileOption#REFUSE_READABLE_BY_OTHERS}).
     */
    READABLE_BY_OTHERS,
    /**
     * The real file is a directory, a FIFO or a device: the store reads and replaces regular files
     * only (reading a FIFO would block until some process wrote to it).
     */
    NOT_A_REGULAR_FILE,
    /**
     * A compare-and-set write named a version that is no longer the current one: another writer
     * came first ({@link SecretStoreConflictException}).
     */
    VERSION_CONFLICT,
    /**
     * An idempotency token that already created a version was sent again with another value ({@link
     * SecretStoreConflictException}).
     */
    TOKEN_REUSED,
    /**
     * The version to promote is neither the pending nor the current one ({@link
     * SecretStoreConflictException}).
     */
    NO_SUCH_VERSION,
    /**
     * What holds the secret does not exist: a Kubernetes Secret or namespace, a Vault mount or
     * path, an AWS secret; the message names it. For the stores of other modules.
     */
    NOT_FOUND,
    /**
     * The store's backend denied the call (Kubernetes RBAC, a Vault policy, IAM, an expired token);
     * the message names the object and the operation, never a credential.
     */
    PERMISSION_DENIED
  }

  /** Why the store refused. */
  private final Reason reason;

  /** Creates the exception; {@code explanation} is fixed text and paths, never a stored value. */
  public SecretStoreException(Reason reason, String explanation, @Nullable Throwable cause) {
    super(explanation, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** Why the store refused. */
  public Reason reason() {
    return reason;
  }
}
