// The audience side of a stage on watch.html: raise / lower a hand, accept or decline the host's
// invitation (then publish camera + microphone with the invitation's token), and step down when
// the host moves us back. watch.js installs it on the page's Viewer before the viewer connects, so
// no stage event can arrive before these handlers are registered.
import { Publisher, StageControl } from '/sdk/odeon.js';

const $ = (id) => document.getElementById(id);

export function installStageAudience(viewer, events) {
  const stage = new StageControl(viewer);
  const stream = viewer.stream;
  let handUp = false;
  let invitation = null;
  let speaker = null;
  let camera = null;

  const say = (text) => { $('stage-status').textContent = text; };
  const record = (name, data) => events.push({ name, sourceId: data?.sourceId ?? null, at: Date.now(), data });

  async function toggleHand() {
    try {
      if (handUp) await stage.lowerHand();
      else await stage.raiseHand();
      handUp = !handUp;
      $('hand').textContent = handUp ? 'Lower hand' : 'Raise hand';
      say(handUp ? 'hand raised' : '');
    } catch (e) {
      say(`hand: ${e.message}`);
    }
  }

  async function accept() {
    const inv = invitation;
    if (!inv) return;
    $('invitation').hidden = true;
    try {
      await stage.acceptInvite();
      camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      $('self').srcObject = camera;
      $('self').hidden = false;
      speaker = new Publisher({ stream, sourceId: inv.sourceId, token: inv.token });
      speaker.on('state', ({ state }) => say(`on stage: ${state}`));
      speaker.on('muted', (d) => { if (d.sourceId === inv.sourceId) say(d.muted ? 'muted by the host' : 'unmuted'); });
      await speaker.start(camera);
    } catch (e) {
      say(`could not go on stage: ${e.message}`);
    }
  }

  async function decline() {
    $('invitation').hidden = true;
    invitation = null;
    await stage.declineInvite().catch(() => {});
    say('invitation declined');
  }

  function stepDown(reason) {
    if (speaker) speaker.close().catch(() => {});
    speaker = null;
    if (camera) camera.getTracks().forEach((t) => t.stop());
    camera = null;
    $('self').hidden = true;
    say(reason);
  }

  viewer.on('stage', (d) => { record('stage', d); $('stage').hidden = d.phase !== 'live'; });
  viewer.on('invited', (d) => {
    record('invited', d);
    invitation = d;
    handUp = false;
    $('hand').textContent = 'Raise hand';
    $('invitation').hidden = false;
    say(`${d.by} invites you on stage`);
  });
  viewer.on('movedToAudience', (d) => {
    record('movedToAudience', d);
    if (invitation && d.identity === invitation.identity) stepDown('moved back to the audience');
  });
  for (const name of ['speakerJoined', 'speakerLeft', 'muted', 'viewercount', 'stageEnded', 'kicked', 'replaced']) {
    viewer.on(name, (d) => record(name, d));
  }
  viewer.on('stageEnded', () => stepDown('the stage ended'));

  $('hand').addEventListener('click', toggleHand);
  $('accept').addEventListener('click', accept);
  $('decline').addEventListener('click', decline);

  // Tests drive the stage through window.odeon.stage.
  window.odeon.stage = {
    raiseHand: toggleHand,
    accept,
    decline,
    get invitation() { return invitation; },
    get speakerState() { return speaker?.state ?? 'none'; },
    get speaker() { return speaker; },
  };
  return window.odeon.stage;
}
