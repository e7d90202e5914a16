package dev.odeon.signaling.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A refused API request: the HTTP status and the JSON error's code and message. */
final class ApiError extends Exception {
  final HttpResponseStatus status;
  final String code;

  ApiError(HttpResponseStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError badRequest(String message) {
    return new ApiError(HttpResponseStatus.BAD_REQUEST, "bad_request", message);
  }
}
