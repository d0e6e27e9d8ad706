package io.newsgraph.storage;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import java.time.LocalDate;
import java.util.List;

/** Invented articles and extractions (no real news). */
final class Fixtures {
    static final String BUCKET = "articles";

    private Fixtures() {
    }

    static ArticleSource source(String key, String sequencer) {
        return new ArticleSource(BUCKET, key, sequencer, 100, "etag");
    }

    static Article article(String title, LocalDate published) {
        return new Article(title, "Body text.", published, "https://news.example/" + title.hashCode(),
                ArticleFormat.PLAIN_TEXT);
    }

    static Entity person(String name, String... aliases) {
        return new Entity(name, EntityType.PERSON, List.of(aliases));
    }

    static Entity org(String name, String... aliases) {
        return new Entity(name, EntityType.ORGANIZATION, List.of(aliases));
    }

    static Entity country(String name, String... aliases) {
        return new Entity(name, EntityType.COUNTRY, List.of(aliases));
    }

    static Entity place(String name, String... aliases) {
        return new Entity(name, EntityType.LOCATION, List.of(aliases));
    }

    static Relation relation(String subject, Predicate predicate, String object, String location, String date) {
        return new Relation(subject, predicate, object, location, date,
                subject + " " + predicate.name().toLowerCase() + " " + object + ".");
    }

    /** Mara Velkov of Ostrelia meets Tomas Rennick in Port Kasimir, criticises the Dunmore Council. */
    static Extraction summit() {
        return new Extraction(
                List.of(person("Mara Velkov", "Velkov", "President Velkov"), person("Tomas Rennick", "Rennick"),
                        country("Ostrelia", "Ostrelian"), place("Port Kasimir"),
                        org("Dunmore Council", "the Council")),
                List.of(relation("Mara Velkov", Predicate.MEET, "Tomas Rennick", "Port Kasimir", "2025-03-14"),
                        relation("Velkov", Predicate.CRITICIZE, "Dunmore Council", null, "2025-03-15"),
                        relation("Tomas Rennick", Predicate.VISIT, "Ostrelia", null, null),
                        relation("Mara Velkov", Predicate.HEAD_OF, "Ostrelia", null, "2025")));
    }
}
