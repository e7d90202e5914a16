package dev.odeon.sfu.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.rtp.RtpBuilder;
import dev.odeon.sfu.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mute and featured-source moderation in the router, with in-memory endpoints. */
class RouterModerationTest {
  private static final StreamId STREAM = new StreamId("stage");
  private static final SourceId HOST = SourceId.DEFAULT;
  private static final SourceId SPEAKER = new SourceId("speaker-1");
  private static final RtpCodec OPUS = new RtpCodec(111, "opus", 48000, null);
  private static final RtpCodec VP8 = new RtpCodec(96, "VP8", 90000, null);

  private final List<MediaEvent> events = new ArrayList<>();
  private final Router router = new Router(events::add, d -> {});

  /** Counts what the router sent to it. */
  static final class CountingEndpoint implements Endpoint {
    int rtp;

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void sendRtp(byte[] buf, int off, int len) {
      rtp++;
    }

    @Override
    public void sendRtcp(byte[] buf, int off, int len) {}
  }

  private Publisher publish(SourceId source, boolean video) {
    List<MediaLine> lines = new ArrayList<>();
    lines.add(new MediaLine("0", MediaKind.AUDIO, List.of(OPUS), "a-" + source.value()));
    if (video) {
      lines.add(new MediaLine("1", MediaKind.VIDEO, List.of(VP8), "v-" + source.value()));
    }
    Publisher p = router.addPublisher(STREAM, source, new CountingEndpoint(), 1, lines);
    router.activate(0, p);
    return p;
  }

  private Viewer view(CountingEndpoint endpoint) {
    List<MediaLine> lines =
        List.of(new MediaLine("0", MediaKind.AUDIO, List.of(OPUS), "ra"),
            new MediaLine("1", MediaKind.VIDEO, List.of(VP8), "rv"));
    int[] next = {100};
    return router.addViewer(0, STREAM, new dev.odeon.sfu.api.SessionId("v" + next[0]), endpoint,
        dev.odeon.sfu.api.ViewOptions.DEFAULT, lines, new Viewer.SlotSeeds() {
      @Override
      public int ssrc(String mid) {
        return next[0]++;
      }

      @Override
      public int nextSeq() {
        return 1;
      }

      @Override
      public long nextTs() {
        return 1;
      }
    });
  }

  private void sendAudio(Publisher p, int seq) {
    byte[] bytes = new RtpBuilder().payloadType(111).sequenceNumber(seq).timestamp(seq * 960L).ssrc(77)
        .payload(new byte[] {1, 2, 3}).build();
    byte[] buf = java.util.Arrays.copyOf(bytes, bytes.length + Endpoint.HEADROOM);
    router.handlePublisherRtp(seq, p, RtpPacket.parse(buf, 0, bytes.length), buf);
  }

  @Test
  void mutedSourceAudioIsNotForwardedUntilUnmuted() {
    Publisher host = publish(HOST, false);
    CountingEndpoint viewer = new CountingEndpoint();
    view(viewer);
    sendAudio(host, 1);
    assertEquals(1, viewer.rtp);

    router.setMuted(STREAM, HOST, true);
    sendAudio(host, 2);
    sendAudio(host, 3);
    assertEquals(1, viewer.rtp, "muted audio must not be forwarded");

    router.setMuted(STREAM, HOST, false);
    sendAudio(host, 4);
    assertEquals(2, viewer.rtp);
  }

  @Test
  void muteHoldsWhenTheSourcePublishesAgain() {
    router.setMuted(STREAM, SPEAKER, true);
    Publisher speaker = publish(SPEAKER, true);
    CountingEndpoint viewer = new CountingEndpoint();
    view(viewer);
    sendAudio(speaker, 1);
    assertEquals(0, viewer.rtp);
    router.forgetStream(STREAM);
    Publisher again = publish(new SourceId("speaker-2"), true);
    sendAudio(again, 1);
    assertEquals(0, viewer.rtp, "the viewer still watches the first source");
  }

  @Test
  void viewersFollowTheFeaturedSourceAndFallBackWhenItLeaves() {
    Publisher host = publish(HOST, false);
    Viewer v = view(new CountingEndpoint());
    assertSame(host, v.source);

    router.setFeatured(0, STREAM, SPEAKER);
    assertSame(host, v.source, "the featured source is not live yet");
    Publisher speaker = publish(SPEAKER, true);
    assertSame(speaker, v.source, "a featured source going live takes every viewer");

    Viewer late = view(new CountingEndpoint());
    assertSame(speaker, late.source);

    router.removePublisher(0, speaker);
    assertSame(host, v.source);
    assertSame(host, late.source);
  }
}
