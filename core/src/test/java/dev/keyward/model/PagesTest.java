package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.Apis;
import dev.keyward.Identities;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagesTest {
  private final List<Optional<String>> fetched = new ArrayList<>();

  private Function<Optional<String>, Page<Integer>> pages(List<Page<Integer>> answers) {
    return cursor -> {
      fetched.add(cursor);
      return answers.get(fetched.size() - 1);
    };
  }

  @Test
  void nothingIsFetchedBeforeIteration() {
    Pages<Integer> all =
        Pages.iterate(pages(List.of(new Page<>(List.of(1), false, null, "req_1"))));
    assertThat(fetched).isEmpty();
    assertThat(all.stream().limit(1).toList()).containsExactly(1);
    assertThat(fetched).hasSize(1);
  }

  @Test
  void followsCursorsAndStopsWhenNoMore() {
    Pages<Integer> all =
        Pages.iterate(
            pages(
                List.of(
                    new Page<>(List.of(1, 2), true, "c1", "req_1"),
                    new Page<>(List.of(), true, "c2", "req_2"),
                    new Page<>(List.of(3), false, "ignored", "req_3"))));
    assertThat(all).containsExactly(1, 2, 3);
    assertThat(fetched).containsExactly(Optional.empty(), Optional.of("c1"), Optional.of("c2"));
  }

  @Test
  void hasMoreWithoutCursorThrowsInsteadOfLooping() {
    Pages<Integer> all = Pages.iterate(pages(List.of(new Page<>(List.of(1), true, "", "req_9"))));
    assertThatThrownBy(() -> all.stream().toList())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("req_9");
    assertThat(fetched).hasSize(1);
  }

  @Test
  void listKeysAllSendsTheRequestThenEachCursorNeverEmpty() {
    List<ListKeysRequest> sent = new ArrayList<>();
    KeyInfo key = KeyInfo.builder("key_1", "sk_abcd", true, Instant.EPOCH).build();
    Apis apis =
        new Apis() {
          @Override
          public Page<KeyInfo> listKeys(ListKeysRequest request) {
            sent.add(request);
            return sent.size() == 1
                ? new Page<>(List.of(key), true, "cur_2", "req_1")
                : new Page<>(List.of(key), false, null, "req_2");
          }

          @Override
          public CreatedApi create(CreateApiRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public ApiInfo get(GetApiRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Ack delete(DeleteApiRequest request) {
            throw new UnsupportedOperationException();
          }
        };
    ListKeysRequest first =
        ListKeysRequest.builder("api_1").limit(7).decrypt(true).externalId("user_1").build();
    Pages<KeyInfo> all = apis.listKeysAll(first);
    assertThat(sent).isEmpty();
    assertThat(all.stream().count()).isEqualTo(2);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isSameAs(first);
    assertThat(sent.get(1).cursor()).isEqualTo("cur_2");
    assertThat(sent.get(1).limit()).isEqualTo(7);
    assertThat(sent.get(1).decrypt()).isTrue();
    assertThat(sent.get(1).externalId()).isEqualTo("user_1");
    assertThat(sent).allSatisfy(r -> assertThat(r.cursor()).isNotEqualTo(""));
  }

  @Test
  void pagedDefaultsStartFromTheRequestCursor() {
    List<ListIdentitiesRequest> sent = new ArrayList<>();
    Identities identities =
        (Identities)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Identities.class},
                (proxy, method, args) -> {
                  if (method.isDefault()) {
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  sent.add((ListIdentitiesRequest) args[0]);
                  return new Page<Identity>(List.of(), false, null, "req_1");
                });
    identities
        .listAll(ListIdentitiesRequest.builder().cursor("resume_here").build())
        .iterator()
        .hasNext();
    assertThat(sent).extracting(ListIdentitiesRequest::cursor).containsExactly("resume_here");
  }
}
