package dev.parley.bench;

/**
 * What a fanout or slow run does. Immutable.
 *
 * @param scenario {@code fanout} or {@code slow}
 * @param receivers normal receivers {@code r0…}, 1 or more
 * @param senders senders {@code s0…}, 1 or more
 * @param slow members {@code k0…} that stop reading, 0 or more
 * @param rate lines per second per sender, or 0 for window mode
 * @param window with rate 0: unacknowledged lines per sender, 1 or more
 * @param common the options every scenario has
 */
record TrafficPlan(
    String scenario,
    int receivers,
    int senders,
    int slow,
    double rate,
    int window,
    CommonOptions common) {

  /** Every connection the run opens. */
  int connections() {
    return receivers + senders + slow;
  }
}
