package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code apis.createApi}: creates an API, a namespace for keys. */
public final class CreateApiRequest {
  private final String name;

  private CreateApiRequest(String name) {
    this.name = name;
  }

  /** A request for {@code name}. */
  public static CreateApiRequest of(String name) {
    return new CreateApiRequest(Constraints.length("name", name, 3, 256));
  }

  /** The API's name, 3..256 characters. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "CreateApiRequest{name=" + name + "}";
  }
}
