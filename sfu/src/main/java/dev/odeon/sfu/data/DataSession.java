package dev.odeon.sfu.data;

import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.StreamId;

/**
 * Which session a {@link DataPlane} serves.
 *
 * @param session the media session
 * @param stream the stream it views
 * @param identity the token identity the signaling layer gave the session
 */
public record DataSession(SessionId session, StreamId stream, String identity) {}
