package dev.keyward.examples.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Ties the README's Java blocks to compiled source. A block is named by an HTML comment on the line
 * before its fence ({@code <!-- readme:client-errors -->}, invisible on GitHub); the source holds
 * the same text between {@code // readme:begin client-errors} and {@code // readme:end
 * client-errors}, compared after removing the region's common indentation.
 */
final class ReadmeBlocks {
  private static final Pattern BLOCK_NAME = Pattern.compile("<!-- readme:([a-z0-9-]+) -->");
  private static final Pattern REGION_MARK =
      Pattern.compile("\\s*// readme:(begin|end) ([a-z0-9-]+)\\s*");

  /** A fenced {@code java} block of the README; {@code name} is null when it has no marker. */
  record Block(String name, int line, String text) {}

  /** The text between a begin and an end marker, without its common indentation. */
  record Region(String name, String where, String text) {}

  private ReadmeBlocks() {}

  /** The fenced {@code java} blocks of {@code markdown}, in order. */
  static List<Block> javaBlocks(String markdown) {
    List<String> lines = markdown.lines().collect(Collectors.toList());
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```java")) {
        continue;
      }
      Matcher m = i > 0 ? BLOCK_NAME.matcher(lines.get(i - 1)) : null;
      String name = m != null && m.matches() ? m.group(1) : null;
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).equals("```")) {
        end++;
      }
      blocks.add(new Block(name, i + 1, String.join("\n", lines.subList(start, end))));
      i = end;
    }
    return blocks;
  }

  /**
   * Reads the regions of every {@code .java} file under {@code roots}; adds any misuse to problems.
   */
  static Map<String, Region> regions(Path base, List<Path> roots, List<String> problems) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          sources.put(base.relativize(f).toString(), Files.readString(f));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return regions(sources, problems);
  }

  /** The regions of {@code sources} (file name → content); adds any misuse to problems. */
  static Map<String, Region> regions(Map<String, String> sources, List<String> problems) {
    Map<String, Region> regions = new LinkedHashMap<>();
    sources.forEach(
        (file, content) -> {
          List<String> lines = content.lines().collect(Collectors.toList());
          String open = null;
          int from = 0;
          for (int i = 0; i < lines.size(); i++) {
            Matcher m = REGION_MARK.matcher(lines.get(i));
            if (!m.matches()) {
              continue;
            }
            String where = file + ":" + (i + 1);
            if (m.group(1).equals("begin")) {
              if (open != null) {
                problems.add(where + ": region " + m.group(2) + " begins inside region " + open);
              }
              open = m.group(2);
              from = i + 1;
            } else if (!m.group(2).equals(open)) {
              problems.add(where + ": end of region " + m.group(2) + " without its begin");
            } else {
              Region r = new Region(open, file + ":" + from, dedent(lines.subList(from, i)));
              Region before = regions.putIfAbsent(open, r);
              if (before != null) {
                problems.add(where + ": region " + open + " also defined at " + before.where());
              }
              open = null;
            }
          }
          if (open != null) {
            problems.add(file + ":" + from + ": region " + open + " never ends");
          }
        });
    return regions;
  }

  /**
   * Everything wrong between the README's blocks and the regions: a block without a marker, a
   * marker naming no region, a block that differs from its region (with a diff), a region no block
   * uses, a region two blocks use.
   */
  static List<String> check(List<Block> blocks, Map<String, Region> regions) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> used = new LinkedHashMap<>();
    for (Block b : blocks) {
      String at = "README.md:" + b.line();
      if (b.name() == null) {
        problems.add(at + ": java block without a <!-- readme:NAME --> line before its fence");
        continue;
      }
      Integer first = used.putIfAbsent(b.name(), b.line());
      if (first != null) {
        problems.add(at + ": block " + b.name() + " already shown at README.md:" + first);
      }
      Region r = regions.get(b.name());
      if (r == null) {
        problems.add(at + ": block " + b.name() + " names no // readme:begin region");
      } else if (!r.text().equals(b.text())) {
        problems.add(
            at
                + ": block "
                + b.name()
                + " differs from "
                + r.where()
                + " (- source, + README)\n"
                + diff(r.text(), b.text()));
      }
    }
    for (Region r : regions.values()) {
      if (!used.containsKey(r.name())) {
        problems.add(r.where() + ": region " + r.name() + " is shown by no README block");
      }
    }
    return problems;
  }

  /** Removes the indentation common to the non-blank lines; blank lines become empty. */
  static String dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return String.join("\n", out);
  }

  /** A line diff (longest common subsequence): {@code -} only in a, {@code +} only in b. */
  static String diff(String a, String b) {
    List<String> x = a.lines().toList();
    List<String> y = b.lines().toList();
    int[][] lcs = new int[x.size() + 1][y.size() + 1];
    for (int i = x.size() - 1; i >= 0; i--) {
      for (int j = y.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            x.get(i).equals(y.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < x.size() || j < y.size()) {
      if (i < x.size() && j < y.size() && x.get(i).equals(y.get(j))) {
        out.append("  ").append(x.get(i++)).append('\n');
        j++;
      } else if (i < x.size() && (j == y.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.append("- ").append(x.get(i++)).append('\n');
      } else {
        out.append("+ ").append(y.get(j++)).append('\n');
      }
    }
    return out.toString();
  }
}
