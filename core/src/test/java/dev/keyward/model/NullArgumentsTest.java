package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.permission.PermissionQuery;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Finding 5: every public factory, record constructor and builder setter of {@code
 * dev.keyward.model}, walked by reflection, answers a null argument (or a list holding a null) with
 * an exception whose message starts with the field's name ({@code name}, {@code permissions[0]},
 * ...), never a bare {@link NullPointerException}. A parameter annotated {@code @Nullable} may take
 * null.
 */
class NullArgumentsTest {
  private static final String ID = "key_1234567890";
  private static final Pattern FIELD_FIRST =
      Pattern.compile(
          "[a-z][A-Za-z]*(\\[\\d+])?(\\.[a-z][A-Za-z]*)? must (not be null|be one of)\\b.*");

  private final List<String> failures = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private int checked;

  @Test
  void everyNullIsNamed() throws Exception {
    for (Class<?> type : modelClasses()) {
      for (Method m : type.getMethods()) {
        boolean enumName = type.isEnum() && m.getName().equals("valueOf"); // Java's own
        if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type && !enumName) {
          walk(type.getSimpleName() + "." + m.getName(), m, null, null);
        }
      }
      if (type.isRecord()) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types =
            Stream.of(components).map(RecordComponent::getType).toArray(Class[]::new);
        Constructor<?> canonical = type.getConstructor(types);
        String[] names = Stream.of(components).map(RecordComponent::getName).toArray(String[]::new);
        walk("new " + type.getSimpleName(), canonical, null, names);
      }
      if (type.getSimpleName().equals("Builder")) {
        Object builder = newBuilder(type);
        if (builder == null) {
          skipped.add(type.getName() + ": no builder factory");
          continue;
        }
        for (Method m : type.getMethods()) {
          if (m.getDeclaringClass() == type
              && !Modifier.isStatic(m.getModifiers())
              && m.getParameterCount() == 1) {
            walk(type.getName() + "." + m.getName(), m, type, new String[] {m.getName()});
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(skipped).as("executables without samples").isEmpty();
    assertThat(checked).as("null checks performed").isGreaterThan(200);
  }

  private void walk(String label, Executable e, @Nullable Class<?> builderType, String[] names)
      throws Exception {
    Type[] types = e.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = sample(types[i]);
      if (args[i] == null) {
        skipped.add(label + ": no sample for " + types[i]);
        return;
      }
    }
    if (builderType == null && types.length > 1 && invoke(e, null, args) instanceof Throwable t) {
      skipped.add(label + ": samples rejected: " + t);
      return;
    }
    for (int i = 0; i < types.length; i++) {
      if (e.getParameterTypes()[i].isPrimitive()
          || e.getAnnotatedParameterTypes()[i].isAnnotationPresent(Nullable.class)) {
        continue;
      }
      String field = names == null ? null : names[i];
      Object[] withNull = args.clone();
      withNull[i] = null;
      check(label + " arg " + i + " = null", e, builderType, withNull, field, false);
      if (args[i] instanceof List<?>) {
        withNull[i] = Collections.singletonList(null);
        check(label + " arg " + i + " = [null]", e, builderType, withNull, field, true);
      }
    }
  }

  private void check(
      String label,
      Executable e,
      @Nullable Class<?> builderType,
      Object[] args,
      @Nullable String field,
      boolean element)
      throws Exception {
    checked++;
    Object target = builderType == null ? null : newBuilder(builderType);
    Object result = invoke(e, target, args);
    if (!(result instanceof Throwable) && target != null) {
      result = invoke(builderType.getMethod("build"), target, new Object[0]);
    }
    if (!(result instanceof Throwable t)) {
      return; // null accepted, and nothing fails later
    }
    String message = t.getMessage();
    boolean typed = t instanceof NullPointerException || t instanceof IllegalArgumentException;
    boolean named =
        message != null
            && FIELD_FIRST.matcher(message).matches()
            && (field == null || message.startsWith(field + (element ? "[" : " ")))
            && (!element || message.matches("^\\w+(\\.\\w+)?\\[0].*"));
    if (!typed || !named) {
      failures.add(label + " -> " + t.getClass().getSimpleName() + ": " + message);
    }
  }

  private static @Nullable Object invoke(Executable e, @Nullable Object target, Object[] args)
      throws Exception {
    try {
      return e instanceof Method m
          ? m.invoke(target, args)
          : ((Constructor<?>) e).newInstance(args);
    } catch (InvocationTargetException ite) {
      return ite.getCause();
    }
  }

  /** A builder from the first static method of the enclosing class that returns one. */
  private static @Nullable Object newBuilder(Class<?> builderType) throws Exception {
    for (Method m : builderType.getEnclosingClass().getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == builderType) {
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = sample(m.getGenericParameterTypes()[i]);
        }
        Object b = invoke(m, null, args);
        if (b != null && builderType.isInstance(b)) {
          return b;
        }
      }
    }
    return null;
  }

  private static @Nullable Object sample(Type type) throws Exception {
    if (!(type instanceof Class<?>) && !(type instanceof ParameterizedType)) {
      return ID; // a type variable such as Patch.set's T
    }
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      Object one = element instanceof Class<?> ? sample(element) : null;
      return one == null ? List.of() : List.of(one);
    }
    if (raw == int.class || raw == Integer.class) {
      return 16;
    }
    if (raw == long.class || raw == Long.class) {
      return 16L;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    Map<Class<?>, Object> fixed =
        Map.ofEntries(
            Map.entry(String.class, ID),
            Map.entry(Map.class, Map.of()),
            Map.entry(Secret.class, Secret.of("sk_live_3ZxKq8mPv7RtWbN2cYhJdE")),
            Map.entry(Duration.class, Duration.ofMinutes(1)),
            Map.entry(Instant.class, Instant.EPOCH),
            Map.entry(PermissionQuery.class, PermissionQuery.parse("a.b")),
            Map.entry(Patch.class, Patch.absent()),
            Map.entry(Optional.class, Optional.empty()),
            Map.entry(Function.class, (Function<Object, Object>) x -> null),
            Map.entry(Credits.class, Credits.of(1)),
            Map.entry(CreditsUpdate.class, CreditsUpdate.unlimited()),
            Map.entry(Refill.class, Refill.daily(1)),
            Map.entry(RateLimit.class, RateLimit.of("requests", 10, Duration.ofMinutes(1), true)),
            Map.entry(RatelimitCheck.class, RatelimitCheck.named("requests")),
            Map.entry(LimitRequest.class, LimitRequest.of("ns", ID, 10, Duration.ofMinutes(1))),
            Map.entry(MigratedKey.class, MigratedKey.builder("sha256_abc").build()));
    if (fixed.containsKey(raw)) {
      return fixed.get(raw);
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] args = new Object[components.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = sample(components[i].getGenericType());
      }
      Constructor<?> c =
          raw.getConstructor(
              Stream.of(components).map(RecordComponent::getType).toArray(Class[]::new));
      return invoke(c, null, args) instanceof Throwable ? null : c.newInstance(args);
    }
    return null;
  }

  private static List<Class<?>> modelClasses() throws Exception {
    Path root = Path.of(Patch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("dev/keyward/model"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> c = Class.forName("dev.keyward.model." + name.replace(".class", ""));
          if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass()) {
            classes.add(c);
          }
        }
      }
    }
    return classes;
  }
}
