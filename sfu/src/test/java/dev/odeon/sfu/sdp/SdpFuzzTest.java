package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of the Chrome offers: parsing and answering either accept the input or
 * throw {@link SdpException}; nothing else may escape, and every answer produced parses back.
 */
class SdpFuzzTest {
  private static final int RUNS = 10_000;
  private static final String[] TOKENS = {"=", ":", " ", "/", ";", "\r\n", "\n", "\r", "\0", "a=",
      "m=", "-1", "0", "65536", "99999999999999999999", "4294967296", "a=mid:", "a=group:BUNDLE ",
      "a=ssrc-group:FID ", "a=extmap:", "a=rtpmap:", "a=fmtp:", "a=rtcp-fb:* ", "\u00e9", "\ud800",
      "sha-256 ", "H264/90000", "opus/48000/2", "packetization-mode=1", "\t"};
  private static final ViewSsrcs SSRCS = new ViewSsrcs(Map.of(
      "0", new ViewSsrcs.Entry(1, "c", "s", "a"), "1", new ViewSsrcs.Entry(2, "c", "s", "v")));

  @Test
  void mutatedOffersOnlyEverThrowSdpException() {
    Random random = new Random(0x0de0_5d9L);
    List<List<String>> bases = List.of(List.of(Offers.publish().split("\r\n")),
        List.of(Offers.view().split("\r\n")));
    int parsed = 0;
    int answered = 0;
    for (int run = 0; run < RUNS; run++) {
      String sdp = mutate(bases.get(run % 2), random);
      try {
        SessionDescription offer = SessionDescription.parse(sdp);
        parsed++;
        // Each base offer is answered in its own role; the other role mostly ends in
        // no_common_codec, which the negative tests cover.
        answered += answerAndReparse(offer, sdp, run % 2 == 0);
      } catch (SdpException expected) {
        assertTrue(expected.code().matches("bad_sdp|no_fingerprint|no_common_codec"));
      } catch (RuntimeException | StackOverflowError e) {
        fail("run " + run + " threw " + e + " for:\n" + sdp, e);
      }
    }
    // The mutations must leave most offers usable, or the fuzzing only tests the first line.
    assertTrue(parsed > RUNS / 4, "parsed " + parsed);
    assertTrue(answered > RUNS / 4, "answered " + answered);
  }

  private static int answerAndReparse(SessionDescription offer, String sdp, boolean publish) {
    NegotiatedSession s;
    try {
      s = publish
          ? Negotiation.answerPublish(offer, Offers.LOCAL, Options.defaults().withTransportCc(true))
          : Negotiation.answerView(offer, Offers.LOCAL, Options.defaults(), SSRCS);
    } catch (SdpException expected) {
      return 0;
    }
    try {
      SessionDescription answer = SessionDescription.parse(s.answerSdp());
      assertTrue(answer.bundleMids().equals(s.bundleMids()));
    } catch (SdpException e) {
      fail("our answer does not parse (" + e.getMessage() + "):\n" + s.answerSdp() + "\nfor:\n" + sdp);
    }
    return 1;
  }

  static String mutate(List<String> base, Random random) {
    List<String> lines = new ArrayList<>(base);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(random.nextInt(lines.size() + 1), line);
        case 2 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 3 -> {
          int pos = random.nextInt(line.length() + 1);
          String token = TOKENS[random.nextInt(TOKENS.length)];
          lines.set(at, line.substring(0, pos) + token + line.substring(pos));
        }
        case 4 -> {
          if (!line.isEmpty()) {
            char[] chars = line.toCharArray();
            chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
            lines.set(at, new String(chars));
          }
        }
        case 5 -> lines.set(at, line.replaceAll("\\d+", String.valueOf(random.nextInt(1 << 20))));
        case 6 -> {
          int other = random.nextInt(lines.size());
          lines.set(at, lines.get(other));
          lines.set(other, line);
        }
        default -> lines.set(at, line.replace(' ', random.nextBoolean() ? '\t' : ':'));
      }
    }
    String out = String.join("\r\n", lines) + "\r\n";
    return random.nextInt(20) == 0 ? out.substring(0, random.nextInt(out.length() + 1)) : out;
  }
}
