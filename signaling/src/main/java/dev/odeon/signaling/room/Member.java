package dev.odeon.signaling.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.TokenClaims;

/**
 * A live connection as the {@link StageDirector} sees it. Every method may be called from any
 * thread and must not block (implementations hop to their own event loop).
 */
public interface Member {
  /** What the connection's token gave it (identity, stream, role, grants). */
  TokenClaims claims();

  void sendEvent(String name, ObjectNode data);

  /** Closes the connection with a WebSocket close code and reason. */
  void disconnect(int code, String reason);

  /** Closes the connection's publishing session and refuses {@code publish} from now on. */
  void revokePublish();

  /** True for connections that may publish: the identity's "publishing" slot, as opposed to viewing. */
  default boolean isPublishing() {
    return claims().role().mayPublish() && claims().has(Grant.PUBLISH);
  }
}
