package dev.parley.protocol;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;

/**
 * The keys under which a name is unique in a room. Two names collide when any of their keys are
 * equal: the NFKC case fold ({@code Alice}, {@code alice}, {@code ａｌｉｃｅ}), the UTS #39 confusable
 * skeleton of the name, and the skeleton of its case fold (so {@code еvan} with a Cyrillic {@code
 * е} collides with {@code evan}). Skeletons come from ICU4J's {@link SpoofChecker}. Pure and
 * thread-safe.
 *
 * @param folded the NFKC case fold
 * @param skeleton the confusable skeleton of the name as written
 * @param foldedSkeleton the confusable skeleton of the case fold
 */
public record NameKey(String folded, String skeleton, String foldedSkeleton) {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

  /**
   * Computes the keys of a name.
   *
   * @param name a valid name in NFC
   * @return its collision keys
   */
  public static NameKey of(String name) {
    String folded = NFKC_CF.normalize(name);
    return new NameKey(folded, SPOOF.getSkeleton(name), SPOOF.getSkeleton(folded));
  }

  /**
   * The keys as strings that cannot be equal across kinds, for one lookup table.
   *
   * @return three distinct strings
   */
  public List<String> all() {
    return List.of("f:" + folded, "s:" + skeleton, "k:" + foldedSkeleton);
  }
}
