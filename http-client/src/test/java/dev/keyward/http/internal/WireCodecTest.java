package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.Problem;
import dev.keyward.ValidationError;
import dev.keyward.model.Ack;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreditsUpdate;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Patch;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.permission.Operation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCodecTest {
  @Test
  void patchClearIsWrittenAsJsonNull() {
    UpdateKeyRequest r =
        UpdateKeyRequest.builder("key_12345678").clearName().clearExpires().clearCredits().build();
    assertThat(KeyCodecs.UPDATE_KEY.encodeRequest(r).utf8())
        .isEqualTo("{\"keyId\":\"key_12345678\",\"name\":null,\"expires\":null,\"credits\":null}");
  }

  @Test
  void patchAbsentIsNotWrittenAndDecodesBackToAbsent() {
    String body = "{\"keyId\":\"key_12345678\",\"meta\":null}";
    UpdateKeyRequest r =
        (UpdateKeyRequest) WireCodec.decodeRequest(Operation.KEYS_UPDATE_KEY, body);
    assertThat(r.meta()).isEqualTo(Patch.clear());
    assertThat(r.name()).isEqualTo(Patch.absent());
    assertThat(WireCodec.encodeRequest(Operation.KEYS_UPDATE_KEY, r)).isEqualTo(body);
  }

  @Test
  void creditsUpdateClearsRemainingWithNull() {
    UpdateKeyRequest r =
        UpdateKeyRequest.builder("key_12345678").credits(CreditsUpdate.unlimited()).build();
    assertThat(KeyCodecs.UPDATE_KEY.encodeRequest(r).utf8())
        .isEqualTo("{\"keyId\":\"key_12345678\",\"credits\":{\"remaining\":null}}");
  }

  @Test
  void metaNumbersKeepTheirKindAndReEncodeUnchanged() {
    String body =
        "{\"apiId\":\"api_12345678\",\"meta\":{\"big\":9007199254740993,\"small\":-3,\"frac\":1.50,"
            + "\"huge\":123456789012345678901234567890,\"nested\":{\"list\":[1,2.5,null,true]}}}";
    CreateKeyRequest r =
        (CreateKeyRequest) WireCodec.decodeRequest(Operation.KEYS_CREATE_KEY, body);
    assertThat(r.meta())
        .containsEntry("big", 9007199254740993L)
        .containsEntry("small", -3L)
        .containsEntry("frac", new BigDecimal("1.50"))
        .containsEntry("huge", new BigDecimal("123456789012345678901234567890"));
    assertThat(WireCodec.encodeRequest(Operation.KEYS_CREATE_KEY, r)).isEqualTo(body);
  }

  @Test
  void emptyCursorIsNeverSent() {
    String answer =
        "{\"meta\":{\"requestId\":\"req_c\"},\"data\":[],\"pagination\":{\"cursor\":\"\",\"hasMore\":false}}";
    dev.keyward.model.Page<?> page =
        (dev.keyward.model.Page<?>) WireCodec.decodeResponse(Operation.APIS_LIST_KEYS, answer);
    assertThat(page.cursor()).isEmpty();
    assertThat(WireCodec.encodeResponse(Operation.APIS_LIST_KEYS, page)).doesNotContain("cursor");
    ListKeysRequest first =
        ListKeysRequest.builder("api_12345678").build().withCursor(page.cursor().orElse(null));
    assertThat(ApiCodecs.LIST_KEYS.encodeRequest(first).utf8()).doesNotContain("cursor");
  }

  @Test
  void responseWithoutDataIsValidForDeleteIdentity() {
    Ack ack =
        (Ack)
            WireCodec.decodeResponse(
                Operation.IDENTITIES_DELETE_IDENTITY, "{\"meta\":{\"requestId\":\"req_d\"}}");
    assertThat(ack.requestId()).isEqualTo("req_d");
    assertThat(WireCodec.encodeResponse(Operation.IDENTITIES_DELETE_IDENTITY, ack))
        .isEqualTo("{\"meta\":{\"requestId\":\"req_d\"}}");
  }

  @Test
  void notFoundVerificationEncodesOnlyValidAndCode() {
    Verification v = Verification.builder(Verification.Code.NOT_FOUND).requestId("req_n").build();
    assertThat(WireCodec.encodeResponse(Operation.KEYS_VERIFY_KEY, v))
        .isEqualTo(
            "{\"meta\":{\"requestId\":\"req_n\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}");
  }

  @Test
  void errorEnvelopeRoundTrips() {
    Problem p =
        new Problem(
            400,
            "https://unkey.com/docs/errors/unkey/application/invalid_input",
            "Bad Request",
            "apiId is invalid",
            "req_e",
            List.of(new ValidationError("body.apiId", "too short", "use api_")));
    String json = WireCodec.encodeError(p);
    assertThat(json)
        .isEqualTo(
            "{\"meta\":{\"requestId\":\"req_e\"},\"error\":{\"title\":\"Bad"
                + " Request\",\"detail\":\"apiId is"
                + " invalid\",\"status\":400,\"type\":\"https://unkey.com/docs/errors/unkey/application/invalid_input\",\"errors\":[{\"location\":\"body.apiId\",\"message\":\"too"
                + " short\",\"fix\":\"use api_\"}]}}");
    Problem back = WireCodec.decodeError(400, json, null);
    assertThat(back.type()).isEqualTo(p.type());
    assertThat(back.detail()).isEqualTo("apiId is invalid");
    assertThat(back.requestId()).isEqualTo("req_e");
    assertThat(back.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.fix()).isEqualTo("use api_"));
  }

  @Test
  void flatProblemJsonIsReadToo() {
    Problem p =
        WireCodec.decodeError(
            429,
            "{\"type\":\"about:blank\",\"title\":\"Too Many\",\"status\":429,\"detail\":\"d\"}",
            "req_h");
    assertThat(p.title()).isEqualTo("Too Many");
    assertThat(p.requestId()).isEqualTo("req_h");
  }

  @Test
  void malformedJsonNeverEchoesInput() {
    String secret = "sk_secretValue123456";
    assertThatThrownBy(
            () ->
                WireCodec.decodeRequest(
                    Operation.KEYS_VERIFY_KEY, "{\"key\":\"" + secret + "\" oops}"))
        .isInstanceOf(WireFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
        .hasNoCause();
    assertThatThrownBy(() -> WireCodec.decodeRequest(Operation.KEYS_VERIFY_KEY, "{\"key\":42}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("body.key");
  }

  @Test
  void valuesOutsideTheSpecsLimitsAreRejectedLikeTheBuilders() {
    assertThatThrownBy(
            () ->
                WireCodec.decodeRequest(
                    Operation.KEYS_CREATE_KEY, "{\"apiId\":\"api_12345678\",\"byteLength\":8}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byteLength");
  }

  @Test
  void rowsKeepArbitraryColumns() {
    String json =
        "{\"meta\":{\"requestId\":\"req_a\"},\"data\":[{\"outcome\":\"VALID\",\"count\":3}]}";
    Object rows = WireCodec.decodeResponse(Operation.ANALYTICS_GET_VERIFICATIONS, json);
    assertThat(WireCodec.encodeResponse(Operation.ANALYTICS_GET_VERIFICATIONS, rows))
        .isEqualTo(json);
    assertThat(((dev.keyward.model.VerificationRows) rows).rows().get(0))
        .isEqualTo(Map.of("outcome", "VALID", "count", 3L));
  }

  @Test
  void verificationIsReadInAnyOrderWithNullsAndNewFields() {
    String json =
        "{\"data\":{\"code\":\"VALID\",\"valid\":true,\"name\":null,\"futureField\":{\"x\":[1]},"
            + "\"meta\":{\"n\":12345678901234567},\"identity\":{\"id\":\"id_1\",\"externalId\":\"u\"}},"
            + "\"meta\":{\"requestId\":\"req_o\"}}";
    Verification v = (Verification) WireCodec.decodeResponse(Operation.KEYS_VERIFY_KEY, json);
    assertThat(v.valid()).isTrue();
    assertThat(v.name()).isNull();
    assertThat(v.meta()).containsEntry("n", 12345678901234567L);
    assertThat(v.identity().externalId()).isEqualTo("u");
    assertThat(v.requestId()).isEqualTo("req_o");
  }

  @Test
  void verificationWithoutCodeOrWithAWrongTypeIsAWireFormatError() {
    assertThatThrownBy(
            () ->
                WireCodec.decodeResponse(
                    Operation.KEYS_VERIFY_KEY,
                    "{\"meta\":{\"requestId\":\"r\"},\"data\":{\"valid\":true}}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("code");
    assertThatThrownBy(
            () ->
                WireCodec.decodeResponse(
                    Operation.KEYS_VERIFY_KEY,
                    "{\"meta\":{\"requestId\":\"r\"},\"data\":{\"valid\":\"sk_secret12345678\",\"code\":\"VALID\"}}"))
        .isInstanceOf(WireFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk_secret12345678"));
  }
}
