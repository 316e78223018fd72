/**
 * keyward's domain: secrets, key format, root permissions, permission queries, rotation, redaction,
 * the {@code Unkey} port and its waiters. Depends on nothing but {@code java.base} at run time.
 */
module dev.keyward.core {
  requires static org.jspecify;

  exports dev.keyward;
  exports dev.keyward.model;
  exports dev.keyward.hygiene;
  exports dev.keyward.key;
  exports dev.keyward.permission;
  exports dev.keyward.redact;
  exports dev.keyward.rotation;
  exports dev.keyward.waiters;
}
