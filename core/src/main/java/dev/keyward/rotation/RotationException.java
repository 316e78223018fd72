package dev.keyward.rotation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rotation step failed. The message names the plan and the step, never a key; the cause says what
 * the server, the store or the file system answered.
 */
public class RotationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The id of the plan that failed. */
  private final String planId;

  /** The name of the step that failed. */
  private final String step;

  /** Creates the exception; {@code explanation} is fixed text, never an input value. */
  public RotationException(
      String planId, String step, String explanation, @Nullable Throwable cause) {
    super("rotation " + planId + " at step " + step + ": " + explanation, cause);
    this.planId = Objects.requireNonNull(planId, "planId == null");
    this.step = Objects.requireNonNull(step, "step == null");
  }

  /** Creates the exception without a cause. */
  public RotationException(String planId, String step, String explanation) {
    this(planId, step, explanation, null);
  }

  /** The id of the plan that failed, e.g. {@code rot-lx2k9a-3f9q}. */
  public String planId() {
    return planId;
  }

  /** The step that failed, e.g. {@code verify}. */
  public String step() {
    return step;
  }
}
