package dev.keyward;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a call's last response looked like, for support and operations: status, headers (never one
 * carrying a key), request id, the number of attempts and the call's total time. A transport client
 * attaches it to each {@link UnkeyException} it throws ({@link UnkeyException#response()}) and
 * offers it for successful calls its own way (keyward's HTTP client: {@code ResponseMetadata}).
 */
public interface ResponseInfo {
  /** The last attempt's HTTP status, or 0 when no response arrived. */
  int status();

  /**
   * The last response's headers, names lower-cased, values in order; without {@code Authorization},
   * cookies, or any header whose value holds a key. Empty when no response arrived.
   */
  Map<String, List<String>> headers();

  /** The server's request id, if it sent one. */
  @Nullable String requestId();

  /** How many attempts the call made (at least 1). */
  int attempts();

  /** The time from the start of the first attempt to the end of the call. */
  Duration totalTime();
}
