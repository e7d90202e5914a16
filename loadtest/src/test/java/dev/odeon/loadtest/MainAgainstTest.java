package dev.odeon.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code --against} is checked before anything starts: no server, no namespace, no Janus. */
class MainAgainstTest {
  @Test
  void stageAndJoinHaveNoJanusComparison() throws Exception {
    assertEquals(2, Main.run(new String[] {"stage", "--viewers", "5", "--against", "janus"}));
    assertEquals(2, Main.run(new String[] {"join", "--against", "janus"}));
  }

  @Test
  void onlyJanusIsAPeer() {
    assertThrows(Exception.class, () -> Main.run(new String[] {"poll", "--against", "mediasoup"}));
  }
}
