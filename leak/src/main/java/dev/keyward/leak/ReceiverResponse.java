package dev.keyward.leak;

import java.util.Objects;

/**
 * The answer to one report, for the HTTP wrapper to write: a status and a JSON body ({@code
 * application/json}). 200 carries GitHub's feedback array; every other status an object {@code
 * {"error":"…"}} with a fixed explanation.
 */
public final class ReceiverResponse {
  private final int status;
  private final String body;

  ReceiverResponse(int status, String body) {
    this.status = status;
    this.body = Objects.requireNonNull(body, "body == null");
  }

  static ReceiverResponse error(int status, String message) {
    // fixed texts only: nothing from the request is echoed
    return new ReceiverResponse(status, "{\"error\":\"" + message + "\"}");
  }

  /** The HTTP status: 200, 400, 401, 413 or 500. */
  public int status() {
    return status;
  }

  /** The JSON body. */
  public String body() {
    return body;
  }

  /** Always {@code application/json}. */
  public String contentType() {
    return "application/json";
  }

  @Override
  public String toString() {
    return "ReceiverResponse{" + status + ", " + body.length() + " chars}";
  }
}
