package dev.odeon.sfu.net;

import dev.odeon.sfu.api.MediaEvents;
import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.api.MediaStats;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.ViewRequest;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** The UDP media server (being written; this placeholder only fixes the construction API). */
public final class MediaServer implements MediaService, Closeable {
  public MediaServer(MediaConfig config) {}

  /** Binds the socket and starts the media thread. */
  public void start() throws IOException {
    throw new IOException("media server not built yet");
  }

  /** The bound UDP port (useful when configured with port 0). */
  public int port() {
    return -1;
  }

  @Override
  public CompletableFuture<SessionAnswer> publish(PublishRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<SessionAnswer> view(ViewRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close(SessionId session, String reason) {}

  @Override
  public void setListener(MediaEvents listener) {}

  @Override
  public MediaStats stats() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
