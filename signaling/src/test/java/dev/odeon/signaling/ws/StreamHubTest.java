package dev.odeon.signaling.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.Track;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamHubTest {
  private static final StreamId DEMO = new StreamId("demo");
  private static final StreamId OTHER = new StreamId("other");
  private final StreamHub hub = new StreamHub(Runnable::run);

  /** Records what the hub sent, as "name:sourceId" strings. */
  private static final class Recorder implements StreamHub.Peer {
    final List<String> got = new ArrayList<>();

    @Override
    public void sendEvent(String name, ObjectNode data) {
      got.add(name + ":" + (data.has("sourceId") ? data.get("sourceId").asText() : data.get("sessionId").asText()));
    }

    @Override
    public void sessionClosed(SessionId session, String reason) {
      got.add("closed:" + session);
    }
  }

  private static MediaEvent.SourceActive active(StreamId stream, String source) {
    return new MediaEvent.SourceActive(stream, SourceId.ofNullable(source), List.of(new Track("video", "v")));
  }

  @Test
  void eventsReachOnlyViewersOfTheirStream() {
    Recorder demo = new Recorder();
    Recorder other = new Recorder();
    hub.viewerJoined(demo, DEMO, new SessionId("v1"), () -> demo.got.add("response"));
    hub.viewerJoined(other, OTHER, new SessionId("v2"), () -> {});
    hub.onEvent(active(DEMO, "cam"));
    hub.onEvent(new MediaEvent.SourceInactive(DEMO, new SourceId("cam")));
    assertEquals(List.of("response", "active:cam", "inactive:cam"), demo.got);
    assertEquals(List.of(), other.got);
  }

  @Test
  void newViewerGetsResponseThenOneActivePerLiveSource() {
    hub.onEvent(active(DEMO, "a"));
    hub.onEvent(active(DEMO, "b"));
    hub.onEvent(new MediaEvent.SourceInactive(DEMO, new SourceId("a")));
    Recorder late = new Recorder();
    hub.viewerJoined(late, DEMO, new SessionId("v1"), () -> late.got.add("response"));
    assertEquals(List.of("response", "active:b"), late.got);
    assertEquals(1, hub.liveSources(DEMO));
  }

  @Test
  void twoViewSessionsOfOneConnectionHearEachEventOnce() {
    Recorder peer = new Recorder();
    hub.viewerJoined(peer, DEMO, new SessionId("v1"), () -> {});
    hub.viewerJoined(peer, DEMO, new SessionId("v2"), () -> {});
    hub.onEvent(active(DEMO, "cam"));
    assertEquals(List.of("active:cam"), peer.got);
  }

  @Test
  void sessionClosedGoesToItsOwnerOnceAndEndsViewing() {
    Recorder peer = new Recorder();
    hub.publisherJoined(peer, DEMO, new SessionId("p1"));
    hub.viewerJoined(peer, DEMO, new SessionId("v1"), () -> {});
    hub.onEvent(new MediaEvent.SessionClosed(new SessionId("p1"), "gone"));
    hub.onEvent(new MediaEvent.SessionClosed(new SessionId("p1"), "gone"));
    hub.onEvent(new MediaEvent.SessionClosed(new SessionId("v1"), "gone"));
    hub.onEvent(active(DEMO, "cam"));
    assertEquals(List.of("closed:p1", "closed:v1"), peer.got);
  }

  @Test
  void sessionsEndedByTheConnectionAreForgotten() {
    Recorder peer = new Recorder();
    hub.viewerJoined(peer, DEMO, new SessionId("v1"), () -> {});
    hub.sessionsEnded(List.of(new SessionId("v1")));
    hub.onEvent(active(DEMO, "cam"));
    hub.onEvent(new MediaEvent.SessionClosed(new SessionId("v1"), "closed"));
    assertEquals(List.of(), peer.got);
  }

  @Test
  void vadDecidedBeforeTheViewResponseIsReplayedAfterItThenSentLive() {
    Recorder peer = new Recorder();
    SessionId v1 = new SessionId("v1");
    hub.onEvent(active(DEMO, "a"));
    hub.onEvent(new MediaEvent.SlotChanged(v1, "2", new SourceId("a")));
    hub.viewerJoined(peer, DEMO, v1, null, () -> peer.got.add("response"));
    hub.onEvent(new MediaEvent.SlotChanged(v1, "2", null));
    hub.onEvent(new MediaEvent.SlotChanged(new SessionId("someone-else"), "2", new SourceId("a")));
    assertEquals(List.of("response", "active:a", "vad:a", "vad:null"), peer.got);
  }

  @Test
  void viewersHearOnlyTheEventsTheyAskedFor() {
    Recorder vadOnly = new Recorder();
    Recorder all = new Recorder();
    SessionId v1 = new SessionId("v1");
    hub.viewerJoined(vadOnly, DEMO, v1, java.util.Set.of("vad"), () -> {});
    hub.viewerJoined(all, DEMO, new SessionId("v2"), null, () -> {});
    hub.onEvent(active(DEMO, "a"));
    hub.onEvent(new MediaEvent.SlotChanged(v1, "2", new SourceId("a")));
    assertEquals(List.of("vad:a"), vadOnly.got);
    assertEquals(List.of("active:a"), all.got);
  }
}
