package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {
  private static final Map<String, String> HEADERS =
      Map.of("Authorization", "Bearer unkey_test", "Content-Type", "application/json");

  @Test
  void acceptsAValidCreateKeyExchange() {
    SpecValidator v = SpecValidator.get();
    assertThatCode(
            () ->
                v.validateRequest("POST", "/v2/keys.createKey", HEADERS, "{\"apiId\":\"api_123\"}"))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                v.validateResponse(
                    "POST",
                    "/v2/keys.createKey",
                    200,
                    "application/json",
                    "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"keyId\":\"key_1\",\"key\":\"sk_abc\"}}"))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsARequestWithAPropertyTheSchemaLacks() {
    SpecValidator v = SpecValidator.get(); // outside any lambda: a missing spec skips
    assertThatThrownBy(
            () ->
                v.validateRequest(
                    "POST",
                    "/v2/keys.createKey",
                    HEADERS,
                    "{\"apiId\":\"api_123\",\"colour\":\"red\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("keys.createKey");
  }

  @Test
  void rejectsARequestMissingARequiredField() {
    SpecValidator v = SpecValidator.get(); // outside any lambda: a missing spec skips
    assertThatThrownBy(() -> v.validateRequest("POST", "/v2/keys.verifyKey", HEADERS, "{}"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsAResponseMissingData() {
    SpecValidator v = SpecValidator.get(); // outside any lambda: a missing spec skips
    assertThatThrownBy(
            () ->
                v.validateResponse(
                    "POST",
                    "/v2/keys.createKey",
                    200,
                    "application/json",
                    "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"keyId\":\"key_1\"}}"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void validatesRootKeyTrafficAgainstTheExtensionSpec() {
    SpecValidator v = SpecValidator.get();
    assertThatCode(
            () ->
                v.validateRequest(
                    "POST",
                    "/v2/rootKeys.createRootKey",
                    HEADERS,
                    "{\"permissions\":[\"api.*.verify_key\"]}"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                v.validateRequest(
                    "POST", "/v2/rootKeys.createRootKey", HEADERS, "{\"permissions\":[]}"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                v.validateResponse(
                    "POST",
                    "/v2/rootKeys.getRootKey",
                    200,
                    "application/json",
                    "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"keyId\":\"key_1\"}}"))
        .isInstanceOf(AssertionError.class);
  }
}
