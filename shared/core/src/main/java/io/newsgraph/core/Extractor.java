package io.newsgraph.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.newsgraph.core.entity.EntityLayer;
import io.newsgraph.core.entity.EntityResolver;
import io.newsgraph.core.entity.ResolvedEntity;
import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.mention.MentionFinder;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.relation.RelationExtractor;
import io.newsgraph.core.text.DateResolver;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.PosTagger;
import io.newsgraph.core.text.SentenceSplitter;
import io.newsgraph.core.text.TextAnalyzer;
import io.newsgraph.core.text.TokenRepair;
import io.newsgraph.core.text.Tokenizer;
import io.newsgraph.core.text.Vocabulary;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * The extraction pipeline as one object: load once (models, lexicons), then extract many articles.
 * Thread-safe after loading. Stages, each a class over the immutable {@link Document}:
 * <ol>
 *   <li>{@link TextAnalyzer}: {@code SentenceSplitter} (OpenNLP sentence model, lines as hard
 *       breaks), {@code Tokenizer}, {@code TokenRepair} (hyphenated names, particles, possessives),
 *       {@code PosTagger} (OpenNLP UD POS model, greedy, only where later stages read tags),
 *       {@code DateResolver} (publication date from a date line);</li>
 *   <li>{@link MentionFinder}: proper-name spans, acronyms, gazetteer places, demonyms, titles;</li>
 *   <li>{@link EntityResolver}: {@code MentionFilter}, grouping with aliases, {@code EntityTyper};</li>
 *   <li>{@link RelationExtractor}: {@code RoleRelations} and {@code EventRelations} with location and date.</li>
 * </ol>
 */
public final class Extractor {

    private static final System.Logger LOG = System.getLogger(Extractor.class.getName());

    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final TextAnalyzer analyzer;
    private final MentionFinder mentions;
    private final EntityResolver entities;
    private final RelationExtractor relations;

    private Extractor(TextAnalyzer analyzer, MentionFinder mentions, EntityResolver entities,
                      RelationExtractor relations) {
        this.analyzer = analyzer;
        this.mentions = mentions;
        this.entities = entities;
        this.relations = relations;
    }

    /** Loads the default English pipeline (OpenNLP models from the model jars, lexicons) from the classpath. */
    public static Extractor loadDefault() {
        try (InputStream sent = resource(SENTENCE_MODEL); InputStream pos = resource(POS_MODEL)) {
            SentenceModel sentenceModel = new SentenceModel(sent);
            POSModel posModel = new POSModel(pos);
            Lexicon lexicon = Lexicon.loadDefault();
            DateResolver dates = new DateResolver();
            TextAnalyzer analyzer = new TextAnalyzer(new SentenceSplitter(sentenceModel), new Tokenizer(),
                    new TokenRepair(), new PosTagger(posModel), dates, lexicon::needsTag);
            return new Extractor(analyzer, new MentionFinder(lexicon), new EntityResolver(lexicon),
                    new RelationExtractor(lexicon, dates));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP models", e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Extractor.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("model not on the classpath: " + path);
        }
        return in;
    }

    /** The text stages only: sentences and tagged tokens of the article's full text (title first). */
    public Document analyze(Article article) {
        return analyzer.analyze(article == null ? "" : article.fullText(), article == null ? null : article.published());
    }

    /**
     * Runs every stage over one article. Never throws on any text: should a stage fail on input no
     * test foresaw, the failure is logged and the article degrades (no relations, or nothing) rather
     * than failing the caller's batch.
     */
    public Extraction extract(Article article) {
        Document doc;
        EntityLayer layer;
        try {
            doc = analyze(article);
            Vocabulary vocabulary = Vocabulary.of(doc);
            List<Mention> found = mentions.find(doc, vocabulary);
            layer = entities.resolve(doc, vocabulary, found);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "entity stages failed; article yields nothing", e);
            return new Extraction(List.of(), List.of());
        }
        List<Relation> rels;
        try {
            rels = relations.extract(doc, layer);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "relation stage failed; article yields entities only", e);
            rels = List.of();
        }
        List<Entity> out = new ArrayList<>(layer.entities().size());
        for (ResolvedEntity e : layer.entities()) {
            out.add(new Entity(e.name(), e.type(), e.aliases()));
        }
        return new Extraction(out, rels);
    }
}
