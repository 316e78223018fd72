package dev.keyward.rotation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Storage} that simulates a process crash: at the n-th event (a checkpoint or a file
 * write, force, rename or directory sync) it throws {@link Crash}; bytes written but not forced are
 * lost, and {@link #kill()} closes every channel as the OS would, releasing locks.
 */
class CrashStorage implements Storage {
  /** The simulated death of the process. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("simulated crash at " + where);
    }
  }

  private final int crashAt;
  private int events;
  private final List<FileChannel> open = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();
  private boolean crashed;

  /** Crashes at the {@code crashAt}-th event (1-based); 0 never crashes. */
  CrashStorage(int crashAt) {
    this.crashAt = crashAt;
  }

  boolean crashed() {
    return crashed;
  }

  List<String> seen() {
    return seen;
  }

  synchronized void event(String name) {
    events++;
    seen.add(name);
    if (!crashed && events == crashAt) {
      crashed = true;
      throw new Crash(name);
    }
    if (crashed) {
      throw new Crash("after death: " + name);
    }
  }

  /** The process dies: unforced bytes vanish, the OS closes files and releases locks. */
  synchronized void kill() {
    crashed = true;
    for (FileChannel c : open) {
      try {
        c.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void checkpoint(String name) {
    event(name);
  }

  @Override
  public synchronized FileChannel open(Path path, OpenOption... options) throws IOException {
    FileChannel real = FileChannel.open(path, options);
    open.add(real);
    return new Buffered(real, path.getFileName().toString());
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    event("move:" + to.getFileName());
    Storage.SYSTEM.move(from, to);
  }

  @Override
  public void syncDirectory(Path directory) throws IOException {
    event("syncDirectory");
    Storage.SYSTEM.syncDirectory(directory);
  }

  /** Keeps writes in memory until {@link #force}; a crash loses them. */
  private final class Buffered extends FileChannel {
    private final FileChannel real;
    private final String name;
    private final List<Object[]> pending = new ArrayList<>();
    private long position;

    Buffered(FileChannel real, String name) {
      this.real = real;
      this.name = name;
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
      event("write:" + name);
      byte[] bytes = new byte[src.remaining()];
      src.get(bytes);
      pending.add(new Object[] {at, bytes});
      return bytes.length;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = write(src, position);
      position += n;
      return n;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      event("force:" + name);
      flush();
      real.force(metaData);
    }

    private void flush() throws IOException {
      for (Object[] p : pending) {
        real.write(ByteBuffer.wrap((byte[]) p[1]), (long) p[0]);
      }
      pending.clear();
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
      return real.read(dst, at);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      int n = real.read(dst, position);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public FileChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      flush();
      real.truncate(size);
      return this;
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) throws IOException {
      return real.lock(at, size, shared);
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) throws IOException {
      return real.tryLock(at, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      // unforced bytes are lost, as in a crash: the journal and the store force what matters
      pending.clear();
      real.close();
    }
  }
}
