package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A {@link SecretStore} over an {@code .env} file; see {@link SecretStore#envFile(Path)}. */
final class EnvFileSecretStore implements SecretStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_.]*)(\\s*=\\s*)(.*)$");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Storage storage;

  EnvFileSecretStore(Path file, Storage storage) {
    this.file = Objects.requireNonNull(file, "file == null").toAbsolutePath();
    this.storage = storage;
  }

  @Override
  public synchronized Optional<Secret> read(String name) {
    checkName(name);
    for (String line : lines()) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches() && m.group(2).equals(name)) {
        String value = unquote(m.group(4).strip());
        return value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void write(String name, Secret value) {
    checkName(name);
    Objects.requireNonNull(value, "value == null");
    List<String> out = new ArrayList<>();
    boolean replaced = false;
    for (String line : lines()) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches() && m.group(2).equals(name)) {
        if (!replaced) {
          out.add(m.group(1) + name + m.group(3) + value.reveal());
          replaced = true;
        }
      } else {
        out.add(line);
      }
    }
    if (!replaced) {
      out.add(name + "=" + value.reveal());
    }
    replace(out);
  }

  @Override
  public synchronized void delete(String name) {
    checkName(name);
    List<String> out = new ArrayList<>();
    boolean removed = false;
    for (String line : lines()) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches() && m.group(2).equals(name)) {
        removed = true;
      } else {
        out.add(line);
      }
    }
    if (removed) {
      replace(out);
    }
  }

  private List<String> lines() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the .env file", e);
    }
  }

  private void replace(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    Path directory = file.getParent();
    Path temp = directory.resolve("." + file.getFileName() + ".keyward-tmp");
    try {
      Set<PosixFilePermission> mode = Files.exists(file) ? posixMode(file) : OWNER_ONLY;
      Files.deleteIfExists(temp);
      Files.createFile(temp);
      if (mode != null) {
        Files.setPosixFilePermissions(temp, mode);
      }
      try (FileChannel channel = storage.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        storage.checkpoint("env.write");
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        storage.checkpoint("env.force");
        channel.force(true);
      }
      storage.checkpoint("env.rename");
      storage.move(temp, file);
      storage.checkpoint("env.syncDirectory");
      storage.syncDirectory(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the .env file", e);
    }
  }

  private static @Nullable Set<PosixFilePermission> posixMode(Path path) throws IOException {
    try {
      return Files.getPosixFilePermissions(path);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match [A-Za-z_][A-Za-z0-9_.]*");
    }
  }

  @Override
  public String toString() {
    return "EnvFileSecretStore{file=" + file + "}";
  }
}
