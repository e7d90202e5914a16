/**
 * Interactive sessions in the server (docs/interactive.md): {@link
 * dev.odeon.signaling.interactive.Interactive} owns the {@link
 * dev.odeon.datachannel.relay.InteractiveRelay} and plugs data channels into the media engine as its
 * {@link dev.odeon.sfu.data.DataPlanes}; {@link dev.odeon.signaling.interactive.ViewerDataPlane}
 * runs SCTP and DCEP for one viewer session. Everything here runs on the media thread: data channel
 * input arrives there directly, and WebSocket commands are posted to it with
 * {@link dev.odeon.sfu.api.MediaService#execute}.
 */
package dev.odeon.signaling.interactive;
