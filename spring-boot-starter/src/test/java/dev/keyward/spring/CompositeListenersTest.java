package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.EventListener;
import dev.keyward.servlet.VerificationListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The composites fan out every callback: a callback added to a listener interface and not forwarded
 * would silently drop events (it happened: circuit transitions never reached metrics).
 */
class CompositeListenersTest {
  static List<String> notForwarded(Class<?> iface, Class<?> composite) {
    List<String> missing = new ArrayList<>();
    for (Method m : iface.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      try {
        Method impl = composite.getDeclaredMethod(m.getName(), m.getParameterTypes());
        assertThat(impl.getDeclaringClass()).isEqualTo(composite);
      } catch (NoSuchMethodException e) {
        missing.add(m.getName());
      }
    }
    return missing;
  }

  @Test
  void verificationListenerCallbacksAreAllForwarded() {
    assertThat(notForwarded(VerificationListener.class, CompositeVerificationListener.class))
        .isEmpty();
  }

  @Test
  void eventListenerCallbacksAreAllForwarded() {
    assertThat(notForwarded(EventListener.class, CompositeEventListener.class)).isEmpty();
  }

  @Test
  void theCheckTripsOnAnInterfaceWithAnUnforwardedMethod() {
    interface Wider extends VerificationListener {
      default void somethingNew() {}
    }
    assertThat(notForwarded(Wider.class, CompositeVerificationListener.class))
        .containsExactly("somethingNew");
  }
}
