package dev.keyward.canary;

/**
 * The literal JSON answers of {@link OperationRows}: Unkey's envelope around values that echo the
 * canaries wherever the spec lets a key appear. Written by hand, never by keyward's adapters.
 */
final class CannedAnswers {
  private CannedAnswers() {}

  static final String PERMISSION =
      "{\"id\":\"perm_1\",\"name\":\"Read\",\"slug\":\"documents.read\",\"description\":\"d\"}";
  static final String ROLE =
      "{\"id\":\"role_1\",\"name\":\"reader\",\"description\":\"r\",\"permissions\":["
          + PERMISSION
          + "]}";
  static final String IDENTITY =
      "{\"id\":\"id_1\",\"externalId\":\"user_42\",\"meta\":{\"plan\":\"pro\"},"
          + "\"ratelimits\":[{\"id\":\"rl_12345678\",\"name\":\"requests\",\"limit\":10,\"duration\":60000,\"autoApply\":false}]}";
  static final String OVERRIDE =
      "{\"overrideId\":\"rlor_1\",\"duration\":60000,\"identifier\":\"user_42\",\"limit\":5}";
  static final String ROOT_KEY =
      "{\"keyId\":\"key_root1\",\"start\":\"unkey_3ZZ8\",\"name\":\"deploy\","
          + "\"permissions\":[\"api.*.verify_key\"],\"createdAt\":1700000000000}";
  static final String MORE = ",\"pagination\":{\"cursor\":\"next_1\",\"hasMore\":true}";
  static final String LAST = ",\"pagination\":{\"hasMore\":false}";

  static String data(String data) {
    return "{\"meta\":{\"requestId\":\"req_canary\"},\"data\":" + data + "}";
  }

  static String list(String items, String pagination) {
    return "{\"meta\":{\"requestId\":\"req_canary\"},\"data\":[" + items + "]" + pagination + "}";
  }

  /** A key as getKey/whoami/listKeys return it; {@code plaintext} only when decrypting. */
  static String keyInfo(String keyId, Canary shown, boolean plaintext) {
    return "{\"keyId\":\""
        + keyId
        + "\",\"start\":\""
        + shown.secret().start()
        + "\",\"enabled\":true,\"name\":\"acme\","
        + "\"meta\":{\"n\":1},\"createdAt\":1700000000000,\"permissions\":[\"documents.read\"],\"roles\":[\"reader\"],"
        + "\"credits\":{\"remaining\":5,\"refill\":{\"interval\":\"daily\",\"amount\":5}},"
        + "\"identity\":{\"id\":\"id_1\",\"externalId\":\"user_42\"}"
        + (plaintext ? ",\"plaintext\":\"" + shown.value() + "\"" : "")
        + "}";
  }

  static String created(String keyId, Canary key) {
    return data("{\"keyId\":\"" + keyId + "\",\"key\":\"" + key.value() + "\"}");
  }

  static String verification(String keyId) {
    return data(
        "{\"valid\":true,\"code\":\"VALID\",\"keyId\":\""
            + keyId
            + "\",\"name\":\"acme\",\"permissions\":[\"documents.read\"]}");
  }

  /** Three keys of {@code api_123} as listKeys returns them when decrypting: plaintext included. */
  static String decryptedKeys(ClientCanaries k) {
    return keyInfo("key_1", k.apiRegistered, true)
        + ","
        + keyInfo("key_2", k.apiUnregistered, true)
        + ","
        + keyInfo("key_3", k.apiBare, true);
  }
}
