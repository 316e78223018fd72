package dev.keyward.http;

import dev.keyward.Sleeper;
import dev.keyward.http.internal.OperationCodec;
import dev.keyward.permission.Operation.RetryClass;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call: its attempts on OkHttp's {@code enqueue}, the waits between them, and the
 * future they complete. Nothing thrown while handling an attempt escapes onto OkHttp's dispatcher
 * thread: it completes the future with the real cause instead.
 */
final class AsyncAttempts<R> {
  private final Caller caller;
  private final CompletableFuture<R> future = new CompletableFuture<>();
  private final AtomicReference<Call> current = new AtomicReference<>();
  private @Nullable Exchange<R> exchange;
  private @Nullable ByteString body;
  private RetryClass retryClass = RetryClass.SAFE;

  AsyncAttempts(Caller caller) {
    this.caller = caller;
  }

  <Q> CompletableFuture<R> start(
      OperationCodec<Q, R> codec,
      @Nullable Q request,
      RetryClass retryClass,
      @Nullable String resourceId) {
    future.whenComplete(
        (v, t) -> {
          if (future.isCancelled()) {
            Call c = current.get();
            if (c != null) {
              c.cancel();
            }
          }
        });
    try {
      this.body = request == null ? null : codec.encodeRequest(request);
      this.retryClass = retryClass;
      this.exchange = caller.exchange(codec, retryClass, resourceId);
      caller.events.start(exchange);
      attempt();
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  private void attempt() {
    Exchange<R> ex = exchange;
    if (future.isDone() || ex == null) {
      return;
    }
    Caller.AttemptTag tag = new Caller.AttemptTag();
    Call call;
    try {
      call = caller.newCall(ex, body, retryClass, tag);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    current.set(call);
    if (future.isCancelled()) {
      call.cancel();
      return;
    }
    CallDeadlines.Watch watch = CallDeadlines.watch(call, caller.attemptTimeoutMillis());
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            CallDeadlines.release(c);
            try {
              Throwable escaped = escapedFromOkHttp(c, e);
              if (escaped != null) {
                future.completeExceptionally(escaped);
                return;
              }
              handle(Caller.failure(ex, tag, watch, e, future.isCancelled()));
            } catch (Throwable t) {
              future.completeExceptionally(t);
            }
          }

          @Override
          public void onResponse(Call c, Response response) {
            try {
              // The deadline covers the body too: release it only once the body was read.
              handle(ex.onResponse(response, watch, c));
            } catch (Throwable t) {
              response.close();
              future.completeExceptionally(t);
            } finally {
              CallDeadlines.release(c);
            }
          }
        });
  }

  /**
   * When something in OkHttp's chain threw an unchecked exception, OkHttp cancels the call and
   * reports {@code IOException("canceled due to …")} with the real exception suppressed; that real
   * exception is what the future fails with, as the blocking call would have thrown it.
   */
  private @Nullable Throwable escapedFromOkHttp(Call c, IOException e) {
    if (!c.isCanceled() || future.isCancelled()) {
      return null;
    }
    for (Throwable s : e.getSuppressed()) {
      if (!(s instanceof IOException)) {
        return s;
      }
    }
    return null;
  }

  private void handle(Exchange.Step<R> step) {
    Exchange<R> ex = exchange;
    if (step instanceof Exchange.Done<R> done) {
      caller.events.end(ex, done.status(), done.requestId());
      future.complete(done.value());
    } else if (step instanceof Exchange.Fail<R> fail) {
      caller.events.end(ex, fail.failure().status(), fail.failure().requestId());
      future.completeExceptionally(fail.failure());
    } else {
      Exchange.Retry<R> retry = (Exchange.Retry<R>) step;
      caller.events.attemptFailed(ex, retry);
      Runnable next =
          () -> {
            try {
              attempt();
            } catch (Throwable t) {
              future.completeExceptionally(t);
            }
          };
      Sleeper sleeper = caller.sleeper;
      if (sleeper == Sleeper.SYSTEM) {
        CompletableFuture.delayedExecutor(retry.delay().toMillis(), TimeUnit.MILLISECONDS)
            .execute(next);
      } else {
        ForkJoinPool.commonPool()
            .execute(
                () -> {
                  try {
                    sleeper.sleep(retry.delay());
                    next.run();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    future.completeExceptionally(retry.failure());
                  }
                });
      }
    }
  }
}
