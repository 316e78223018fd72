package dev.keyward.http;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The key values the default observation conventions return, built once and reused: Micrometer
 * sorts every {@code KeyValues} built, and an observed call asks for key values four times (call
 * and attempt, at start and at stop). A set returned at the stop holds every key of the set
 * returned at the start, so the context takes it whole ({@link ContextKeyValues}). Sets that depend
 * on a status or an attempt count are built on first use; {@code KeyValues} is immutable, so a
 * racing fill at worst builds one twice.
 */
final class ObservationKeys {
  static final KeyValue NO_ERROR = KeyValue.of("error.type", "none");
  static final KeyValue SUCCESS = KeyValue.of("outcome", "SUCCESS");
  private static final int STATUSES = 600;
  private static final int COUNTS = 32;
  private static final Operation[] OPERATIONS = Operation.values();
  private static final KeyValue[] STATUS = new KeyValue[STATUSES];
  private static final KeyValue[] ATTEMPTS = new KeyValue[COUNTS];
  private static final KeyValues[] RESEND_COUNT = new KeyValues[COUNTS];
  private static final CallKeys[] CALLS = new CallKeys[OPERATIONS.length];

  static {
    for (int i = 0; i < STATUSES; i++) {
      STATUS[i] = KeyValue.of("http.response.status_code", Integer.toString(i));
    }
    for (int i = 0; i < COUNTS; i++) {
      ATTEMPTS[i] = KeyValue.of("unkey.attempts", Integer.toString(i));
      RESEND_COUNT[i] = KeyValues.of("http.request.resend_count", Integer.toString(i));
    }
    for (Operation op : OPERATIONS) {
      CALLS[op.ordinal()] = new CallKeys(op);
    }
  }

  private ObservationKeys() {}

  static String callName(Operation op) {
    return CALLS[op.ordinal()].name;
  }

  static String attemptName(Operation op) {
    return CALLS[op.ordinal()].attemptName;
  }

  static KeyValue status(int status) {
    return status >= 0 && status < STATUSES
        ? STATUS[status]
        : KeyValue.of("http.response.status_code", Integer.toString(status));
  }

  static KeyValue attempts(int attempts) {
    return attempts >= 0 && attempts < COUNTS
        ? ATTEMPTS[attempts]
        : KeyValue.of("unkey.attempts", Integer.toString(attempts));
  }

  static KeyValue error(@Nullable String errorType) {
    return errorType == null ? NO_ERROR : KeyValue.of("error.type", errorType);
  }

  /** A call's keys fixed at its start: {@code unkey.operation}. */
  static KeyValues callStart(Operation op) {
    return CALLS[op.ordinal()].start;
  }

  /** A call's keys once it ended: operation, outcome, status, error type, attempts. */
  static KeyValues callEnd(
      Operation op, String outcome, int status, @Nullable String errorType, int attempts) {
    CallKeys keys = CALLS[op.ordinal()];
    boolean cached =
        errorType == null
            && "SUCCESS".equals(outcome)
            && status >= 0
            && status < STATUSES
            && attempts >= 0
            && attempts < COUNTS;
    return cached
        ? keys.success(status, attempts)
        : keys.start.and(
            KeyValue.of("outcome", outcome), status(status), error(errorType), attempts(attempts));
  }

  /** An attempt's high-cardinality key at its start: {@code http.request.resend_count}. */
  static KeyValues resendCount(int attempt) {
    int resends = attempt - 1;
    return resends >= 0 && resends < COUNTS
        ? RESEND_COUNT[resends]
        : KeyValues.of("http.request.resend_count", Integer.toString(resends));
  }

  private static KeyValue method(Operation op) {
    return KeyValue.of("http.request.method", op == Operation.LIVENESS ? "GET" : "POST");
  }

  /** One operation's call keys. */
  private static final class CallKeys {
    final String name;
    final String attemptName;
    final KeyValues start;
    private final KeyValues[][] success = new KeyValues[STATUSES][];

    CallKeys(Operation op) {
      name = "unkey " + op.wireName();
      attemptName = method(op).getValue() + " " + op.path();
      start = KeyValues.of("unkey.operation", op.wireName());
    }

    KeyValues success(int status, int attempts) {
      KeyValues[] byAttempts = success[status];
      if (byAttempts == null) {
        byAttempts = new KeyValues[COUNTS];
        success[status] = byAttempts;
      }
      KeyValues kv = byAttempts[attempts];
      if (kv == null) {
        kv = start.and(SUCCESS, status(status), NO_ERROR, attempts(attempts));
        byAttempts[attempts] = kv;
      }
      return kv;
    }
  }

  /**
   * The server a client calls, with its attempts' keys per operation: at the start method, server
   * address and port, url template and operation; at the end also status and error type (none, or
   * the status for a 4xx or 5xx, or an exception's class name).
   */
  static final class Server {
    final String address;
    final int port;
    final String remoteAddress;
    private final KeyValue addressKey;
    private final KeyValue portKey;
    private final AttemptKeys[] attempts = new AttemptKeys[OPERATIONS.length];

    Server(String address, int port) {
      this.address = address;
      this.port = port;
      this.remoteAddress = address + ":" + port;
      this.addressKey = KeyValue.of("server.address", address);
      this.portKey = KeyValue.of("server.port", Integer.toString(port));
    }

    boolean is(String address, int port) {
      return this.port == port && this.address.equals(address);
    }

    KeyValues attemptStart(Operation op) {
      return keys(op).start;
    }

    KeyValues attemptEnd(Operation op, int status, @Nullable String errorType) {
      AttemptKeys keys = keys(op);
      if (status < 0 || status >= STATUSES) {
        return keys.start.and(status(status), error(errorType));
      }
      KeyValues[] cache;
      if (errorType == null) {
        cache = keys.ok;
      } else if (status >= 400 && errorType.equals(STATUS[status].getValue())) {
        cache = keys.statusError;
      } else {
        return keys.start.and(status(status), error(errorType));
      }
      KeyValues kv = cache[status];
      if (kv == null) {
        kv = keys.start.and(status(status), error(errorType));
        cache[status] = kv;
      }
      return kv;
    }

    private AttemptKeys keys(Operation op) {
      AttemptKeys keys = attempts[op.ordinal()];
      if (keys == null) {
        keys =
            new AttemptKeys(
                KeyValues.of(
                    method(op),
                    addressKey,
                    portKey,
                    KeyValue.of("url.template", op.path()),
                    KeyValue.of("unkey.operation", op.wireName())));
        attempts[op.ordinal()] = keys;
      }
      return keys;
    }
  }

  /** One operation's attempt keys on one server. */
  private static final class AttemptKeys {
    final KeyValues start;
    final KeyValues[] ok = new KeyValues[STATUSES];
    final KeyValues[] statusError = new KeyValues[STATUSES];

    AttemptKeys(KeyValues start) {
      this.start = start;
    }
  }
}
