package dev.odeon.datachannel.relay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One open poll: its options, its window, and each identity's vote. The first vote of an identity
 * counts; later ones are refused with {@code already_voted}, so counts are exact and never move
 * backwards. The relay's thread only.
 */
final class Poll {
  final String id;
  final String question;
  final List<String> options;
  final boolean showViewers;
  final long endsAt;
  final long[] counts;
  final Map<String, Integer> votes = new HashMap<>();
  long nextTally;

  Poll(String id, String question, List<String> options, boolean showViewers, long endsAt,
      long nextTally) {
    this.id = id;
    this.question = question;
    this.options = List.copyOf(options);
    this.showViewers = showViewers;
    this.endsAt = endsAt;
    this.counts = new long[options.size()];
    this.nextTally = nextTally;
  }

  /** Records a vote; the error when it cannot count. */
  RelayError vote(String identity, int option) {
    if (votes.containsKey(identity)) {
      return RelayError.ALREADY_VOTED;
    }
    if (option < 0 || option >= counts.length) {
      return RelayError.BAD_VOTE;
    }
    votes.put(identity, option);
    counts[option]++;
    return null;
  }

  long total() {
    return votes.size();
  }
}
