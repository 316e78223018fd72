package dev.keyward.benchmarks.redact;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.keyward.logging.logback.RedactingPatternLayoutEncoder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.helpers.BasicMDCAdapter;

/**
 * A Logback {@code FileAppender} (pattern {@code %d %level %logger %msg%n%ex}, 200-character
 * messages) with keyward's {@code RedactingPatternLayoutEncoder}, against the same appender with
 * Logback's {@code PatternLayoutEncoder}. Target: at most 15% more. Measured twice: with Logback's
 * default {@code immediateFlush=true} (a write per event) and with {@code immediateFlush=false}
 * (buffered, where formatting dominates and the redaction's share is largest).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class LogbackRedactionBenchmark {
  static final String PATTERN = "%d %level %logger %msg%n%ex";

  @Param({"false", "true"})
  boolean immediateFlush;

  LoggerContext context;
  Logger plain;
  Logger redacting;
  Path dir;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("keyward-logback-bench");
    context = new LoggerContext();
    context.setMDCAdapter(new BasicMDCAdapter());
    context.start();
    PatternLayoutEncoder plainEncoder = new PatternLayoutEncoder();
    plainEncoder.setPattern(PATTERN);
    RedactingPatternLayoutEncoder redactingEncoder = new RedactingPatternLayoutEncoder();
    redactingEncoder.setPattern(PATTERN);
    plain = logger("plain", plainEncoder);
    redacting = logger("redacting", redactingEncoder);
  }

  private Logger logger(String name, Encoder<ILoggingEvent> encoder) {
    encoder.setContext(context);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setFile(dir.resolve(name + ".log").toString());
    appender.setImmediateFlush(immediateFlush);
    appender.setEncoder(encoder);
    appender.start();
    // Same logger name length for both, or one line outgrows Logback's 256-char builder and the
    // other not.
    Logger logger =
        context.getLogger(name.equals("plain") ? "dev.keyward.bench.A" : "dev.keyward.bench.B");
    logger.setAdditive(false);
    logger.addAppender(appender);
    return logger;
  }

  @Benchmark
  public void fileAppender() {
    plain.info(RedactorBenchmark.CLEAN_LINE);
  }

  @Benchmark
  public void fileAppenderRedacting() {
    redacting.info(RedactorBenchmark.CLEAN_LINE);
  }

  /** Keeps the files small: the appenders write in append mode, so they continue at the new end. */
  @TearDown(Level.Iteration)
  public void truncate() throws IOException {
    for (String name : new String[] {"plain", "redacting"}) {
      try (RandomAccessFile file =
          new RandomAccessFile(dir.resolve(name + ".log").toFile(), "rw")) {
        file.setLength(0);
      }
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    context.stop();
    for (String name : new String[] {"plain", "redacting"}) {
      Files.deleteIfExists(dir.resolve(name + ".log"));
    }
    Files.deleteIfExists(dir);
  }
}
