package dev.keyward.http;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValue;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The key values the default observation conventions repeat on every call, built once: per
 * operation, per status, per method. An observed call builds its key values at start and at stop,
 * for the call and for each attempt; without this each build allocated a dozen strings.
 */
final class ObservationKeys {
  static final KeyValue NO_ERROR = KeyValue.of("error.type", "none");
  static final KeyValue GET = KeyValue.of("http.request.method", "GET");
  static final KeyValue POST = KeyValue.of("http.request.method", "POST");
  private static final Map<Operation, KeyValue> OPERATION = new EnumMap<>(Operation.class);
  private static final Map<Operation, KeyValue> URL_TEMPLATE = new EnumMap<>(Operation.class);
  private static final Map<Operation, String> CALL_NAME = new EnumMap<>(Operation.class);
  private static final Map<Operation, String> ATTEMPT_NAME = new EnumMap<>(Operation.class);
  private static final KeyValue[] STATUS = new KeyValue[600];
  private static final KeyValue[] ATTEMPTS = new KeyValue[32];

  static {
    for (Operation op : Operation.values()) {
      OPERATION.put(op, KeyValue.of("unkey.operation", op.wireName()));
      URL_TEMPLATE.put(op, KeyValue.of("url.template", op.path()));
      CALL_NAME.put(op, "unkey " + op.wireName());
      ATTEMPT_NAME.put(op, (op == Operation.LIVENESS ? "GET " : "POST ") + op.path());
    }
    for (int i = 0; i < STATUS.length; i++) {
      STATUS[i] = KeyValue.of("http.response.status_code", Integer.toString(i));
    }
    for (int i = 0; i < ATTEMPTS.length; i++) {
      ATTEMPTS[i] = KeyValue.of("unkey.attempts", Integer.toString(i));
    }
  }

  private ObservationKeys() {}

  static KeyValue operation(Operation op) {
    return OPERATION.get(op);
  }

  static KeyValue urlTemplate(Operation op) {
    return URL_TEMPLATE.get(op);
  }

  static String callName(Operation op) {
    return CALL_NAME.get(op);
  }

  static String attemptName(Operation op) {
    return ATTEMPT_NAME.get(op);
  }

  static KeyValue method(Operation op) {
    return op == Operation.LIVENESS ? GET : POST;
  }

  static KeyValue status(int status) {
    return status >= 0 && status < STATUS.length
        ? STATUS[status]
        : KeyValue.of("http.response.status_code", Integer.toString(status));
  }

  static KeyValue attempts(int attempts) {
    return attempts >= 0 && attempts < ATTEMPTS.length
        ? ATTEMPTS[attempts]
        : KeyValue.of("unkey.attempts", Integer.toString(attempts));
  }

  static KeyValue error(@Nullable String errorType) {
    return errorType == null ? NO_ERROR : KeyValue.of("error.type", errorType);
  }
}
