package dev.keyward.http.internal;

import com.squareup.moshi.JsonReader;

/**
 * Every member name the codecs read, as one {@link JsonReader.Options}: {@link WireReader} matches
 * these names against the bytes without allocating a String (as Moshi's generated adapters do) and
 * puts the interned constant below into the tree, so {@link WireObject}'s lookups compare by
 * identity. {@code WireNamesTest} checks that every name the codecs pass to {@link WireObject} or
 * {@link WireWriter} is listed; an unlisted name is still read, only through {@code nextName()}.
 */
final class WireNames {
  /** The names, in {@link #OPTIONS}' order. */
  static final String[] NAMES = {
    // envelope and errors
    "meta",
    "requestId",
    "data",
    "pagination",
    "cursor",
    "hasMore",
    "error",
    "errors",
    "title",
    "detail",
    "status",
    "type",
    "location",
    "message",
    "fix",
    // keys.verifyKey's answer first: the hot path
    "valid",
    "code",
    "keyId",
    "name",
    "expires",
    "credits",
    "enabled",
    "permissions",
    "roles",
    "identity",
    "ratelimits",
    "id",
    "externalId",
    "exceeded",
    "limit",
    "duration",
    "reset",
    "remaining",
    "autoApply",
    // everything else, alphabetically
    "amount",
    "apiId",
    "byteLength",
    "cost",
    "createdAt",
    "decrypt",
    "description",
    "expiration",
    "failed",
    "hash",
    "identifier",
    "identityId",
    "interval",
    "key",
    "keys",
    "lastUsedAt",
    "limits",
    "migrated",
    "migrationId",
    "namespace",
    "operation",
    "overrideId",
    "passed",
    "permanent",
    "permission",
    "permissionId",
    "plaintext",
    "prefix",
    "query",
    "recoverable",
    "refill",
    "refillDay",
    "revalidateKeysCache",
    "role",
    "roleId",
    "search",
    "slug",
    "start",
    "success",
    "tags",
    "updatedAt",
    "value",
  };

  /** {@link #NAMES} for {@link JsonReader#selectName}. */
  static final JsonReader.Options OPTIONS = JsonReader.Options.of(NAMES);

  private WireNames() {}
}
