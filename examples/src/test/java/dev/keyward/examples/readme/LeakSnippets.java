package dev.keyward.examples.readme;

import dev.keyward.Unkey;
import dev.keyward.leak.GitHubKeySource;
import dev.keyward.leak.GitHubSignatureVerifier;
import dev.keyward.leak.LeakDedupeStore;
import dev.keyward.leak.LeakNotice;
import dev.keyward.leak.SecretScanningReceiver;
import dev.keyward.servlet.SecretScanningServlet;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.file.Path;

/** The README's leak-intake block: GitHub's secret-scanning reports into a servlet container. */
final class LeakSnippets {
  /** Tells a key's owner what happened. */
  interface Mailer {
    void tell(LeakNotice notice);
  }

  private LeakSnippets() {}

  static SecretScanningReceiver intake(Unkey unkey, Mailer mailer, ServletContext servletContext)
      throws IOException {
    // readme:begin leak-intake
    var github = new GitHubSignatureVerifier(GitHubKeySource.builder().build()); // cached 1 h
    SecretScanningReceiver receiver =
        SecretScanningReceiver.builder(unkey, github)
            .apiKeyPrefixes("sk_live") // revokes; .apiKeyAction(REROLL) expires and replaces
            .dedupeStore(LeakDedupeStore.file(Path.of("/var/lib/billing/leaks.log")))
            .notifier(notice -> mailer.tell(notice)) // key id, owner, URL, outcome
            .build();
    servletContext.addServlet("leaks", new SecretScanningServlet(receiver)).addMapping("/leaks");
    // readme:end leak-intake
    return receiver;
  }
}
