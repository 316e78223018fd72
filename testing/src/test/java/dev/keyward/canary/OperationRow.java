package dev.keyward.canary;

import dev.keyward.AsyncUnkey;
import dev.keyward.Unkey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One public operation of {@code UnkeyHttpClient}: the call (sync, or through {@code async()}) and
 * the literal JSON a well-behaved server would answer, echoing canaries wherever the spec lets a
 * key appear.
 */
record OperationRow(
    String name,
    @Nullable Function<Unkey, Object> call,
    @Nullable Function<AsyncUnkey, CompletableFuture<?>> asyncCall,
    String answer,
    List<Canary> sent) {

  /**
   * A synchronous call; {@code sent} are the API keys its request carries (besides the root key).
   */
  static OperationRow sync(
      String name, Function<Unkey, Object> call, String answer, Canary... sent) {
    return new OperationRow(name, call, null, answer, List.of(sent));
  }

  static OperationRow async(
      String name, Function<AsyncUnkey, CompletableFuture<?>> call, String answer, Canary... sent) {
    return new OperationRow("async " + name, null, call, answer, List.of(sent));
  }

  @Override
  public String toString() {
    return name;
  }
}
