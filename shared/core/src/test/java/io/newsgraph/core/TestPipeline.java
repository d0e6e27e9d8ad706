package io.newsgraph.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import io.newsgraph.core.entity.EntityLayer;
import io.newsgraph.core.entity.EntityResolver;
import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.mention.MentionFinder;
import io.newsgraph.core.relation.RelationExtractor;
import io.newsgraph.core.text.DateResolver;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.PosTagger;
import io.newsgraph.core.text.SentenceSplitter;
import io.newsgraph.core.text.TextAnalyzer;
import io.newsgraph.core.text.TokenRepair;
import io.newsgraph.core.text.Tokenizer;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;

/** The pipeline's stages, loaded once for all stage tests. */
public final class TestPipeline {

    public static final Lexicon LEXICON = Lexicon.loadDefault();
    public static final DateResolver DATES = new DateResolver();
    public static final TextAnalyzer ANALYZER;
    public static final MentionFinder MENTIONS = new MentionFinder(LEXICON);
    public static final EntityResolver ENTITIES = new EntityResolver(LEXICON);
    public static final RelationExtractor RELATIONS = new RelationExtractor(LEXICON, DATES);

    static {
        try (InputStream sent = TestPipeline.class.getResourceAsStream(Extractor.SENTENCE_MODEL);
             InputStream pos = TestPipeline.class.getResourceAsStream(Extractor.POS_MODEL)) {
            ANALYZER = new TextAnalyzer(new SentenceSplitter(new SentenceModel(sent)), new Tokenizer(),
                    new TokenRepair(), new PosTagger(new POSModel(pos)), DATES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestPipeline() {
    }

    public static Document analyze(String text) {
        return ANALYZER.analyze(text, LocalDate.of(2031, 5, 16));
    }

    /** Entities of a body of text, under a neutral headline (first-line names need confirming). */
    public static EntityLayer entities(String text) {
        Document doc = analyze("News of the day\n" + text);
        return ENTITIES.resolve(doc, MENTIONS.find(doc));
    }
}
