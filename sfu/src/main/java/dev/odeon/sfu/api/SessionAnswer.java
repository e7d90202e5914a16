package dev.odeon.sfu.api;

/** The engine's SDP answer to an accepted offer, and the id of the session it created. */
public record SessionAnswer(SessionId session, String answerSdp) {}
