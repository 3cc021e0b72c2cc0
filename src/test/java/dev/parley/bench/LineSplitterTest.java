package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines split at LF over arbitrary read boundaries, CR dropped, long split lines cut. */
class LineSplitterTest {
  private final List<String> lines = new ArrayList<>();
  private final LineSink sink =
      (bytes, from, to) -> lines.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));

  private static ByteBuf heap(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  @Test
  void everySplitPointGivesTheSameLines() {
    String stream = "* welcome\r\nr1: hello\r\n\r\ns0: 1 2 abc\r\nlast\r\n";
    for (int cut = 0; cut <= stream.length(); cut++) {
      for (int cut2 = cut; cut2 <= stream.length(); cut2++) {
        lines.clear();
        LineSplitter splitter = new LineSplitter();
        splitter.feed(heap(stream.substring(0, cut)), sink);
        splitter.feed(heap(stream.substring(cut, cut2)), sink);
        splitter.feed(heap(stream.substring(cut2)), sink);
        assertEquals(
            List.of("* welcome", "r1: hello", "s0: 1 2 abc", "last"), lines, cut + "/" + cut2);
      }
    }
  }

  @Test
  void aLongLineSplitOverReadsIsCutToTheCarry() {
    String longLine = "x".repeat(1000);
    LineSplitter splitter = new LineSplitter();
    splitter.feed(heap("a\r\n" + longLine.substring(0, 500)), sink);
    splitter.feed(heap(longLine.substring(500) + "\r\nb\r\n"), sink);
    assertEquals(List.of("a", "x".repeat(LineSplitter.CARRY_BYTES), "b"), lines);
  }

  @Test
  void directBuffersAreCopiedIntoTheScratch() {
    ReadScratch scratch = new ReadScratch();
    LineSplitter splitter = new LineSplitter();
    String big = "z".repeat(2 * ReadScratch.INITIAL_BYTES);
    for (String part : new String[] {"one\r\ntw", "o\r\n" + big + "\r\n", "three\r\n"}) {
      ByteBuf direct = Unpooled.directBuffer();
      direct.writeCharSequence(part, StandardCharsets.UTF_8);
      direct.readerIndex(0);
      splitter.feed(scratch.heapView(direct), sink);
      direct.release();
    }
    assertEquals(List.of("one", "two", big, "three"), lines);
  }

  @Test
  void aLongLineInOneReadIsWhole() {
    String longLine = "y".repeat(1000);
    new LineSplitter().feed(heap(longLine + "\r\n"), sink);
    assertEquals(List.of(longLine), lines);
  }
}
