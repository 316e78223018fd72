/**
 * AWS Secrets Manager for keyward: {@link dev.keyward.aws.SecretsManagerStore} is a {@link
 * dev.keyward.rotation.VersionedSecretStore} whose versions are {@code VersionId}s (the idempotency
 * token sent as {@code ClientRequestToken}) and whose stages are the staging labels AWSPENDING,
 * AWSCURRENT and AWSPREVIOUS; {@link dev.keyward.aws.SecretsManagerRotationFunction} runs a
 * root-key rotation as a Secrets Manager rotation function (createSecret, setSecret, testSecret,
 * finishSecret).
 */
@NullMarked
package dev.keyward.aws;

import org.jspecify.annotations.NullMarked;
