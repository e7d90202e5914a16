package dev.odeon.signaling.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandFrameTest {
  @Test
  void validCommandKeepsIdNameAndData() {
    CommandFrame frame = CommandFrame.parse("{\"type\":\"cmd\",\"id\":\"abc\",\"name\":\"view\",\"data\":{\"sdp\":\"x\"}}");
    assertTrue(frame.isValid());
    assertEquals("abc", frame.id().asText());
    assertEquals("view", frame.name());
    assertEquals("x", frame.data().get("sdp").asText());
  }

  @Test
  void missingDataIsAnEmptyObject() {
    CommandFrame frame = CommandFrame.parse("{\"type\":\"cmd\",\"id\":7,\"name\":\"unpublish\"}");
    assertTrue(frame.isValid());
    assertEquals(0, frame.data().size());
  }

  @Test
  void invalidFrameWithUsableIdEchoesIt() {
    CommandFrame frame = CommandFrame.parse("{\"type\":\"cmd\",\"id\":3,\"name\":5}");
    assertFalse(frame.isValid());
    assertEquals(3, frame.id().asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "42", "[]", "{", "{} {}", "{\"type\":\"cmd\",\"type\":\"cmd\",\"name\":\"view\"}",
      "{\"type\":\"evt\",\"name\":\"view\"}", "{\"type\":\"cmd\"}", "{\"type\":\"cmd\",\"name\":\"view\",\"data\":[]}",
      "{\"type\":\"cmd\",\"id\":1.5,\"name\":\"view\"}",
      "{\"type\":\"cmd\",\"id\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"name\":\"view\"}"})
  void malformedFramesAreRefusedWithoutThrowing(String text) {
    CommandFrame frame = CommandFrame.parse(text);
    assertFalse(frame.isValid());
    assertNull(frame.name());
  }
}
