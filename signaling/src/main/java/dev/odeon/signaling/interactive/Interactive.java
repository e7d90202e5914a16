package dev.odeon.signaling.interactive;

import dev.odeon.datachannel.relay.InteractiveRelay;
import dev.odeon.datachannel.relay.RelayConfig;
import dev.odeon.datachannel.relay.RelayCounters;
import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.data.DataPlane;
import dev.odeon.sfu.data.DataPlanes;
import dev.odeon.sfu.data.DataSession;
import dev.odeon.sfu.data.DataSink;
import java.security.SecureRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's interactive relay and its data channel carrier. The relay lives on the media thread
 * (the thread that owns every data plane), so data channel messages reach it with no hand-off and
 * WebSocket connections post their relay calls with {@link #run}. Created once per server.
 */
public final class Interactive implements DataPlanes {
  private static final Logger LOG = LoggerFactory.getLogger(Interactive.class);

  private final MediaService media;
  private final InteractiveRelay relay;
  private final SecureRandom random = new SecureRandom();
  private final boolean dataChannels;
  private final MediaClock clock = new MediaClock();

  private Interactive(MediaService media, RelayConfig config) {
    this.media = media;
    this.relay = new InteractiveRelay(config);
    boolean plugged;
    try {
      media.setDataPlanes(this);
      plugged = true;
    } catch (UnsupportedOperationException | IllegalStateException e) {
      LOG.info("interactive: the media service carries no data channels ({})", e.getMessage());
      plugged = false;
    }
    this.dataChannels = plugged;
  }

  /** Builds the relay and plugs data channels into {@code media} when it supports them. */
  public static Interactive attach(MediaService media) {
    long offset = System.currentTimeMillis() - System.nanoTime() / 1_000_000L;
    return new Interactive(media, RelayConfig.defaults().withWallClockOffsetMillis(offset));
  }

  /** Whether viewers' peer connections may carry the interactive data channel. */
  public boolean dataChannels() {
    return dataChannels;
  }

  /** The relay's counters for metrics (read from any thread; may lag). */
  public RelayCounters counters() {
    return relay.counters();
  }

  /** Runs {@code task} with the relay on the media thread; false when it could not be queued. */
  public boolean run(BiConsumer<Long, InteractiveRelay> task) {
    return media.execute(now -> {
      clock.advance(now);
      task.accept(clock.now(), relay);
    });
  }

  @Override
  public DataPlane open(long nowNanos, DataSession session, DataSink sink) {
    clock.advance(nowNanos);
    return new ViewerDataPlane(relay, session, sink, random, clock);
  }

  @Override
  public long pollTimeout() {
    return relay.pollTimeout();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    clock.advance(nowNanos);
    relay.handleTimeout(nowNanos);
  }
}
