/**
 * A {@link dev.keyward.rotation.VersionedSecretStore} on HashiCorp Vault's KV v2 engine, through
 * Spring Vault's {@code VaultClient} on the JDK's {@link java.net.http.HttpClient}.
 */
module dev.keyward.vault {
  requires transitive dev.keyward.core;
  requires java.net.http;
  requires spring.vault.core;
  requires spring.web;
  requires spring.core;
  requires static org.jspecify;

  exports dev.keyward.vault;
}
