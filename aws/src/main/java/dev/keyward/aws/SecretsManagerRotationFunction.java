package dev.keyward.aws;

import dev.keyward.Sleeper;
import dev.keyward.UnauthorizedException;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RotationException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a root-key rotation as a Secrets Manager rotation function: AWS invokes it with {@code
 * {"Step": "createSecret|setSecret|testSecret|finishSecret", "SecretId": ..., "ClientRequestToken":
 * ...}} and retries a step that failed or timed out, so every step is a no-op when re-invoked. Wire
 * it to a Lambda handler in a few lines (keyward adds no Lambda runtime dependency):
 *
 * <pre>{@code
 * public final class Rotate implements RequestHandler<Map<String, Object>, Void> {
 *   private final SecretsManagerRotationFunction function =
 *       SecretsManagerRotationFunction.builder(
 *               SecretsManagerStore.builder(SecretsManagerClient.create()).build(),
 *               UnkeyHttpClient.builder().rootKey(adminKey).build())
 *           .build();
 *   public Void handleRequest(Map<String, Object> event, Context context) {
 *     function.handleRequest(event);
 *     return null;
 *   }
 * }
 * }</pre>
 *
 * <p>The steps, and how each maps onto keyward's rotation of a root key:
 *
 * <ul>
 *   <li>{@code createSecret} (the journal's CREATE and STORED): if AWSPENDING (or AWSCURRENT) is
 *       already on the version {@code ClientRequestToken}, nothing. Otherwise deletes any key a
 *       crashed earlier attempt created (its name carries the marker {@code [aws-<token>]}, as the
 *       journal's plan marker does), creates a root key with the current key's name and
 *       permissions, and stages it AWSPENDING with the token as {@code VersionId}.
 *   <li>{@code setSecret}: nothing. Unkey makes a root key valid when it creates it; there is no
 *       database user or password to set, which is what this step is for elsewhere.
 *   <li>{@code testSecret} (VERIFIED): the pending key must authenticate: an authenticated call
 *       with it ({@code keys.verifyKey} of a random key) must not answer 401. Read-only, so a
 *       re-invocation repeats the check. A failure throws, and AWS stops the rotation with
 *       AWSCURRENT unchanged.
 *   <li>{@code finishSecret} (PROMOTED, REVOKED): moves AWSCURRENT to the token's version (AWS
 *       moves AWSPREVIOUS to the old key), then sleeps the overlap (default none; at most 10
 *       minutes, to fit Lambda's 15-minute limit) and deletes the root key now at AWSPREVIOUS.
 *       Re-invoked, it finds AWSCURRENT already moved and deletes the AWSPREVIOUS key again, which
 *       is a no-op once it is gone. Services that cache the secret must re-read it within the
 *       overlap.
 * </ul>
 *
 * <p>The durable state is Secrets Manager's own (the versions and their labels) plus Unkey's keys:
 * a Lambda has no disk that outlives it, so this adapter keeps no journal file. AWS runs one
 * rotation of a secret at a time, so it takes no lease either.
 */
public final class SecretsManagerRotationFunction {
  /** The longest overlap {@code finishSecret} sleeps: Lambda stops a function at 15 minutes. */
  public static final Duration MAX_OVERLAP = Duration.ofMinutes(10);

  private final VersionedSecretStore store;
  private final Unkey admin;
  private final RootKeyIssuer issuer;
  private final Duration overlap;
  private final Sleeper sleeper;

  private SecretsManagerRotationFunction(Builder b) {
    this.store = b.store;
    this.admin = b.admin;
    this.issuer = RootKeyIssuer.of(b.admin);
    this.overlap = b.overlap;
    this.sleeper = b.sleeper;
  }

  /**
   * Starts a function over {@code store} (its names are the event's {@code SecretId}s, ARNs) and
   * {@code admin}, a port acting as the workspace's admin root key, which creates and deletes root
   * keys.
   */
  public static Builder builder(SecretsManagerStore store, Unkey admin) {
    return new Builder(store, admin);
  }

  /**
   * Runs the step of a rotation event: {@code Step}, {@code SecretId}, {@code ClientRequestToken}.
   *
   * @throws IllegalArgumentException naming the field, if the event lacks one or names an unknown
   *     step
   * @throws RotationException if the step failed (AWS retries it)
   */
  public void handleRequest(Map<String, Object> event) {
    Objects.requireNonNull(event, "event == null");
    String step = field(event, "Step");
    String secretId = field(event, "SecretId");
    String token = VersionedSecretStore.checkToken(field(event, "ClientRequestToken"));
    switch (step) {
      case "createSecret" -> createSecret(secretId, token);
      case "setSecret" -> {
        // nothing to set: Unkey's root key is valid from its creation
      }
      case "testSecret" -> testSecret(secretId, token);
      case "finishSecret" -> finishSecret(secretId, token);
      default ->
          throw new IllegalArgumentException(
              "Step must be createSecret, setSecret, testSecret or finishSecret");
    }
  }

  private void createSecret(String secretId, String token) {
    if (at(secretId, Stage.PENDING, token).isPresent()
        || at(secretId, Stage.CURRENT, token).isPresent()) {
      return;
    }
    VersionedSecret current =
        store
            .readVersioned(secretId)
            .orElseThrow(() -> failed(token, "createSecret", "the secret has no AWSCURRENT key"));
    String oldId = oldKeyId(token, "createSecret", current.value());
    String marker = "[aws-" + token + "]";
    for (String orphan : issuer.keyIdsNamedWith(marker)) {
      issuer.delete(orphan); // created by a crashed attempt, never stored: nobody has it
    }
    RootKeyInfo old =
        issuer
            .describe(oldId)
            .orElseThrow(() -> failed(token, "createSecret", "the current key is unknown"));
    String base =
        old.name() == null ? "root key" : old.name().replaceAll("\\s*\\[aws-[^]]*\\]", "");
    CreatedKey created = issuer.create(base.strip() + " " + marker, old.permissions());
    store.stage(secretId, created.key(), token);
  }

  private void testSecret(String secretId, String token) {
    Secret key =
        at(secretId, Stage.PENDING, token)
            .or(() -> at(secretId, Stage.CURRENT, token))
            .orElseThrow(() -> failed(token, "testSecret", "no AWSPENDING version for the token"))
            .value();
    try {
      admin
          .withRootKey(key)
          .keys()
          .verify(Secret.of("keyward_probe_" + UUID.randomUUID().toString().replace("-", "")));
    } catch (UnauthorizedException e) {
      throw failed(
          token,
          "testSecret",
          "the pending key was rejected with HTTP 401 (" + e.requestId() + ")");
    }
  }

  private void finishSecret(String secretId, String token) {
    if (at(secretId, Stage.CURRENT, token).isEmpty()) {
      if (at(secretId, Stage.PENDING, token).isEmpty()) {
        throw failed(token, "finishSecret", "no AWSPENDING version for the token");
      }
      store.promote(secretId, SecretVersion.of(token));
    }
    Optional<VersionedSecret> previous = store.readStage(secretId, Stage.PREVIOUS);
    if (previous.isEmpty()) {
      return;
    }
    Optional<String> oldId = issuer.idOf(previous.get().value());
    if (oldId.isEmpty()) {
      return; // revoked by an earlier invocation
    }
    try {
      sleeper.sleep(overlap);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RotationException(token, "finishSecret", "interrupted during the overlap", e);
    }
    issuer.delete(oldId.get());
  }

  private String oldKeyId(String token, String step, Secret key) {
    return issuer
        .idOf(key)
        .orElseThrow(() -> failed(token, step, "cannot tell the current key's id from the key"));
  }

  /** The version {@code token} of {@code secretId}, if it holds {@code stage}. */
  private Optional<VersionedSecret> at(String secretId, Stage stage, String token) {
    return store.readStage(secretId, stage).filter(v -> v.version().token().equals(token));
  }

  private static RotationException failed(String token, String step, String why) {
    return new RotationException(token, step, why);
  }

  private static String field(Map<String, Object> event, String name) {
    Object v = event.get(name);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new IllegalArgumentException("the event's " + name + " must be a non-empty string");
    }
    return s;
  }

  @Override
  public String toString() {
    return "SecretsManagerRotationFunction{overlap=" + overlap + "}";
  }

  /** Builds a {@link SecretsManagerRotationFunction}. */
  public static final class Builder {
    private final VersionedSecretStore store;
    private final Unkey admin;
    private Duration overlap = Duration.ZERO;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder(SecretsManagerStore store, Unkey admin) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.admin = Objects.requireNonNull(admin, "admin == null");
    }

    /** How long {@code finishSecret} keeps the old key live after the move (0 to 10 minutes). */
    public Builder overlap(Duration overlap) {
      Objects.requireNonNull(overlap, "overlap == null");
      if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
        throw new IllegalArgumentException("overlap must be between 0 and 10 minutes");
      }
      this.overlap = overlap;
      return this;
    }

    /** How the overlap is waited (default: the thread sleeps). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Builds the function. */
    public SecretsManagerRotationFunction build() {
      return new SecretsManagerRotationFunction(this);
    }
  }
}
