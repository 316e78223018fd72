package dev.keyward.apilisting;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the public API of one compiled module: every public (or protected nested) type of an
 * exported package and each of its public and protected members, one declaration per line.
 *
 * <p>Exported packages are the unqualified {@code exports} of {@code module-info.class}; a module
 * without one (an automatic module) exports every package. Types are ordered by binary name, each
 * header followed by its members (fields, constructors, methods, each group ordered by name and
 * then by text), indented by two spaces. Synthetic and bridge members are left out, so the listing
 * is the same on every run.
 */
public final class ApiListing {
  private static final int MEMBER_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT;

  private ApiListing() {}

  /**
   * Lists the API of the classes compiled to {@code classesDir}, loading them with {@code loader}.
   */
  public static List<String> of(Path classesDir, ClassLoader loader) throws IOException {
    Set<String> packages = exportedPackages(classesDir);
    List<Class<?>> types = new ArrayList<>();
    for (String name : classNames(classesDir, packages)) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("class file without a loadable class: " + name, e);
      }
      if (isApi(type)) {
        types.add(type);
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    List<String> lines = new ArrayList<>();
    for (Class<?> type : types) {
      lines.add(header(type));
      members(type).forEach(member -> lines.add("  " + member));
    }
    return lines;
  }

  /**
   * Returns the packages that {@code classesDir} exports to everyone: the unqualified exports of
   * its {@code module-info.class}, or every package that holds a class when there is none.
   */
  public static Set<String> exportedPackages(Path classesDir) throws IOException {
    Path moduleInfo = classesDir.resolve("module-info.class");
    Set<String> packages = new TreeSet<>();
    if (Files.exists(moduleInfo)) {
      try (InputStream in = Files.newInputStream(moduleInfo)) {
        for (ModuleDescriptor.Exports export : ModuleDescriptor.read(in).exports()) {
          if (!export.isQualified()) {
            packages.add(export.source());
          }
        }
      }
      return packages;
    }
    for (String className : classNames(classesDir, null)) {
      int dot = className.lastIndexOf('.');
      packages.add(dot < 0 ? "" : className.substring(0, dot));
    }
    return packages;
  }

  /** Binary names of the classes under {@code classesDir} in {@code packages} (null: all). */
  private static List<String> classNames(Path classesDir, Set<String> packages) throws IOException {
    try (Stream<Path> files = Files.walk(classesDir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".class"))
          .map(file -> classesDir.relativize(file).toString().replace('\\', '/'))
          .map(path -> path.substring(0, path.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
          .filter(name -> packages == null || packages.contains(packageOf(name)))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }

  /** Public top-level types, and public or protected member types of API types. */
  static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    int modifiers = type.getModifiers();
    Class<?> enclosing = type.getDeclaringClass();
    if (enclosing == null) {
      return Modifier.isPublic(modifiers);
    }
    return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isApi(enclosing);
  }

  /** {@code [@Deprecated] modifiers kind name<T> [extends ..] [implements ..] [permits ..]}. */
  static String header(Class<?> type) {
    int modifiers = type.getModifiers() & Modifier.classModifiers();
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isInterface()) {
      kind = "interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isEnum()) {
      kind = "enum";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL);
    } else if (type.isRecord()) {
      kind = "record";
      modifiers &= ~(Modifier.STATIC | Modifier.FINAL);
    } else {
      kind = "class";
    }
    StringBuilder out = new StringBuilder(deprecation(type.isAnnotationPresent(Deprecated.class)));
    out.append(Modifier.toString(modifiers)).append(' ');
    if (type.isSealed()) {
      out.append("sealed ");
    }
    out.append(kind).append(' ').append(type.getName()).append(typeParameters(type));
    List<String> supertypes = new ArrayList<>();
    for (Type supertype : type.getGenericInterfaces()) {
      supertypes.add(supertype.getTypeName());
    }
    boolean plainClass = !type.isInterface() && !type.isEnum() && !type.isRecord();
    Type superclass = type.getGenericSuperclass();
    if (plainClass && superclass != null && superclass != Object.class) {
      out.append(" extends ").append(superclass.getTypeName());
    }
    if (!supertypes.isEmpty()) {
      out.append(type.isInterface() ? " extends " : " implements ");
      out.append(String.join(", ", supertypes));
    }
    if (type.isSealed()) {
      out.append(" permits ");
      out.append(
          Arrays.stream(type.getPermittedSubclasses())
              .map(Class::getName)
              .sorted()
              .collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  /** The type's own public and protected fields, constructors and methods, ordered. */
  static List<String> members(Class<?> type) {
    List<Member> members = new ArrayList<>();
    members.addAll(Arrays.asList(type.getDeclaredFields()));
    members.addAll(Arrays.asList(type.getDeclaredConstructors()));
    members.addAll(Arrays.asList(type.getDeclaredMethods()));
    return members.stream()
        .filter(ApiListing::isApiMember)
        .sorted(
            Comparator.comparingInt(ApiListing::rank)
                .thenComparing(Member::getName)
                .thenComparing(ApiListing::declaration))
        .map(ApiListing::declaration)
        .collect(Collectors.toList());
  }

  private static boolean isApiMember(Member member) {
    int modifiers = member.getModifiers();
    boolean bridge = member instanceof Method && ((Method) member).isBridge();
    return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))
        && !member.isSynthetic()
        && !bridge;
  }

