package dev.keyward.aws;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/**
 * The Secrets Manager calls of the store, each mapping AWS's errors to keyward's: a denied call or
 * rejected credentials become {@link SecretStoreException.Reason#PERMISSION_DENIED} naming the
 * action and the secret id; messages never hold a value, and an AWS error is never chained as a
 * cause (a signature error's message echoes the canonical request, which may hold a session token).
 */
final class SecretsManagerCalls {
  static final String CURRENT = "AWSCURRENT";
  static final String PENDING = "AWSPENDING";
  static final String PREVIOUS = "AWSPREVIOUS";

  /**
   * The label of a version written for a compare-and-set before AWSCURRENT moves to it: AWS
   * attaches AWSCURRENT to a version put without labels, so the new version needs one of its own.
   */
  static final String NEXT = "KEYWARD_NEXT";

  private static final Set<String> CREDENTIAL_ERRORS =
      Set.of(
          "ExpiredTokenException",
          "ExpiredToken",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "IncompleteSignature",
          "InvalidClientTokenId",
          "MissingAuthenticationToken");

  /** The id and name of the secret a write conflicted on: an idempotency token was reused. */
  static final class TokenClash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenClash() {
      super("token reused", null, false, false);
    }
  }

  /** A secret by this name exists already (CreateSecret). */
  static final class Exists extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exists() {
      super("exists", null, false, false);
    }
  }

  /** A version read from Secrets Manager: its id, value and labels. Never prints the value. */
  static final class Version {
    final String id;
    final Secret value;
    final List<String> stages;

    Version(String id, Secret value, List<String> stages) {
      this.id = id;
      this.value = value;
      this.stages = List.copyOf(stages);
    }

    @Override
    public String toString() {
      return "Version{id=" + id + ", stages=" + stages + "}";
    }
  }

  private final SecretsManagerClient client;

  SecretsManagerCalls(SecretsManagerClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The version of {@code secretId} with {@code versionId} or {@code stage}; empty if the secret,
   * the version or the label does not exist, or the secret is scheduled for deletion.
   */
  Optional<Version> get(String secretId, @Nullable String versionId, @Nullable String stage) {
    return call(
        "GetSecretValue",
        secretId,
        () -> {
          try {
            GetSecretValueResponse r =
                client.getSecretValue(
                    GetSecretValueRequest.builder()
                        .secretId(secretId)
                        .versionId(versionId)
                        .versionStage(stage)
                        .build());
            if (r.secretString() == null) {
              throw new SecretStoreException(
                  SecretStoreException.Reason.NOT_FOUND,
                  "secret " + secretId + " holds a binary value, not a key",
                  null);
            }
            return Optional.of(
                new Version(r.versionId(), Secret.of(r.secretString()), r.versionStages()));
          } catch (AwsServiceException e) {
            if (isCode(e, "ResourceNotFoundException") || isCode(e, "InvalidRequestException")) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  /** The labels of each labelled version of {@code secretId}; empty if there is no such secret. */
  Optional<Map<String, List<String>>> labels(String secretId) {
    return call(
        "DescribeSecret",
        secretId,
        () -> {
          try {
            var r = client.describeSecret(b -> b.secretId(secretId));
            if (r.deletedDate() != null) {
              return Optional.empty();
            }
            return Optional.of(r.versionIdsToStages());
          } catch (AwsServiceException e) {
            if (isCode(e, "ResourceNotFoundException")) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  /**
   * Creates {@code secretId} (a name), with a first version holding {@code value} under {@code
   * token} if given (AWS labels it AWSCURRENT).
   *
   * @throws Exists if a secret by that name exists
   */
  void create(String secretId, @Nullable Secret value, @Nullable String token) {
    call(
        "CreateSecret",
        secretId,
        () -> {
          try {
            client.createSecret(
                CreateSecretRequest.builder()
                    .name(secretId)
                    .secretString(value == null ? null : value.reveal())
                    .clientRequestToken(value == null ? null : token)
                    .build());
            return null;
          } catch (AwsServiceException e) {
            if (isCode(e, "ResourceExistsException")) {
              throw new Exists();
            }
            if (isCode(e, "InvalidRequestException")) {
              throw new SecretStoreException(
                  SecretStoreException.Reason.NOT_FOUND,
                  "secret "
                      + secretId
                      + " cannot be created: a secret by that name is scheduled for deletion"
                      + " (restore it, or wait for its recovery window to end)",
                  null);
            }
            throw e;
          }
        });
  }

  /**
   * Puts a version holding {@code value} under {@code token} with {@code stages} (null: AWS moves
   * AWSCURRENT to it); returns false if the secret does not exist.
   *
   * @throws TokenClash if {@code token} created a version with another value
   */
  boolean put(String secretId, Secret value, String token, @Nullable List<String> stages) {
    return call(
        "PutSecretValue",
        secretId,
        () -> {
          try {
            client.putSecretValue(
                PutSecretValueRequest.builder()
                    .secretId(secretId)
                    .secretString(value.reveal())
                    .clientRequestToken(token)
                    .versionStages(stages)
                    .build());
            return true;
          } catch (AwsServiceException e) {
            if (isCode(e, "ResourceExistsException")) {
              throw new TokenClash();
            }
            if (isCode(e, "ResourceNotFoundException")) {
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * Moves {@code stage} to {@code moveTo} (null: removes it) from {@code removeFrom}; returns false
   * if AWS refused because the label is not on {@code removeFrom}: the compare-and-set failed.
   */
  boolean move(
      String secretId, String stage, @Nullable String moveTo, @Nullable String removeFrom) {
    return call(
        "UpdateSecretVersionStage",
        secretId,
        () -> {
          try {
            client.updateSecretVersionStage(
                UpdateSecretVersionStageRequest.builder()
                    .secretId(secretId)
                    .versionStage(stage)
                    .moveToVersionId(moveTo)
                    .removeFromVersionId(removeFrom)
                    .build());
            return true;
          } catch (AwsServiceException e) {
            if (isCode(e, "InvalidParameterException") || isCode(e, "InvalidRequestException")) {
              return false;
            }
            if (isCode(e, "ResourceNotFoundException")) {
              throw notFound(secretId, "UpdateSecretVersionStage");
            }
            throw e;
          }
        });
  }

  /** Schedules {@code secretId} for deletion after AWS's shortest recovery window (7 days). */
  void delete(String secretId) {
    call(
        "DeleteSecret",
        secretId,
        () -> client.deleteSecret(b -> b.secretId(secretId).recoveryWindowInDays(7L)));
  }

  static SecretStoreException notFound(String secretId, String action) {
    return new SecretStoreException(
        SecretStoreException.Reason.NOT_FOUND,
        "secret " + secretId + " (or the version " + action + " names) does not exist",
        null);
  }

  private static boolean isCode(AwsServiceException e, String code) {
    return e.awsErrorDetails() != null && code.equals(e.awsErrorDetails().errorCode());
  }

  /** Runs {@code body}, turning what AWS refused into keyward's exceptions. */
  private static <T> T call(String action, String secretId, Supplier<T> body) {
    try {
      return body.get();
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? "?" : e.awsErrorDetails().errorCode();
      String where =
          action + " on secret " + secretId + " (" + code + ", request id " + e.requestId() + ")";
      if ("AccessDeniedException".equals(code) || "DecryptionFailure".equals(code)) {
        throw new SecretStoreException(
            SecretStoreException.Reason.PERMISSION_DENIED,
            "Secrets Manager denied " + where + ": grant the action in the IAM policy",
            null);
      }
      if (CREDENTIAL_ERRORS.contains(code)) {
        throw new SecretStoreException(
            SecretStoreException.Reason.PERMISSION_DENIED,
            "Secrets Manager rejected the credentials for "
                + where
                + ": they are expired, unknown or wrongly signed",
            null);
      }
      throw new IllegalStateException(
          "Secrets Manager failed " + where + ", HTTP " + e.statusCode(), null);
    } catch (SdkClientException e) {
      throw new UncheckedIOException(
          action + " on secret " + secretId + " failed before an answer",
          new java.io.IOException(e.getClass().getSimpleName() + ": " + e.getMessage()));
    } catch (SdkException e) {
      throw new IllegalStateException(action + " on secret " + secretId + " failed", null);
    }
  }
}
