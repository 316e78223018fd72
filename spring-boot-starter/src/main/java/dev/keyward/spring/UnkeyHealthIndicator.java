package dev.keyward.spring;

import dev.keyward.ForbiddenException;
import dev.keyward.UnauthorizedException;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.KeyFormat;
import dev.keyward.model.Liveness;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.servlet.CircuitState;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Unkey's health as this application sees it: {@code GET /v2/liveness}, then one authenticated
 * probe, {@code keys.verifyKey} on a random key that cannot exist. A 200 (NOT_FOUND) proves the
 * root key is accepted; a 401 or 403 means it is not. The probe spends no credits. The probe goes
 * through the management client, not the filter's, so an open filter circuit does not hide a
 * recovered Unkey (the detail {@code circuitBreaker} shows the filter's state).
 */
public final class UnkeyHealthIndicator implements HealthIndicator {
  private final Unkey unkey;
  private final Supplier<@Nullable CircuitState> circuit;
  private final SecureRandom random = new SecureRandom();

  /** Probes {@code unkey}. */
  public UnkeyHealthIndicator(Unkey unkey) {
    this(unkey, () -> null);
  }

  /**
   * Probes {@code unkey} and shows the state of the API key filter's circuit breaker as the detail
   * {@code circuitBreaker} ({@code circuit} answers null when there is no filter).
   */
  public UnkeyHealthIndicator(Unkey unkey, Supplier<@Nullable CircuitState> circuit) {
    this.unkey = Objects.requireNonNull(unkey, "unkey == null");
    this.circuit = Objects.requireNonNull(circuit, "circuit == null");
  }

  @Override
  public Health health() {
    Health probed = probe();
    CircuitState state = circuit.get();
    if (state == null) {
      return probed;
    }
    return Health.status(probed.getStatus())
        .withDetails(probed.getDetails())
        .withDetail("circuitBreaker", state.name())
        .build();
  }

  private Health probe() {
    Liveness liveness;
    try {
      liveness = unkey.liveness();
    } catch (UnkeyException e) {
      return Health.down()
          .withDetail("liveness", "failed")
          .withDetail("status", e.status())
          .withDetail("error", e.getMessage())
          .build();
    }
    try {
      Verification probe =
          unkey.keys().verify(VerifyKeyRequest.of(KeyFormat.generate("kwprobe", 16, random)));
      return Health.up()
          .withDetail("liveness", liveness.message())
          .withDetail("rootKey", "accepted")
          .withDetail("probe", probe.rawCode())
          .build();
    } catch (UnauthorizedException | ForbiddenException e) {
      return Health.down()
          .withDetail("liveness", liveness.message())
          .withDetail("rootKey", "rejected")
          .withDetail("status", e.status())
          .withDetail("error", e.getMessage())
          .build();
    } catch (UnkeyException e) {
      return Health.down()
          .withDetail("liveness", liveness.message())
          .withDetail("probe", "failed")
          .withDetail("status", e.status())
          .withDetail("error", e.getMessage())
          .build();
    }
  }

  @Override
  public String toString() {
    return "UnkeyHealthIndicator";
  }
}
