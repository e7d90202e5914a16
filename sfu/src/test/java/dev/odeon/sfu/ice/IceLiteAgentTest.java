package dev.odeon.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.ice.IceLiteAgent.RejectReason;
import dev.odeon.sfu.ice.IceLiteAgent.Result;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ICE-lite agent against hand-made client checks, with a fake clock. */
class IceLiteAgentTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 123 * SECOND;
  private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 50001);
  private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 50002);

  private final Random rnd = new Random(99);
  private final IceCredentials server = IceCredentials.random(rnd);
  private final IceCredentials client = IceCredentials.random(rnd);
  private IceLiteAgent agent;

  @BeforeEach
  void setUp() {
    agent = new IceLiteAgent(server);
    agent.setRemote(client);
  }

  @Test
  void goodRequestIsAcceptedWithAVerifiableResponse() {
    byte[] tx = txId();
    Result r = agent.handleBindingRequest(T0, check(tx, false), A);
    Result.Accepted ok = assertInstanceOf(Result.Accepted.class, r);
    assertFalse(ok.nominated());
    assertTrue(ok.selectedChanged());
    StunMessage resp = StunMessage.parse(ok.response(), 0, ok.response().length);
    assertNotNull(resp);
    assertTrue(resp.isBindingSuccess());
    assertArrayEquals(tx, resp.transactionId());
    assertEquals(A, resp.xorMappedAddress());
    assertTrue(resp.hasValidIntegrity(server.integrityKey()));
    assertTrue(resp.hasValidFingerprint());
    assertEquals(A, agent.selectedAddress());
    assertTrue(agent.isKnownAddress(A));
    assertFalse(agent.isKnownAddress(B));
  }

  @Test
  void anyRemoteUfragIsAcceptedBeforeTheRemoteIsKnown() {
    IceLiteAgent fresh = new IceLiteAgent(server);
    byte[] req = StunMessage.bindingRequest(txId(), server.ufrag() + ":whatever",
        server.integrityKey(), 1, false, true, 1);
    assertInstanceOf(Result.Accepted.class, fresh.handleBindingRequest(T0, parse(req), A));
  }

  @Test
  void wrongUfragIsDroppedSilently() {
    for (String user : new String[] {"nope:" + client.ufrag(), server.ufrag() + ":other",
        server.ufrag() + ":" + client.ufrag() + "x", server.ufrag(), ""}) {
      byte[] req = StunMessage.bindingRequest(txId(), user, server.integrityKey(), 1, false, true, 1);
      Result.Rejected no = assertInstanceOf(Result.Rejected.class,
          agent.handleBindingRequest(T0, parse(req), A), user);
      assertEquals(RejectReason.BAD_USERNAME, no.reason(), user);
      assertNull(no.response(), user);
    }
    assertNull(agent.selectedAddress());
  }

  @Test
  void badIntegrityGetsUnsigned401() {
    byte[] tx = txId();
    byte[] req = StunMessage.bindingRequest(tx, username(), client.integrityKey(), 1, true, true, 1);
    Result.Rejected no = assertInstanceOf(Result.Rejected.class,
        agent.handleBindingRequest(T0, parse(req), A));
    assertEquals(RejectReason.BAD_INTEGRITY, no.reason());
    StunMessage resp = parse(no.response());
    assertTrue(resp.isBindingError());
    assertEquals(401, resp.errorCode());
    assertArrayEquals(tx, resp.transactionId());
    assertFalse(resp.hasMessageIntegrity());
    assertNull(agent.selectedAddress());
    assertFalse(agent.isKnownAddress(A));
  }

  @Test
  void missingIntegrityIsBadIntegrity() {
    byte[] req = StunMessage.bindingRequest(txId(), username(), null, 1, false, true, 1);
    Result.Rejected no = assertInstanceOf(Result.Rejected.class,
        agent.handleBindingRequest(T0, parse(req), A));
    assertEquals(RejectReason.BAD_INTEGRITY, no.reason());
  }

  @Test
  void missingFingerprintIsRejected() {
    byte[] req = new StunWriter(StunClass.REQUEST, StunAttribute.METHOD_BINDING, txId())
        .addString(StunAttribute.USERNAME, username())
        .addU64(StunAttribute.ICE_CONTROLLING, 1)
        .addMessageIntegrity(server.integrityKey())
        .toByteArray();
    Result.Rejected no = assertInstanceOf(Result.Rejected.class,
        agent.handleBindingRequest(T0, parse(req), A));
    assertEquals(RejectReason.BAD_FINGERPRINT, no.reason());
    assertNull(no.response());
  }

  @Test
  void controlledPeerGetsSigned487() {
    byte[] req = StunMessage.bindingRequest(txId(), username(), server.integrityKey(), 1, false,
        false, 1);
    Result.Rejected no = assertInstanceOf(Result.Rejected.class,
        agent.handleBindingRequest(T0, parse(req), A));
    assertEquals(RejectReason.ROLE_CONFLICT, no.reason());
    StunMessage resp = parse(no.response());
    assertEquals(487, resp.errorCode());
    assertTrue(resp.hasValidIntegrity(server.integrityKey()));
    assertNull(agent.selectedAddress());
  }

  @Test
  void nonRequestsAreMalformed() {
    byte[] success = StunMessage.bindingSuccess(txId(), A, server.integrityKey());
    Result.Rejected no = assertInstanceOf(Result.Rejected.class,
        agent.handleBindingRequest(T0, parse(success), A));
    assertEquals(RejectReason.MALFORMED, no.reason());
    assertEquals(RejectReason.MALFORMED,
        ((Result.Rejected) agent.handleBindingRequest(T0, null, A)).reason());
  }

  @Test
  void nominationSelectsAndLaterNominationSwitches() {
    Result.Accepted first = accepted(agent.handleBindingRequest(T0, check(txId(), false), A));
    assertTrue(first.selectedChanged());
    assertFalse(agent.isNominated());

    // A plain check from B does not move the selection away from A.
    Result.Accepted plainB = accepted(agent.handleBindingRequest(T0, check(txId(), false), B));
    assertFalse(plainB.selectedChanged());
    assertEquals(A, agent.selectedAddress());
    assertTrue(agent.isKnownAddress(B));

    Result.Accepted nominateB = accepted(agent.handleBindingRequest(T0, check(txId(), true), B));
    assertTrue(nominateB.nominated());
    assertTrue(nominateB.selectedChanged());
    assertEquals(B, agent.selectedAddress());
    assertTrue(agent.isNominated());

    Result.Accepted again = accepted(agent.handleBindingRequest(T0, check(txId(), true), B));
    assertFalse(again.selectedChanged());

    // A plain check from A no longer moves anything; a nomination of A does.
    assertFalse(accepted(agent.handleBindingRequest(T0, check(txId(), false), A)).selectedChanged());
    assertEquals(B, agent.selectedAddress());
    assertTrue(accepted(agent.handleBindingRequest(T0, check(txId(), true), A)).selectedChanged());
    assertEquals(A, agent.selectedAddress());
  }

  @Test
  void consentExpiresThirtySecondsAfterTheLastValidCheck() {
    agent.start(T0);
    accepted(agent.handleBindingRequest(T0, check(txId(), true), A));
    assertEquals(T0 + 30 * SECOND, agent.pollTimeoutNanos());
    assertFalse(agent.isConsentExpired(T0 + 29 * SECOND));
    assertTrue(agent.isConsentExpired(T0 + 30 * SECOND));
    assertTrue(agent.isConsentExpired(T0 + 31 * SECOND));

    // A check at 29 s refreshes consent for another 30 s.
    accepted(agent.handleBindingRequest(T0 + 29 * SECOND, check(txId(), false), A));
    assertFalse(agent.isConsentExpired(T0 + 31 * SECOND));
    assertFalse(agent.isConsentExpired(T0 + 58 * SECOND));
    assertTrue(agent.isConsentExpired(T0 + 59 * SECOND));
    assertEquals(T0 + 59 * SECOND, agent.pollTimeoutNanos());
  }

  @Test
  void checksFromANonSelectedAddressDoNotKeepConsent() {
    accepted(agent.handleBindingRequest(T0, check(txId(), true), A));
    accepted(agent.handleBindingRequest(T0 + 20 * SECOND, check(txId(), false), B));
    assertTrue(agent.isConsentExpired(T0 + 30 * SECOND));
  }

  @Test
  void rejectedChecksDoNotRefreshConsent() {
    accepted(agent.handleBindingRequest(T0, check(txId(), true), A));
    byte[] forged = StunMessage.bindingRequest(txId(), username(), "wrong".getBytes(
        StandardCharsets.UTF_8), 1, true, true, 1);
    agent.handleBindingRequest(T0 + 20 * SECOND, parse(forged), A);
    assertTrue(agent.isConsentExpired(T0 + 30 * SECOND));
  }

  @Test
  void sessionThatNeverConnectsExpiresAfterStart() {
    assertFalse(agent.isConsentExpired(T0 + 1000 * SECOND));
    assertEquals(Long.MAX_VALUE, agent.pollTimeoutNanos());
    agent.start(T0);
    assertEquals(T0 + 30 * SECOND, agent.pollTimeoutNanos());
    assertFalse(agent.isConsentExpired(T0 + 29 * SECOND));
    assertTrue(agent.isConsentExpired(T0 + 30 * SECOND));
  }

  @Test
  void customTimeoutAndClockWrapAround() {
    IceLiteAgent short5 = new IceLiteAgent(server, Duration.ofSeconds(5));
    short5.setRemote(client);
    long nearWrap = Long.MAX_VALUE - 2 * SECOND;
    accepted(short5.handleBindingRequest(nearWrap, check(txId(), true), A));
    assertFalse(short5.isConsentExpired(nearWrap + 4 * SECOND));
    assertTrue(short5.isConsentExpired(nearWrap + 5 * SECOND));
  }

  @Test
  void knownAddressesAreBounded() {
    accepted(agent.handleBindingRequest(T0, check(txId(), true), A));
    for (int port = 1; port <= 3 * IceLiteAgent.MAX_KNOWN_ADDRESSES; port++) {
      InetSocketAddress from = new InetSocketAddress("127.0.0.2", port);
      accepted(agent.handleBindingRequest(T0 + port, check(txId(), false), from));
    }
    assertTrue(agent.isKnownAddress(A), "the selected address is never evicted");
    assertEquals(A, agent.selectedAddress());
    int known = 0;
    for (int port = 1; port <= 3 * IceLiteAgent.MAX_KNOWN_ADDRESSES; port++) {
      known += agent.isKnownAddress(new InetSocketAddress("127.0.0.2", port)) ? 1 : 0;
    }
    assertEquals(IceLiteAgent.MAX_KNOWN_ADDRESSES - 1, known);
    assertTrue(agent.isKnownAddress(new InetSocketAddress("127.0.0.2",
        3 * IceLiteAgent.MAX_KNOWN_ADDRESSES)), "the newest address is kept");
  }

  private StunMessage check(byte[] tx, boolean useCandidate) {
    return parse(StunMessage.bindingRequest(tx, username(), server.integrityKey(), 0x6e0001ffL,
        useCandidate, true, rnd.nextLong()));
  }

  private String username() {
    return server.ufrag() + ":" + client.ufrag();
  }

  private byte[] txId() {
    byte[] tx = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    rnd.nextBytes(tx);
    return tx;
  }

  private static Result.Accepted accepted(Result r) {
    return assertInstanceOf(Result.Accepted.class, r);
  }

  private static StunMessage parse(byte[] b) {
    StunMessage m = StunMessage.parse(b, 0, b.length);
    assertNotNull(m);
    return m;
  }
}
