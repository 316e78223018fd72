package dev.keyward.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Enforces each attempt's overall timeout with one coarse daemon timer instead of OkHttp's call
 * timeout. OkHttp's {@code AsyncTimeout} wakes its watchdog thread on every call, which cost about
 * a third of a loopback round trip (measured with {@code ClientRoundTripBenchmark}); a timeout of
 * tens of seconds does not need that precision. Watching a call costs a map insert and remove; an
 * expired call is cancelled within {@link #TICK_NANOS}.
 */
final class CallDeadlines {
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static final Map<Call, Watch> WATCHED = new ConcurrentHashMap<>();
  private static volatile boolean started;

  private CallDeadlines() {}

  /** A watched attempt: when it expired, its call was cancelled and {@link #expired} is set. */
  static final class Watch {
    final long deadlineNanos;
    final long timeoutMillis;
    volatile boolean expired;

    Watch(long deadlineNanos, long timeoutMillis) {
      this.deadlineNanos = deadlineNanos;
      this.timeoutMillis = timeoutMillis;
    }

    /**
     * What to report for {@code e}: when this watch cancelled the call, a {@link CallTimeout}
     * keeping OkHttp's exception (often just "Socket closed") as the cause; else {@code e}.
     */
    IOException reported(IOException e) {
      return expired ? new CallTimeout(timeoutMillis, e) : e;
    }
  }

  /** The call timeout expired and keyward cancelled the attempt. */
  static final class CallTimeout extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    final long timeoutMillis;

    CallTimeout(long timeoutMillis, Exception cause) {
      super("call timeout");
      this.timeoutMillis = timeoutMillis;
      initCause(cause);
    }
  }

  /** Starts watching {@code call}; {@code timeoutMillis <= 0} watches nothing. */
  static Watch watch(Call call, long timeoutMillis) {
    if (timeoutMillis <= 0) {
      return new Watch(Long.MAX_VALUE, 0);
    }
    Watch watch =
        new Watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), timeoutMillis);
    WATCHED.put(call, watch);
    startOnce();
    return watch;
  }

  /** Stops watching {@code call} (it completed). */
  static void release(Call call) {
    WATCHED.remove(call);
  }

  private static void startOnce() {
    if (started) {
      return;
    }
    synchronized (CallDeadlines.class) {
      if (started) {
        return;
      }
      Thread timer = new Thread(CallDeadlines::run, "keyward-call-deadlines");
      timer.setDaemon(true);
      timer.start();
      started = true;
    }
  }

  private static void run() {
    while (true) {
      LockSupport.parkNanos(TICK_NANOS);
      long now = System.nanoTime();
      for (Map.Entry<Call, Watch> e : WATCHED.entrySet()) {
        Watch w = e.getValue();
        if (now - w.deadlineNanos >= 0 && WATCHED.remove(e.getKey(), w)) {
          w.expired = true;
          e.getKey().cancel();
        }
      }
    }
  }
}
