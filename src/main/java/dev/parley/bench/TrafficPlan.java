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
 * @param rooms rooms the receivers and senders are spread over (member i in room {@code #b(i mod
 *     rooms)}); 1 keeps everyone in the default room
 * @param common the options every scenario has
 */
record TrafficPlan(
    String scenario,
    int receivers,
    int senders,
    int slow,
    double rate,
    int window,
    int rooms,
    CommonOptions common) {

  /** The room of member {@code index}, or {@code null} for the default room. */
  String roomOf(int index) {
    return rooms > 1 ? "#b" + (index % rooms) : null;
  }

  /** Every connection the run opens. */
  int connections() {
    return receivers + senders + slow;
  }
}
