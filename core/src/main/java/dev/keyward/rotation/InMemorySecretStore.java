package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SecretStore} in a map. */
final class InMemorySecretStore implements SecretStore {
  private final ConcurrentHashMap<String, Secret> values = new ConcurrentHashMap<>();

  @Override
  public Optional<Secret> read(String name) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(name, "name == null")));
  }

  @Override
  public void write(String name, Secret value) {
    values.put(
        Objects.requireNonNull(name, "name == null"),
        Objects.requireNonNull(value, "value == null"));
  }

  @Override
  public void delete(String name) {
    values.remove(Objects.requireNonNull(name, "name == null"));
  }

  @Override
  public String toString() {
    return "InMemorySecretStore{names=" + values.keySet() + "}";
  }
}
