package dev.keyward.servlet;

import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Decides one request's key: the credential, the cache, the breaker, then Unkey. */
final class Authenticator {
  private final Unkey unkey;
  private final CredentialReader credentials;
  private final @Nullable String header;
  private final @Nullable VerificationCache cache;
  private final int usageExceededStatus;
  private final VerificationListener listener;
  private final Degradation degradation;

  Authenticator(
      Unkey unkey,
      CredentialReader credentials,
      @Nullable String header,
      @Nullable VerificationCache cache,
      int usageExceededStatus,
      VerificationListener listener,
      Degradation degradation) {
    this.unkey = unkey;
    this.credentials = credentials;
    this.header = header;
    this.cache = cache;
    this.usageExceededStatus = usageExceededStatus;
    this.listener = listener;
    this.degradation = degradation;
  }

  /**
   * Decides the request: no usable key → reject without a call; a cache hit; the open breaker →
   * {@code policy} at once; else Unkey verifies (a failure to answer → {@code policy}).
   */
  Outcome authenticate(HttpServletRequest request, Requirement requirement, DegradedPolicy policy) {
    CredentialReader.Credential credential = credentials.read(request);
    if (credential.status == CredentialReader.Status.MISSING) {
      listener.missingKey(false);
      return Outcome.reject(header == null ? Rejection.missingKey() : Rejection.missingKey(header));
    }
    if (credential.status == CredentialReader.Status.MALFORMED || credential.key == null) {
      listener.missingKey(true);
      return Outcome.reject(Rejection.malformedKey());
    }
    Secret key = credential.key;
    VerificationCache verificationCache = cache;
    String hash = verificationCache != null || degradation.needsHash() ? key.hash() : "";
    if (verificationCache != null) {
      VerificationCache.Entry hit = verificationCache.lookup(hash, requirement.cacheQuery());
      if (hit != null) {
        listener.verified(hit.verification.code(), true);
        return hit.key != null
            ? Outcome.pass(hit.key, null)
            : Outcome.decide(hit.verification, usageExceededStatus);
      }
    }
    CircuitBreaker breaker = degradation.breaker;
    if (breaker.acquire() == CircuitBreaker.Permit.REFUSE) {
      return degradation.apply(policy, hash, requirement, null);
    }
    Verification result;
    try {
      result = unkey.keys().verify(requirement.toRequest(key));
    } catch (UnkeyException e) {
      if (Degradation.isOutage(e)) {
        breaker.failure();
        return degradation.apply(policy, hash, requirement, e);
      }
      breaker.success(); // Unkey answered, if with an error no policy covers
      return degradation.misconfigured(e);
    } catch (IllegalArgumentException e) {
      // Not the key's length or characters (the credential reader refused those) nor the
      // requirement (checked when it was built): only an Unkey implementation that rejects the
      // request before sending it gets here, and the key is answered as malformed.
      listener.missingKey(true);
      return Outcome.reject(Rejection.malformedKey());
    }
    breaker.success();
    degradation.recovered();
    degradation.record(hash, result);
    if (verificationCache != null) {
      verificationCache.offer(hash, requirement.cacheQuery(), result);
    }
    listener.verified(result.code(), false);
    return Outcome.decide(result, usageExceededStatus);
  }
}
