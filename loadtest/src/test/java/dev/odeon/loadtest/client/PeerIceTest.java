package dev.odeon.loadtest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.ice.StunMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a synthetic client needs towards a full-ICE offerer such as Janus: roles and answered checks. */
class PeerIceTest {
  private static final String REMOTE = String.join("\r\n", "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
      "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 127.0.0.1", "a=mid:0", "a=ice-ufrag:rem1",
      "a=ice-pwd:remotepassword0123456789", "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB", "a=setup:%s",
      "a=candidate:1 1 udp 2015363327 127.0.0.1 40000 typ host", "");

  private final DtlsCertificate cert = DtlsCertificate.generate(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void answersAnAuthenticatedCheckAndIgnoresOneWithTheWrongKey() {
    Peer p = Peer.viewer(cert, new Random(3));
    p.setAnswer(REMOTE.formatted("actpass"));
    byte[] tx = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    tx[0] = 7;
    byte[] ours = p.iceCredentials().pwd().getBytes(StandardCharsets.UTF_8);
    byte[] req = StunMessage.bindingRequest(tx, p.iceCredentials().ufrag() + ":rem1", ours, 1, true, true, 9);
    byte[] reply = p.answerCheck(StunMessage.parse(req, 0, req.length));
    assertNotNull(reply);
    StunMessage m = StunMessage.parse(reply, 0, reply.length);
    assertTrue(m.isBindingSuccess());
    assertTrue(m.hasValidIntegrity(ours));
    assertEquals(tx[0], m.transactionId()[0]);

    byte[] bad = StunMessage.bindingRequest(tx, "x:y", "wrong".getBytes(StandardCharsets.UTF_8), 1, true, true, 9);
    assertNull(p.answerCheck(StunMessage.parse(bad, 0, bad.length)));
  }

  @Test
  void takesTheDtlsServerRoleWhenTheRemoteIsActiveAndControlledChecksDoNotNominate() {
    Peer p = Peer.publisher(cert, new Random(4));
    p.setAnswer(REMOTE.formatted("active"));
    assertEquals(DtlsEndpoint.Role.SERVER, p.dtlsRole);
    assertEquals(new InetSocketAddress("127.0.0.1", 40000), p.server);
    Peer v = Peer.viewer(cert, new Random(5));
    v.setAnswer(REMOTE.formatted("actpass"));
    assertEquals(DtlsEndpoint.Role.CLIENT, v.dtlsRole);
    v.setIceControlled();
    byte[] check = v.bindingRequest();
    StunMessage m = StunMessage.parse(check, 0, check.length);
    assertFalse(m.hasUseCandidate());
    assertTrue(m.hasIceControlled());
  }
}
