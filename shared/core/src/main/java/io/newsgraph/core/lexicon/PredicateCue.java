package io.newsgraph.core.lexicon;

import java.util.List;

import io.newsgraph.core.model.Predicate;

/**
 * One cue phrase for a predicate.
 *
 * @param predicate the predicate it signals
 * @param head      the normalised surface forms of its first word (all inflections)
 * @param rest      the following words, lower case, in order
 * @param verb      true when the head is a verb (passive voice applies), false for nouns
 * @param participles past participle forms of the head (for passive detection)
 * @param inverse   true when the grammatical subject receives the action ("X received support from Y":
 *                  Y supports X)
 */
public record PredicateCue(Predicate predicate, List<String> head, List<String> rest, boolean verb,
                           List<String> participles, boolean inverse) {
}
