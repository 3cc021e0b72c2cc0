package dev.parley.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.api.ChatMessage;
import dev.parley.api.MemberLeft;
import dev.parley.examples.ArchivedRuns.Place;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivedRunsTest {
  @TempDir Path dir;

  private static ChatMessage line(String run, long seq, String text) {
    return new ChatMessage("#lobby", run, seq, 1000 + seq, "ann", text);
  }

  private static void note(ArchivedRuns runs, ChatMessage event) {
    runs.note(event, event.toJson().encode());
  }

  @Test
  void eachRunIsFollowedOnItsOwnWhenRunsInterleave() {
    ArchivedRuns runs = new ArchivedRuns();
    note(runs, line("a", 1, "one"));
    note(runs, line("b", 7, "seven"));
    assertEquals(Place.NEXT, runs.place(line("a", 2, "two")));
    note(runs, line("a", 2, "two"));
    assertEquals(Place.NEXT, runs.place(line("b", 8, "eight")));
    assertEquals(Place.AFTER_GAP, runs.place(line("b", 10, "ten")));
    assertEquals(Place.NEXT, runs.place(line("c", 40, "first seen of its run")));
    assertEquals(2, runs.last("a"));
    assertEquals(7, runs.last("b"));
    assertEquals(0, runs.last("c"));
  }

  @Test
  void aRepeatIsSeenAndAnotherEventUnderAUsedNumberIsRenumbered() {
    ArchivedRuns runs = new ArchivedRuns();
    note(runs, line("a", 1, "one"));
    note(runs, line("a", 2, "two, lost with the old host"));
    assertEquals(Place.SEEN, runs.place(line("a", 2, "two, lost with the old host")));
    assertEquals(
        Place.RENUMBERED,
        runs.place(new MemberLeft("#lobby", "a", 2, 1002, "doomed", "connection lost")));
  }

  @Test
  void anEventOlderThanWhatIsRememberedCountsAsSeen() {
    ArchivedRuns runs = new ArchivedRuns();
    for (long seq = 1; seq <= ArchivedRuns.RECENT + 10; seq++) {
      note(runs, line("a", seq, "line " + seq));
    }
    assertNull(runs.recent("a", 1));
    assertEquals(Place.SEEN, runs.place(line("a", 1, "something else")));
  }

  @Test
  void readingTheArchiveCutsAnIncompleteLastLineAndGivesEachRunsLastNumber() throws Exception {
    Path file = dir.resolve("archive.jsonl");
    Files.writeString(
        file,
        line("a", 1, "one").toJson().encode()
            + "\n"
            + line("b", 5, "five").toJson().encode()
            + "\n"
            + line("a", 2, "two").toJson().encode()
            + "\n"
            + "{\"type\":\"message\",\"run\":\"a\",\"se");
    assertEquals(Map.of("a", 2L, "b", 5L), ArchivedRuns.read(file));
    assertEquals(3, Files.readAllLines(file).size());
    assertEquals(Map.of(), ArchivedRuns.read(dir.resolve("missing.jsonl")));
  }
}
