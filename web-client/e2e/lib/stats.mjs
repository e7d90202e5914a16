// Reads what a viewer page actually receives, from its RTCPeerConnection's getStats().

/** {pcId, framesDecoded, audioPackets, videoCodec, connectionState}, or {missing} before start. */
export function viewerStats(page) {
  return page.evaluate(async () => {
    const pc = window.odeon?.viewer?.pc;
    if (!pc) return { missing: 'viewer has no peer connection' };
    // Tag the pc once so the scenario can tell whether a resume reused the same one.
    if (!pc.__odeonId) pc.__odeonId = Math.random().toString(36).slice(2);
    const report = await pc.getStats();
    let video = null;
    let audio = null;
    report.forEach((s) => {
      if (s.type !== 'inbound-rtp') return;
      if (s.kind === 'video') video = s;
      if (s.kind === 'audio') audio = s;
    });
    const codec = video?.codecId ? report.get(video.codecId) : null;
    return {
      pcId: pc.__odeonId,
      connectionState: pc.connectionState,
      framesDecoded: video?.framesDecoded ?? 0,
      audioPackets: audio?.packetsReceived ?? 0,
      videoCodec: codec?.mimeType ?? null,
    };
  });
}

/** The names of the events the watch page logged (window.odeon.events). */
export function viewerEvents(page) {
  return page.evaluate(() => (window.odeon?.events || []).map((e) => e.name));
}

/** The video codecs this browser can send, e.g. ['video/VP8', 'video/H264', ...]. */
export function sendCodecs(page) {
  return page.evaluate(() => [...new Set((RTCRtpSender.getCapabilities('video')?.codecs || []).map((c) => c.mimeType))]);
}

export function publisherState(page) {
  return page.evaluate(() => window.odeon?.state ?? 'no window.odeon');
}

/**
 * The publisher's send-side bandwidth estimate (the nominated candidate pair's
 * availableOutgoingBitrate, bit/s) and its video target bitrate, or {missing}.
 */
export function publisherEstimate(page) {
  return page.evaluate(async () => {
    const pc = window.odeon?.publisher?.pc;
    if (!pc) return { missing: 'publisher has no peer connection' };
    const out = { availableOutgoingBitrate: 0, targetBitrate: 0 };
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) out.availableOutgoingBitrate = s.availableOutgoingBitrate;
      if (s.type === 'outbound-rtp' && s.kind === 'video' && s.targetBitrate) out.targetBitrate = s.targetBitrate;
    });
    return out;
  });
}

/** The publisher's outgoing video: {videoCodec, framesEncoded}. */
export function publisherStats(page) {
  return page.evaluate(async () => {
    const pc = window.odeon?.publisher?.pc;
    if (!pc) return { missing: 'publisher has no peer connection' };
    const report = await pc.getStats();
    let video = null;
    report.forEach((s) => {
      if (s.type === 'outbound-rtp' && s.kind === 'video') video = s;
    });
    const codec = video?.codecId ? report.get(video.codecId) : null;
    return { videoCodec: codec?.mimeType ?? null, framesEncoded: video?.framesEncoded ?? 0 };
  });
}
