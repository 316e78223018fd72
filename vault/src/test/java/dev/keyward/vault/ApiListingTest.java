package dev.keyward.vault;

import dev.keyward.apilisting.ApiListingCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** keyward-vault's exported API matches vault/api/keyward-leak.api (STYLE.md 10). */
class ApiListingTest {
  @Test
  void publicApiMatchesCheckedInListing() throws IOException {
    ApiListingCheck.fromSystemProperties().run();
  }
}
