package io.newsgraph.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's own helpers; the timings themselves come from ./newsgraph bench, never from tests. */
class BenchCommandTest {

    @Test
    void simpleTokenScanCountsWordsAndPunctuation() {
        assertEquals(0, BenchCommand.BenchCorpus.scanTokens("   \n "));
        // Ines | Varga's | visit | to | Port-Amble | , | Norlandia | , | cost | 3.5m | . | "
        assertEquals(12, BenchCommand.BenchCorpus.scanTokens("Ines Varga's visit to Port-Amble, Norlandia, cost 3.5m.\""));
        String longLine = "word ".repeat(200_000);
        assertEquals(200_000, BenchCommand.BenchCorpus.scanTokens(longLine));
    }

    @Test
    void corpusListsArticleAndGoldFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Ines visited.");
        Files.writeString(dir.resolve("b.jsonl"), "{\"text\": \"One.\", \"entities\": [], \"relations\": []}\n"
                + "{\"text\": \"Two.\", \"entities\": [], \"relations\": []}\n");
        Files.writeString(dir.resolve("c.csv"), "x");
        Files.write(dir.resolve("d.txt"), new byte[0]);
        var files = BenchCommand.BenchCorpus.files(dir);
        assertEquals(3, files.size());
        var articles = BenchCommand.BenchCorpus.read(files);
        assertEquals(3, articles.size(), "two gold lines and one text; the empty file is skipped");
    }

    @Test
    void machineDescriptionNamesCoresAndLoad() {
        assertTrue(BenchCommand.BenchMachine.describe().contains(Runtime.getRuntime().availableProcessors() + " cores"));
        assertTrue(BenchCommand.BenchMachine.loadAverage().length() > 0);
    }
}
