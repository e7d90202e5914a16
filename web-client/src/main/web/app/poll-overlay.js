// The minimal built-in poll overlay of watch.html: shows an open poll over the video, votes with a
// click (the server counts an identity's first vote), and shows tallies and the final result when
// the poll shares them with viewers (showViewers). watch.js attaches it to the viewer's interactive
// channel the moment that channel exists, so no poll event can arrive before the overlay listens.
const $ = (id) => document.getElementById(id);
const box = $('poll');
const question = $('poll-question');
const list = $('poll-options');
const status = $('poll-status');

let current = null;

function render(poll, counts, final) {
  box.hidden = false;
  question.textContent = poll.question;
  list.replaceChildren(...poll.options.map((text, i) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.className = 'poll-option';
    button.dataset.option = String(i);
    button.textContent = counts ? `${text} — ${counts[i] ?? 0}` : text;
    button.disabled = final || poll.voted !== undefined;
    if (poll.voted === i) button.classList.add('chosen');
    button.addEventListener('click', () => vote(poll, i));
    li.append(button);
    return li;
  }));
  status.textContent = final ? 'final result' : poll.voted !== undefined ? 'vote sent' : 'tap an option to vote';
}

function vote(poll, option) {
  if (!poll.channel || poll.voted !== undefined) return;
  try {
    poll.channel.vote(poll.pollId, option);
    poll.voted = option;
    render(poll, poll.counts, false);
  } catch (e) {
    status.textContent = `vote failed: ${e.message}`;
  }
}

export function attachPollOverlay(channel) {
  channel.on('poll', (m) => {
    if (m.eventName === 'poll.opened') {
      current = { ...m, channel, counts: null };
      render(current, null, false);
    } else if (current && m.pollId === current.pollId) {
      current.counts = m.counts;
      render(current, m.counts, m.eventName === 'poll.result');
    }
  });
  channel.on('system', (m) => {
    if (m.eventName === 'session.closed' && current === null) box.hidden = true;
  });
}
