package dev.odeon.sfu.router;

import dev.odeon.sfu.api.StreamId;
import java.util.List;

/**
 * A viewing peer of a stream: one audio and one video slot, fed from the source it watches.
 * Media thread only.
 */
public final class Viewer {
  final StreamId stream;
  final Endpoint endpoint;
  final OutSlot audio;
  final OutSlot video;
  Publisher source;

  Viewer(StreamId stream, Endpoint endpoint, List<MediaLine> lines, SlotSeeds seeds) {
    this.stream = stream;
    this.endpoint = endpoint;
    OutSlot a = null;
    OutSlot v = null;
    for (MediaLine line : lines) {
      if (line.kind() == MediaKind.AUDIO && a == null) {
        a = new OutSlot(this, line, seeds.ssrc(line.mid()), seeds.nextSeq(), seeds.nextTs());
      } else if (line.kind() == MediaKind.VIDEO && v == null) {
        v = new OutSlot(this, line, seeds.ssrc(line.mid()), seeds.nextSeq(), seeds.nextTs());
      }
    }
    this.audio = a;
    this.video = v;
  }

  public StreamId stream() {
    return stream;
  }

  OutSlot slot(MediaKind kind) {
    return kind == MediaKind.AUDIO ? audio : video;
  }

  OutSlot slotBySsrc(int ssrc) {
    if (audio != null && audio.outSsrc == ssrc) {
      return audio;
    }
    if (video != null && video.outSsrc == ssrc) {
      return video;
    }
    return null;
  }

  /** The SSRCs and initial sequence numbers/timestamps of a new viewer's slots. */
  public interface SlotSeeds {
    int ssrc(String mid);

    int nextSeq();

    long nextTs();
  }
}
