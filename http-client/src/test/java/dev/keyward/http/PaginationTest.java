package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.model.Identity;
import dev.keyward.model.ListIdentitiesRequest;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  ValidatingDispatcher answers;
  UnkeyHttpClient client;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    FakeTime time = new FakeTime();
    client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .clock(time)
            .sleeper(time)
            .build();
  }

  @AfterEach
  void validated() {
    if (answers != null) { // null when a missing spec skipped the test in setUp
      answers.assertValid();
    }
  }

  static String identity(String n) {
    return "{\"id\":\"id_" + n + "\",\"externalId\":\"user_" + n + "\"}";
  }

  @Test
  void allPagesAreFetchedLazilyFollowingTheCursor() throws Exception {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_p1\"},\"data\":["
            + identity("1")
            + ","
            + identity("2")
            + "],\"pagination\":{\"cursor\":\"cur_2\",\"hasMore\":true}}");
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_p2\"},\"data\":["
            + identity("3")
            + "],\"pagination\":{\"hasMore\":false}}");

    var all = client.identities().listAll(ListIdentitiesRequest.builder().limit(2).build());
    assertThat(server.getRequestCount()).isZero();
    List<String> ids = all.stream().map(Identity::externalId).toList();

    assertThat(ids).containsExactly("user_1", "user_2", "user_3");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"limit\":2}");
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("{\"limit\":2,\"cursor\":\"cur_2\"}");
  }

  @Test
  void hasMoreWithoutACursorThrowsInsteadOfLooping() {
    answers.enqueue(
        200,
        "{\"meta\":{\"requestId\":\"req_p1\"},\"data\":["
            + identity("1")
            + "],\"pagination\":{\"hasMore\":true}}");
    var all = client.identities().listAll(ListIdentitiesRequest.of());
    assertThatThrownBy(() -> all.stream().toList()).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
