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
  private @Nullable CallRun<R> run;
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
      this.run = caller.run(exchange, request);
      run.beforeCall();
      attempt();
    } catch (RuntimeException e) {
      fail(e);
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
      call = caller.newCall(ex, body, retryClass, tag, run);
    } catch (RuntimeException e) {
      fail(e);
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
                fail(escaped);
                return;
              }
              handle(Caller.failure(ex, tag, watch, e, future.isCancelled()));
            } catch (Throwable t) {
              fail(t);
            }
          }

          @Override
          public void onResponse(Call c, Response response) {
            try {
              // The deadline covers the body too: release it only once the body was read.
              handle(ex.onResponse(response, watch, c));
            } catch (Throwable t) {
              response.close();
              fail(t);
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

  /** Ends the call with {@code t}, reported (once) when it is unchecked. */
  private void fail(Throwable t) {
    CallRun<R> r = run;
    future.completeExceptionally(r != null && t instanceof RuntimeException e ? r.fail(e) : t);
  }

  private void handle(Exchange.Step<R> step) {
    CallRun<R> r = run;
    r.afterAttempt();
    if (step instanceof Exchange.Done<R> done) {
      future.complete(r.succeed(done));
    } else if (step instanceof Exchange.Fail<R> failed) {
      future.completeExceptionally(r.fail(failed.failure()));
    } else {
      Exchange.Retry<R> retry = (Exchange.Retry<R>) step;
      r.retrying(retry);
      Runnable next =
          () -> {
            try {
              attempt();
            } catch (Throwable t) {
              fail(t);
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
                    fail(retry.failure());
                  }
                });
      }
    }
  }
}
