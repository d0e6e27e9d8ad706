package io.newsgraph.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.core.TestPipeline;

class TextStagesTest {

    private static List<String> words(String text) {
        List<Token> raw = new ArrayList<>();
        new Tokenizer().tokenize(text, 0, text.length(), 0, raw);
        List<String> out = new ArrayList<>();
        new TokenRepair().repair(text, raw).forEach(t -> out.add(t.text()));
        return out;
    }

    @Test
    void tokenizerSplitsPossessivesAndKeepsAcronymsAndInnerApostrophes() {
        assertEquals(List.of("Norway", "'s", "envoy", "met", "O'Brien", "in", "the", "U.S."),
                words("Norway's envoy met O'Brien in the U.S."));
    }

    @Test
    void repairRejoinsParticlesAndHyphenatedNames() {
        assertEquals(List.of("Omar", "al-Rashidi", "and", "Lee", "Wai-ming", "visited", "Kurdish-held", "towns"),
                words("Omar al-Rashidi and Lee Wai-ming visited Kurdish-held towns"));
        assertEquals(List.of("a", "-", "b"), words("a - b"));
    }

    @Test
    void tokenizerStaysBoundedOnHugeInput() {
        String huge = "x".repeat(10_000);
        List<Token> raw = new ArrayList<>();
        new Tokenizer().tokenize(huge, 0, huge.length(), 0, raw);
        assertTrue(raw.stream().allMatch(t -> t.text().length() <= Tokenizer.MAX_TOKEN_CHARS));
        assertEquals(huge.length(), raw.stream().mapToInt(t -> t.text().length()).sum());
    }

    @Test
    void sentencesBreakAtLinesAndNotAtInitials() {
        Document doc = TestPipeline.analyze("A headline here\nThe book by J. Carter Smith sold well. It was long.");
        assertEquals(3, doc.sentences().size());
        assertEquals("A headline here", doc.sentenceText(0));
        assertEquals("The book by J. Carter Smith sold well.", doc.sentenceText(1));
    }

    @Test
    void taggerMarksProperNouns() {
        Document doc = TestPipeline.analyze("Maria Lopez visited Madrid yesterday.");
        assertTrue(doc.tokens().get(0).properNounTag());
        assertTrue(doc.tokens().get(2).verbTag());
    }

    @Test
    void datesResolveAgainstPublication() {
        DateResolver dates = new DateResolver();
        LocalDate published = LocalDate.of(2031, 5, 16); // a Friday
        assertEquals("2031-05-14", dates.dateIn(TestPipeline.analyze("They met on Wednesday.").tokens(), published));
        assertEquals("2031-05-15", dates.dateIn(TestPipeline.analyze("They met yesterday.").tokens(), published));
        assertEquals("2019-03-02", dates.dateIn(TestPipeline.analyze("He left on March 2, 2019.").tokens(), published));
        assertEquals("2018-11", dates.dateIn(TestPipeline.analyze("It closed in November 2018.").tokens(), published));
        assertNull(dates.dateIn(TestPipeline.analyze("They may meet soon.").tokens(), published));
    }

    @Test
    void publicationDateIsReadFromADateLine() {
        Document doc = TestPipeline.ANALYZER.analyze("Storm hits coast\nMonday, October 4, 2027\nRain fell.", null);
        assertEquals(LocalDate.of(2027, 10, 4), doc.published());
        Document story = TestPipeline.ANALYZER.analyze("Storm hits coast\nThe storm that struck on October 4, 2027 "
                + "flooded the old harbour and three villages nearby.", null);
        assertNull(story.published());
    }
}
