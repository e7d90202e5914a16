package dev.odeon.signaling;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.MediaEvents;
import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.api.MediaStats;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewRequest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A media engine that answers at once with canned SDP and records what it was asked. */
public final class FakeMediaService implements MediaService {
  public static final String PUBLISH_ANSWER = "v=0\r\no=fake-publish-answer\r\n";
  public static final String VIEW_ANSWER = "v=0\r\no=fake-view-answer\r\n";

  public final BlockingQueue<PublishRequest> publishes = new LinkedBlockingQueue<>();
  public final BlockingQueue<ViewRequest> views = new LinkedBlockingQueue<>();
  public final BlockingQueue<SessionId> closed = new LinkedBlockingQueue<>();
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile MediaEvents listener;
  private volatile MediaException nextFailure;

  @Override
  public CompletableFuture<SessionAnswer> publish(PublishRequest request) {
    publishes.add(request);
    return answer("pub-", PUBLISH_ANSWER);
  }

  @Override
  public CompletableFuture<SessionAnswer> view(ViewRequest request) {
    views.add(request);
    return answer("view-", VIEW_ANSWER);
  }

  private CompletableFuture<SessionAnswer> answer(String prefix, String sdp) {
    MediaException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      return CompletableFuture.failedFuture(failure);
    }
    return CompletableFuture.completedFuture(
        new SessionAnswer(new SessionId(prefix + sessions.incrementAndGet()), sdp));
  }

  /** The next publish or view fails with {@code failure}. */
  public void failNext(MediaException failure) {
    nextFailure = failure;
  }

  /** Projections asked for, as "session source media:mid,..." strings. */
  public final BlockingQueue<String> projections = new LinkedBlockingQueue<>();

  @Override
  public CompletableFuture<Void> project(SessionId viewer, dev.odeon.sfu.api.SourceId source,
      java.util.List<dev.odeon.sfu.api.Projection> mapping) {
    if ("nobody".equals(source.value())) {
      return CompletableFuture.failedFuture(new MediaException("unknown_source", "source nobody is not live"));
    }
    projections.add(viewer + " " + source + " " + mapping.stream().map(m -> m.media() + ":" + m.mid()).toList());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> unproject(SessionId viewer, java.util.List<String> mids) {
    projections.add(viewer + " unproject " + mids);
    return CompletableFuture.completedFuture(null);
  }

  /** Stands in for the media thread: one serial thread for {@link #execute} tasks. */
  private final java.util.concurrent.ExecutorService mediaThread =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-media");
        t.setDaemon(true);
        return t;
      });
  public volatile dev.odeon.sfu.data.DataPlanes dataPlanes;

  @Override
  public void setDataPlanes(dev.odeon.sfu.data.DataPlanes planes) {
    this.dataPlanes = planes;
  }

  @Override
  public boolean execute(java.util.function.LongConsumer task) {
    mediaThread.execute(() -> task.accept(System.nanoTime()));
    return true;
  }

  @Override
  public void close(SessionId session, String reason) {
    closed.add(session);
  }

  /** What moderation asked of the engine, as "muted s/src", "unmuted s/src", "featured s/src", "forgot s". */
  public final BlockingQueue<String> moderation = new LinkedBlockingQueue<>();

  @Override
  public void setMuted(StreamId stream, SourceId source, boolean muted) {
    moderation.add((muted ? "muted " : "unmuted ") + stream.value() + "/" + source.value());
  }

  @Override
  public void setFeatured(StreamId stream, SourceId source) {
    moderation.add("featured " + stream.value() + "/" + (source == null ? "" : source.value()));
  }

  @Override
  public void forgetStream(StreamId stream) {
    moderation.add("forgot " + stream.value());
  }

  @Override
  public void setListener(MediaEvents listener) {
    this.listener = listener;
  }

  /** Delivers an event as the media thread would. */
  public void emit(MediaEvent event) {
    listener.onEvent(event);
  }

  public SessionId awaitClosed() throws InterruptedException {
    return closed.poll(5, TimeUnit.SECONDS);
  }

  @Override
  public MediaStats stats() {
    return new MediaStats() {
      @Override public int sessions() { return sessions.get(); }
      @Override public int publishers() { return 1; }
      @Override public int viewers() { return 2; }
      @Override public long packetsIn() { return 100; }
      @Override public long bytesIn() { return 120_000; }
      @Override public long packetsOut() { return 200; }
      @Override public long bytesOut() { return 240_000; }
      @Override public long drops(DropReason reason) { return reason.ordinal(); }
    };
  }
}
