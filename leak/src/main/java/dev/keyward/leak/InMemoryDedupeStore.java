package dev.keyward.leak;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LeakDedupeStore#inMemory()}. */
final class InMemoryDedupeStore implements LeakDedupeStore {
  private final ConcurrentHashMap<String, LeakRecord> records = new ConcurrentHashMap<>();

  @Override
  public Optional<LeakRecord> find(String tokenHash) {
    return Optional.ofNullable(records.get(tokenHash));
  }

  @Override
  public LeakRecord claim(LeakRecord record) {
    LeakRecord existing = records.putIfAbsent(record.tokenHash(), record);
    return existing == null ? record : existing;
  }

  @Override
  public void markDone(String tokenHash) {
    records.computeIfPresent(tokenHash, (h, r) -> r.withDone());
  }

  @Override
  public String toString() {
    return "LeakDedupeStore.inMemory(" + records.size() + " records)";
  }
}
