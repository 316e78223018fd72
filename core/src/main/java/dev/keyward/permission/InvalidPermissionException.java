package dev.keyward.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A root permission that Unkey would not accept. The message says which part is wrong and, where
 * one is close, suggests the nearest valid permission; it quotes only the offending part. When
 * several permissions were parsed at once, {@link #problems()} lists every invalid entry.
 */
public final class InvalidPermissionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Which part of {@code type.id.action} is wrong. */
  public enum Part {
    /** Not {@code type.id.action} (or the legacy {@code *}): empty, too long, bad characters. */
    FORMAT,
    /** The resource type is unknown. */
    RESOURCE_TYPE,
    /** The id does not fit the resource type. */
    RESOURCE_ID,
    /** The action is unknown for the resource type. */
    ACTION
  }

  /** Which part of the (first) invalid permission is wrong. */
  private final Part part;

  /** The nearest valid permission, or {@code null} when none is near. */
  private final @Nullable String suggestion;

  /** The invalid entry's index in the list parsed, -1 for a single permission. */
  private final int index;

  /** Every invalid entry, in input order. */
  private final List<InvalidPermissionException> problems;

  /**
   * Creates the exception for one permission.
   *
   * @param message what is wrong; must quote only the offending part
   * @param part the part that is wrong
   * @param suggestion the nearest valid permission, or null
   */
  public InvalidPermissionException(String message, Part part, @Nullable String suggestion) {
    this(message, part, suggestion, -1, List.of());
  }

  private InvalidPermissionException(
      String message,
      Part part,
      @Nullable String suggestion,
      int index,
      List<InvalidPermissionException> problems) {
    super(message);
    this.part = Objects.requireNonNull(part, "part == null");
    this.suggestion = suggestion;
    this.index = index;
    this.problems = problems;
  }

  /** The same problem, found at {@code index} of a list of permissions. */
  InvalidPermissionException atIndex(int index) {
    return new InvalidPermissionException(
        "permissions[" + index + "]: " + getMessage(), part, suggestion, index, List.of());
  }

  /** One exception reporting every problem in {@code problems} (each already {@link #atIndex}). */
  static InvalidPermissionException combine(List<InvalidPermissionException> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder message =
        new StringBuilder().append(problems.size()).append(" invalid permissions: ");
    for (int i = 0; i < problems.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(problems.get(i).getMessage());
    }
    InvalidPermissionException first = problems.get(0);
    InvalidPermissionException all =
        new InvalidPermissionException(
            message.toString(),
            first.part,
            first.suggestion,
            first.index,
            List.copyOf(new ArrayList<>(problems)));
    for (InvalidPermissionException problem : problems) {
      all.addSuppressed(problem);
    }
    return all;
  }

  /** Which part is wrong (of the first problem, when several were reported). */
  public Part part() {
    return part;
  }

  /** The nearest valid permission, e.g. {@code api.*.create_key} for {@code api.*.create_keys}. */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }

  /**
   * The index of the invalid entry in the list parsed, or -1 when a single permission was parsed.
   */
  public int index() {
    return index;
  }

  /** Every invalid entry, in input order; a single problem lists itself. */
  public List<InvalidPermissionException> problems() {
    return problems.isEmpty() ? List.of(this) : problems;
  }
}
