package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RtoEstimatorTest {
  private static final long MS = 1_000_000L;

  @Test
  void followsRfc6298() {
    RtoEstimator r = new RtoEstimator(1000 * MS, 200 * MS, 60_000 * MS);
    assertEquals(1000 * MS, r.rto());
    r.addSample(100 * MS); // SRTT 100, RTTVAR 50 -> 100 + 200
    assertEquals(300 * MS, r.rto());
    r.addSample(100 * MS); // RTTVAR 37.5 -> 100 + 150
    assertEquals(250 * MS, r.rto());
    r.addSample(10 * MS); // RTTVAR 50.625, SRTT 88.75 -> 88.75 + 202.5
    assertEquals(291_250_000L, r.rto());
  }

  @Test
  void clampsAndBacksOff() {
    RtoEstimator r = new RtoEstimator(1000 * MS, 400 * MS, 3000 * MS);
    r.addSample(1 * MS);
    assertEquals(400 * MS, r.rto(), "min");
    r.backoff();
    r.backoff();
    r.backoff();
    assertEquals(3000 * MS, r.rto(), "max");
  }
}
