package dev.odeon.sfu.api;

/** Receives {@link MediaEvent}s on the media thread; implementations must not block. */
@FunctionalInterface
public interface MediaEvents {
  void onEvent(MediaEvent event);
}
