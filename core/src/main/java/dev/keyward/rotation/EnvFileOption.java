package dev.keyward.rotation;

/**
 * Options of the {@code .env} store: {@link SecretStore#envFile(java.nio.file.Path,
 * EnvFileOption...)}.
 */
public enum EnvFileOption {
  /**
   * Refuse (with {@link SecretStoreException.Reason#READABLE_BY_OTHERS}) to lock or write an
   * existing file that its group or others can read, instead of logging a warning and writing. Has
   * no effect on file systems without POSIX permissions.
   */
  REFUSE_READABLE_BY_OTHERS
}
