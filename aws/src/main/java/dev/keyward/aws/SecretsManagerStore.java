package dev.keyward.aws;

import static dev.keyward.aws.SecretsManagerCalls.CURRENT;
import static dev.keyward.aws.SecretsManagerCalls.NEXT;
import static dev.keyward.aws.SecretsManagerCalls.PENDING;
import static dev.keyward.aws.SecretsManagerCalls.PREVIOUS;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A {@link VersionedSecretStore} on AWS Secrets Manager. A keyward name maps to the secret id
 * {@code prefix + name}, or is used as it is if it is an ARN. A version is a {@code VersionId},
 * which is the idempotency token sent as {@code ClientRequestToken}; stages are the staging labels
 * AWSPENDING, AWSCURRENT and AWSPREVIOUS.
 *
 * <ul>
 *   <li>{@link #stage}: {@code PutSecretValue} with {@code VersionStages [AWSPENDING]}.
 *   <li>{@link #promote}: {@code UpdateSecretVersionStage} moves AWSCURRENT (AWS moves AWSPREVIOUS
 *       itself), then removes AWSPENDING.
 *   <li>{@link #write(String, Secret, SecretVersion, String)}: Secrets Manager has no
 *       compare-and-set, so the store checks that AWSCURRENT is on {@code expected}, puts the new
 *       version under the label {@code KEYWARD_NEXT}, and moves AWSCURRENT to it with {@code
 *       RemoveFromVersionId = expected}: AWS refuses the move if AWSCURRENT is no longer there,
 *       which is the compare-and-set. A refused write leaves an unused version behind (labelled
 *       KEYWARD_NEXT until the next write), never a changed AWSCURRENT.
 *   <li>A retried token: the store reads the version by {@code VersionId} first and returns it
 *       (same value) or refuses it (TOKEN_REUSED); AWS itself refuses a token with another value
 *       ({@code ResourceExistsException}), which maps to TOKEN_REUSED as well.
 *   <li>{@link #tryLock}: see {@link SecretsManagerLease}: the secret {@code <id>-keyward-lock}.
 * </ul>
 *
 * <p>Staging the first value of a secret that has none makes it current too (AWS labels a secret's
 * first version AWSCURRENT). {@link #delete(String)} schedules the secret for deletion with AWS's
 * shortest recovery window, 7 days; until then the name reads as empty and cannot be written.
 * Errors are {@link SecretStoreException}s naming the secret id and the action ({@link
 * SecretStoreException.Reason#PERMISSION_DENIED} for a denial, an expired or unknown credential;
 * {@link SecretStoreException.Reason#NOT_FOUND}), an {@link java.io.UncheckedIOException} when no
 * answer came; never a value or a credential.
 *
 * <pre>{@code
 * SecretsManagerStore store =
 *     SecretsManagerStore.builder(SecretsManagerClient.create()).prefix("prod/billing/").build();
 * }</pre>
 */
public final class SecretsManagerStore implements VersionedSecretStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  private static final Pattern ARN =
      Pattern.compile(
          "arn:[a-z-]+:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:([A-Za-z0-9/_+=.@-]+)-[A-Za-z0-9]{6}");

  private final SecretsManagerCalls calls;
  private final String prefix;
  private final Clock clock;

  private SecretsManagerStore(Builder b) {
    this.calls = new SecretsManagerCalls(b.client);
    this.prefix = b.prefix;
    this.clock = b.clock;
  }

  /** Starts a store over {@code client} (its region and credentials are the store's). */
  public static Builder builder(SecretsManagerClient client) {
    return new Builder(client);
  }

  /** The secret id of keyward's {@code name}: an ARN as it is, else {@code prefix + name}. */
  public String secretId(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.startsWith("arn:")) {
      if (!ARN.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "name must be a complete Secrets Manager secret ARN or match"
                + " [A-Za-z0-9/_+=.@-]{1,512}");
      }
      return name;
    }
    String id = prefix + name;
    if (!NAME.matcher(id).matches()) {
      throw new IllegalArgumentException("prefix + name must match [A-Za-z0-9/_+=.@-]{1,512}");
    }
    return id;
  }

  /** The secret that holds the lease on {@code name}: its secret's name + {@code -keyward-lock}. */
  String lockId(String name) {
    String id = secretId(name);
    Matcher arn = ARN.matcher(id);
    return (arn.matches() ? arn.group(1) : id) + "-keyward-lock";
  }

  @Override
  public Optional<Secret> read(String name) {
    return readVersioned(name).map(VersionedSecret::value);
  }

  @Override
  public void write(String name, Secret value) {
    Objects.requireNonNull(value, "value == null");
    String id = secretId(name);
    String token = UUID.randomUUID().toString();
    if (!calls.put(id, value, token, null)) {
      calls.create(id, value, token);
    }
  }

  @Override
  public void delete(String name) {
    String id = secretId(name);
    if (calls.labels(id).isPresent()) {
      calls.delete(id);
    }
  }

  @Override
  public Optional<VersionedSecret> readStage(String name, Stage stage) {
    Objects.requireNonNull(stage, "stage == null");
    String id = secretId(name);
    return calls
        .get(id, null, label(stage))
        // a version that is both pending and current was promoted (AWS's finished rotation)
        .filter(v -> stage != Stage.PENDING || !v.stages.contains(CURRENT))
        .map(v -> new VersionedSecret(v.value, SecretVersion.of(v.id), v.id));
  }

  @Override
  public VersionedSecret write(
      String name, Secret value, SecretVersion expected, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expected, "expected == null");
    String token = VersionedSecretStore.checkToken(idempotencyToken);
    String id = secretId(name);
    VersionedSecret result = new VersionedSecret(value, SecretVersion.of(token), token);
    Optional<SecretsManagerCalls.Version> earlier = earlier(name, id, value, token);
    if (earlier.isPresent()
        && (!earlier.get().stages.contains(NEXT)
            || earlier.get().stages.contains(CURRENT)
            || earlier.get().stages.contains(PREVIOUS))) {
      return result; // pending, current or previous (or unlabelled, long replaced): it was written
    }
    Optional<Map<String, List<String>>> labels = calls.labels(id);
    SecretVersion current = labels.map(l -> labelled(l, CURRENT)).orElse(SecretVersion.ABSENT);
    if (!current.equals(expected)) {
      throw conflict(name, id, expected, current);
    }
    try {
      if (labels.isEmpty()) {
        calls.create(id, value, token);
        return result;
      }
      if (current.isAbsent()) {
        calls.put(id, value, token, null); // no AWSCURRENT yet: AWS attaches it to this version
        return result;
      }
      if (earlier.isEmpty() && !calls.put(id, value, token, List.of(NEXT))) {
        throw SecretsManagerCalls.notFound(id, "PutSecretValue");
      }
    } catch (SecretsManagerCalls.Exists e) {
      throw conflict(name, id, expected, SecretVersion.of("created-meanwhile"));
    } catch (SecretsManagerCalls.TokenClash e) {
      throw tokenReused(name, id, token);
    }
    if (!calls.move(id, CURRENT, token, current.token())) {
      SecretVersion now =
          calls.labels(id).map(l -> labelled(l, CURRENT)).orElse(SecretVersion.ABSENT);
      if (!now.token().equals(token)) {
        throw conflict(name, id, expected, now);
      }
    }
    return result;
  }

  @Override
  public VersionedSecret stage(String name, Secret value, String idempotencyToken) {
    Objects.requireNonNull(value, "value == null");
    String token = VersionedSecretStore.checkToken(idempotencyToken);
    String id = secretId(name);
    if (earlier(name, id, value, token).isEmpty()) {
      try {
        if (!calls.put(id, value, token, List.of(PENDING))) {
          try {
            calls.create(id, null, null);
          } catch (SecretsManagerCalls.Exists e) {
            // created meanwhile: put into it
          }
          calls.put(id, value, token, List.of(PENDING));
        }
      } catch (SecretsManagerCalls.TokenClash e) {
        throw tokenReused(name, id, token);
      }
    }
    return new VersionedSecret(value, SecretVersion.of(token), token);
  }

  @Override
  public VersionedSecret promote(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    String id = secretId(name);
    String v = version.token();
    for (int attempt = 0; attempt < 3; attempt++) {
      Map<String, List<String>> labels =
          calls.labels(id).orElseThrow(() -> SecretsManagerCalls.notFound(id, "DescribeSecret"));
      List<String> stages = labels.getOrDefault(v, List.of());
      if (!stages.contains(CURRENT) && !stages.contains(PENDING)) {
        throw new SecretStoreConflictException(
            SecretStoreException.Reason.NO_SUCH_VERSION,
            name,
            "version " + v + " of secret " + id + " is neither pending nor current");
      }
      SecretVersion current = labelled(labels, CURRENT);
      if (stages.contains(CURRENT)
          || calls.move(id, CURRENT, v, current.isAbsent() ? null : current.token())) {
        if (stages.contains(PENDING)) {
          calls.move(id, PENDING, null, v);
        }
        return calls
            .get(id, v, null)
            .map(x -> new VersionedSecret(x.value, version, v))
            .orElseThrow(() -> SecretsManagerCalls.notFound(id, "GetSecretValue"));
      }
      // another writer moved AWSCURRENT between the read and the move: read again
    }
    throw new SecretStoreConflictException(
        SecretStoreException.Reason.VERSION_CONFLICT,
        name,
        "AWSCURRENT of secret " + id + " kept moving while version " + v + " was promoted");
  }

  @Override
  public boolean unstage(String name, SecretVersion version) {
    Objects.requireNonNull(version, "version == null");
    String id = secretId(name);
    List<String> stages =
        calls.labels(id).map(l -> l.getOrDefault(version.token(), List.of())).orElse(List.of());
    return stages.contains(PENDING)
        && !stages.contains(CURRENT)
        && calls.move(id, PENDING, null, version.token());
  }

  @Override
  public Lease tryLock(String name, String holder, Duration ttl) {
    VersionedSecretStore.checkLease(holder, ttl);
    return SecretsManagerLease.take(calls, name, lockId(name), holder, ttl, clock);
  }

  /** The version {@code token} created, if it did; refuses the token with another value. */
  private Optional<SecretsManagerCalls.Version> earlier(
      String name, String id, Secret value, String token) {
    Optional<SecretsManagerCalls.Version> v = calls.get(id, token, null);
    if (v.isPresent() && !v.get().value.equals(value)) {
      throw tokenReused(name, id, token);
    }
    return v;
  }

  private static SecretVersion labelled(Map<String, List<String>> labels, String stage) {
    for (Map.Entry<String, List<String>> e : labels.entrySet()) {
      if (e.getValue().contains(stage)) {
        return SecretVersion.of(e.getKey());
      }
    }
    return SecretVersion.ABSENT;
  }

  private static @Nullable String label(Stage stage) {
    return switch (stage) {
      case PENDING -> PENDING;
      case CURRENT -> CURRENT;
      case PREVIOUS -> PREVIOUS;
    };
  }

  private static SecretStoreConflictException conflict(
      String name, String id, SecretVersion expected, SecretVersion actual) {
    return new SecretStoreConflictException(
        SecretStoreException.Reason.VERSION_CONFLICT,
        name,
        "expected version " + expected + " of secret " + id + " but AWSCURRENT is " + actual);
  }

  private static SecretStoreConflictException tokenReused(String name, String id, String token) {
    return new SecretStoreConflictException(
        SecretStoreException.Reason.TOKEN_REUSED,
        name,
        "idempotency token "
            + token
            + " created a version of secret "
            + id
            + " with another value");
  }

  @Override
  public String toString() {
    return "SecretsManagerStore{prefix=" + prefix + "}";
  }

  /** Builds a {@link SecretsManagerStore}. */
  public static final class Builder {
    private final SecretsManagerClient client;
    private String prefix = "";
    private Clock clock = Clock.systemUTC();

    private Builder(SecretsManagerClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /** Prepended to every name that is not an ARN, e.g. {@code prod/billing/} (default none). */
    public Builder prefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix == null");
      if (!prefix.isEmpty() && !NAME.matcher(prefix).matches()) {
        throw new IllegalArgumentException("prefix must match [A-Za-z0-9/_+=.@-]{0,512}");
      }
      this.prefix = prefix;
      return this;
    }

    /** The clock that leases expire by (default the system's). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Builds the store; it makes no call until used. */
    public SecretsManagerStore build() {
      return new SecretsManagerStore(this);
    }
  }
}
