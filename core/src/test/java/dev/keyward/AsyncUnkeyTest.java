package dev.keyward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.model.Ack;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.Liveness;
import dev.keyward.permission.Operation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncUnkeyTest {
  private static final Executor DIRECT = Runnable::run;
  private final NotFoundException notFound =
      new NotFoundException(
          Operation.KEYS_GET_KEY, Problem.ofStatus(404, "req_1"), "key not found");

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            AsyncUnkeyTest.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Unkey unkey() {
    Keys keys =
        proxy(
            Keys.class,
            (p, m, a) -> {
              if (m.getName().equals("get")) {
                throw notFound;
              }
              return new Ack("req_ok");
            });
    return proxy(
        Unkey.class,
        (p, m, a) ->
            switch (m.getName()) {
              case "keys" -> keys;
              case "liveness" -> new Liveness("OK", "req_live");
              default -> throw new UnsupportedOperationException(m.getName());
            });
  }

  @Test
  void successCompletesWithTheValue() throws Exception {
    AsyncUnkey async = AsyncUnkey.wrap(unkey(), DIRECT);
    assertThat(async.liveness().get().message()).isEqualTo("OK");
    assertThat(async.keys().delete("key_123").get().requestId()).isEqualTo("req_ok");
  }

  @Test
  void failureIsTheSameExceptionNotWrapped() {
    CompletableFuture<KeyInfo> future = AsyncUnkey.wrap(unkey(), DIRECT).keys().get("key_123");
    AtomicReference<Throwable> seen = new AtomicReference<>();
    future.whenComplete((v, t) -> seen.set(t));
    assertThat(seen.get()).isSameAs(notFound);
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseReference(notFound);
  }

  @Test
  void runsOnTheGivenExecutor() throws Exception {
    AtomicReference<Runnable> queued = new AtomicReference<>();
    CompletableFuture<Liveness> future = AsyncUnkey.wrap(unkey(), queued::set).liveness();
    assertThat(future).isNotDone();
    queued.get().run();
    assertThat(future.get().requestId()).isEqualTo("req_live");
  }

  @Test
  void rejectedSubmissionFailsTheFuture() {
    RejectedExecutionException rejected = new RejectedExecutionException("full");
    CompletableFuture<Liveness> future =
        AsyncUnkey.wrap(
                unkey(),
                r -> {
                  throw rejected;
                })
            .liveness();
    assertThatThrownBy(future::get).hasCauseReference(rejected);
  }
}
