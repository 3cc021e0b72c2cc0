package dev.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure history of every room: limits, age, look-alike room names, the order across rooms. */
class HistoryRulesTest {
  private static final long T0 = 1_700_000_000_000L;

  private static HistoryLine line(String room, long seq, long time, String text) {
    return new HistoryLine(room, "run-1", seq, time, "alice", text);
  }

  private static List<String> texts(List<HistoryLine> lines) {
    return lines.stream().map(HistoryLine::text).toList();
  }

  @Test
  void aRoomKeepsItsLastMaxLinesOldestFirst() {
    History history = new History(3, 60_000);
    for (int i = 1; i <= 5; i++) {
      history.add(line("#lobby", i, T0, "l" + i));
    }
    assertEquals(List.of("l3", "l4", "l5"), texts(history.last("#lobby", 10, T0)));
    assertEquals(List.of("l5"), texts(history.last("#lobby", 1, T0)));
    assertEquals(List.of(), history.last("#lobby", 0, T0));
    assertEquals(List.of(), history.last("#ops", 5, T0));
  }

  @Test
  void linesOlderThanTheAgeLimitAreDroppedAndAnEmptyRoomForgotten() {
    History history = new History(10, 60_000);
    history.add(line("#ops", 1, T0, "old"));
    history.add(line("#ops", 2, T0 + 30_000, "newer"));
    assertEquals(List.of("newer"), texts(history.last("#ops", 10, T0 + 60_001)));
    history.expire(T0 + 90_001);
    assertEquals(List.of(), history.lines());
  }

  @Test
  void lookAlikeRoomNamesShareOneHistory() {
    History history = new History(10, 60_000);
    history.add(line("#Ops", 1, T0, "first"));
    history.add(line("#ops", 2, T0, "second"));
    // "#оps" with a Cyrillic о.
    assertEquals(List.of("first", "second"), texts(history.last("#\u043eps", 10, T0)));
    assertEquals(List.of("first", "second"), texts(history.last("#ＯＰＳ", 10, T0)));
  }

  @Test
  void everyRoomInOneOrderAndBeforeASequenceNumberOfTheRun() {
    History history = new History(10, 60_000);
    history.add(line("#a", 1, T0, "a1"));
    history.add(line("#b", 2, T0, "b2"));
    history.add(line("#a", 3, T0, "a3"));
    history.add(new HistoryLine("#b", "run-0", 9, T0 - 1, "bob", "earlier run"));
    assertEquals(
        List.of("earlier run", "a1", "b2", "a3"), texts(history.last(null, 10, null, 0, T0)));
    assertEquals(List.of("a1", "b2"), texts(history.last(null, 10, "run-1", 3, T0)));
    assertEquals(List.of("b2"), texts(history.last(null, 1, "run-1", 3, T0)));
    assertEquals(List.of("a1"), texts(history.last("#a", 10, "run-1", 3, T0)));
  }
}