  private static int rank(Member member) {
    return member instanceof Field ? 0 : member instanceof Constructor ? 1 : 2;
  }

  /** One member as a line: modifiers, generic types, binary names, {@code Owner.name}. */
  static String declaration(Member member) {
    int modifiers = member.getModifiers() & MEMBER_MODIFIERS;
    String owner = member.getDeclaringClass().getName();
    if (member instanceof Field) {
      Field field = (Field) member;
      return deprecation(field.isAnnotationPresent(Deprecated.class))
          + Modifier.toString(modifiers)
          + (field.isEnumConstant() ? " enum-constant " : " ")
          + field.getGenericType().getTypeName()
          + ' '
          + owner
          + '.'
          + field.getName();
    }
    Executable executable = (Executable) member;
    StringBuilder out =
        new StringBuilder(deprecation(executable.isAnnotationPresent(Deprecated.class)));
    boolean interfaceMethod = member instanceof Method && member.getDeclaringClass().isInterface();
    if (interfaceMethod) {
      modifiers &= ~Modifier.ABSTRACT;
    }
    out.append(Modifier.toString(modifiers)).append(' ');
    if (interfaceMethod && ((Method) member).isDefault()) {
      out.append("default ");
    }
    String typeParameters = typeParameters(executable);
    if (!typeParameters.isEmpty()) {
      out.append(typeParameters).append(' ');
    }
    if (executable instanceof Method) {
      out.append(((Method) executable).getGenericReturnType().getTypeName()).append(' ');
      out.append(owner).append('.').append(executable.getName());
    } else {
      out.append(owner);
    }
    out.append('(').append(parameters(executable)).append(')');
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      out.append(" throws ");
      out.append(Arrays.stream(exceptions).map(Type::getTypeName).collect(Collectors.joining(",")));
    }
    return out.toString();
  }

  private static String parameters(Executable executable) {
    Type[] types = executable.getGenericParameterTypes();
    if (types.length != executable.getParameterCount()) {
      // inner-class constructors and enum constructors may omit implicit parameters here
      types = executable.getParameterTypes();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String name = types[i].getTypeName();
      if (executable.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    return String.join(",", names);
  }

  private static String typeParameters(java.lang.reflect.GenericDeclaration declaration) {
    TypeVariable<?>[] variables = declaration.getTypeParameters();
    if (variables.length == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (TypeVariable<?> variable : variables) {
      List<String> bounds =
          Arrays.stream(variable.getBounds())
              .filter(bound -> bound != Object.class)
              .map(Type::getTypeName)
              .collect(Collectors.toList());
      parts.add(
          bounds.isEmpty()
              ? variable.getName()
              : variable.getName() + " extends " + String.join(" & ", bounds));
    }
    return "<" + String.join(",", parts) + ">";
  }

  private static String deprecation(boolean deprecated) {
    return deprecated ? "@java.lang.Deprecated " : "";
  }
}
