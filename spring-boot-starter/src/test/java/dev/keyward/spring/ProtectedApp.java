package dev.keyward.spring;

import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.VerifiedKey;
import java.security.Principal;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal application protected by the starter, written as the README shows: no
 * {@code @EnableMethodSecurity}, the starter enables method security.
 */
@SpringBootApplication
class ProtectedApp {
  @RestController
  static class Documents {
    @GetMapping("/documents/list")
    String list(Principal principal, @RequestAttribute(VerifiedKey.ATTRIBUTE) VerifiedKey key) {
      return "key=" + principal.getName() + " externalId=" + key.externalId();
    }

    @GetMapping("/documents/write")
    @PreAuthorize("@keyward.has('documents.write')")
    String write() {
      return "written";
    }

    @GetMapping("/status")
    String status(
        @RequestAttribute(name = ApiKeyFilter.FAILED_OPEN_ATTRIBUTE, required = false)
            Boolean failedOpen) {
      return Boolean.TRUE.equals(failedOpen) ? "status (unverified)" : "status";
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('reports.read')")
    String reports() {
      return "reports";
    }
  }
}
