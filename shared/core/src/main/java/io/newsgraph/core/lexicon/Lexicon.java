package io.newsgraph.core.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;

/**
 * All word lists the pipeline uses, loaded once from classpath resources (simple tsv/txt files with
 * '#' comment lines; sources and licences in the README beside them). Immutable after loading.
 */
public final class Lexicon {

    private static final String BASE = "/io/newsgraph/core/lexicon/";

    private final Map<String, Place> places;
    private final Map<String, String> countryAliasesByCanonical;
    private final Map<String, Role> titles;
    private final int maxTitleWords;
    private final Set<String> orgWords;
    private final Set<String> facilityWords;
    private final Set<String> commonWords;
    private final Map<String, List<PredicateCue>> cuesByHead;
    private final Map<String, String> knownOrgs;
    private final Set<String> firstNames;
    private final Set<String> eventWords;

    private Lexicon(Map<String, Place> places, Map<String, String> countryAliasesByCanonical,
                    Map<String, Role> titles, Set<String> orgWords, Set<String> facilityWords,
                    Set<String> commonWords, Map<String, List<PredicateCue>> cuesByHead,
                    Map<String, String> knownOrgs, Set<String> firstNames, Set<String> eventWords) {
        this.eventWords = eventWords;
        this.knownOrgs = knownOrgs;
        this.firstNames = firstNames;
        this.places = places;
        this.countryAliasesByCanonical = countryAliasesByCanonical;
        this.titles = titles;
        this.maxTitleWords = titles.keySet().stream().mapToInt(t -> t.split(" ").length).max().orElse(1);
        this.orgWords = orgWords;
        this.facilityWords = facilityWords;
        this.commonWords = commonWords;
        this.cuesByHead = cuesByHead;
    }

    /** Loads the default English lexicons from the classpath. */
    public static Lexicon loadDefault() {
        Map<String, Place> places = new HashMap<>(8192);
        Map<String, String> aliasOf = new HashMap<>();
        loadPlaces(places, aliasOf);
        Set<String> eventWords = loadWords("event-words.txt");
        Map<String, Role> titles = new HashMap<>();
        lines("titles.tsv", line -> {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                titles.put(f[0].trim().toLowerCase(Locale.ROOT), Role.valueOf(f[1].trim()));
            }
        });
        Set<String> orgWords = new HashSet<>();
        lines("org-words.txt", w -> orgWords.add(w.trim().toLowerCase(Locale.ROOT)));
        Set<String> facilityWords = new HashSet<>();
        lines("facility-words.txt", w -> facilityWords.add(w.trim().toLowerCase(Locale.ROOT)));
        Set<String> common = new HashSet<>();
        lines("common-words.txt", line -> {
            for (String w : line.trim().split("\\s+")) {
                common.add(w.toLowerCase(Locale.ROOT));
            }
        });
        Map<String, List<PredicateCue>> cues = new HashMap<>();
        lines("predicates.tsv", line -> {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                PredicateCue cue = parseCue(Predicate.valueOf(f[0].trim()), f[1].trim());
                for (String h : cue.head()) {
                    cues.computeIfAbsent(h, k -> new ArrayList<>()).add(cue);
                }
            }
        });
        // Longer cues first so "meet with" wins over "meet".
        cues.values().forEach(list -> list.sort((a, b) -> b.rest().size() - a.rest().size()));
        Map<String, String> knownOrgs = new HashMap<>();
        lines("known-orgs.txt", line -> {
            String[] f = line.split("\t");
            String name = f[0].trim();
            knownOrgs.put(orgKey(name), name);
            for (String alias : split(f, 1)) {
                knownOrgs.put(orgKey(alias), name);
            }
        });
        Set<String> stop = new HashSet<>(common);
        stop.addAll(orgWords);
        stop.addAll(facilityWords);
        stop.addAll(titles.keySet());
        stop.addAll(eventWords);
        loadCities(places, stop);
        Set<String> firstNames = new HashSet<>(16384);
        lines("first-names.txt", w -> firstNames.add(w.trim().toLowerCase(Locale.ROOT)));
        // Wrapped, not copied: the maps are private to this instance and never change after loading.
        return new Lexicon(Collections.unmodifiableMap(places), Map.copyOf(aliasOf), Map.copyOf(titles),
                Set.copyOf(orgWords), Set.copyOf(facilityWords), Set.copyOf(common), Map.copyOf(cues),
                Map.copyOf(knownOrgs), Collections.unmodifiableSet(firstNames), eventWords);
    }

    private static void loadPlaces(Map<String, Place> places, Map<String, String> aliasOf) {
        Set<String> territories = new HashSet<>();
        lines("territories.txt", line -> territories.addAll(List.of(line.trim().split("\\s+"))));
        Map<String, LinkedHashSet<String>> names = new HashMap<>();
        Map<String, LinkedHashSet<String>> demonyms = new HashMap<>();
        Map<String, String> preferred = new HashMap<>();
        lines("countries.tsv", line -> {
            String[] f = line.split("\t", -1);
            names.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).addAll(split(f, 1));
            demonyms.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).addAll(split(f, 2));
        });
        lines("countries-extra.tsv", line -> {
            String[] f = line.split("\t", -1);
            List<String> extra = split(f, 1);
            if (!extra.isEmpty()) {
                preferred.put(f[0], extra.get(0));
            }
            names.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).addAll(extra);
            demonyms.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).addAll(split(f, 2));
        });
        for (Map.Entry<String, LinkedHashSet<String>> e : names.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String code = e.getKey();
            String canonical = preferred.getOrDefault(code, e.getValue().iterator().next());
            EntityType type = territories.contains(code) ? EntityType.LOCATION : EntityType.COUNTRY;
            for (String n : e.getValue()) {
                places.put(Names.normalize(n), new Place(canonical, type, false));
            }
            aliasOf.put(Names.normalize(canonical), String.join("|", e.getValue()));
            for (String d : demonyms.getOrDefault(code, new LinkedHashSet<>())) {
                String nd = Names.normalize(d);
                Place earlier = places.get(nd);
                if (earlier != null && earlier.viaDemonym() && earlier.type() == EntityType.LOCATION
                        && type == EntityType.COUNTRY) {
                    // "French" is France's, not a French territory's, whatever order the codes load in.
                    places.put(nd, new Place(canonical, type, true));
                }
                places.putIfAbsent(nd, new Place(canonical, type, true));
                if (!nd.endsWith("s") && !nd.endsWith("ese") && !nd.endsWith("ch") && !nd.endsWith("sh")
                        && !nd.endsWith("i")) {
                    places.putIfAbsent(nd + "s", new Place(canonical, type, true));
                }
                if (nd.endsWith("i")) {
                    places.putIfAbsent(nd + "s", new Place(canonical, type, true));
                }
            }
        }
        Consumer<String> location = name -> {
            String n = Names.normalize(name);
            if (!n.isEmpty()) {
                places.putIfAbsent(n, new Place(name, EntityType.LOCATION, false));
            }
        };
        lines("regions.txt", line -> location.accept(line.trim()));
        lines("capitals.tsv", line -> location.accept(line.split("\t")[0].trim()));
    }

    /** Cities last, skipping names that are ordinary words here ("March", "University", "Republic"). */
    private static void loadCities(Map<String, Place> places, Set<String> stop) {
        lines("cities.tsv", line -> {
            String name = line.split("\t")[0].trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!stop.contains(lower) && !(lower.endsWith("s") && stop.contains(lower.substring(0, lower.length() - 1)))) {
                String n = Names.normalize(name);
                if (!n.isEmpty()) {
                    places.putIfAbsent(n, new Place(name, EntityType.LOCATION, false));
                }
                // GeoNames writes "Al Hudaydah" where English news writes "Hudaydah".
                for (String article : new String[] {"al ", "el ", "al-", "el-", "ad ", "ar ", "as "}) {
                    if (lower.startsWith(article) && name.length() > article.length() + 3) {
                        String bare = name.substring(article.length());
                        if (!stop.contains(bare.toLowerCase(Locale.ROOT))) {
                            places.putIfAbsent(Names.normalize(bare), new Place(bare, EntityType.LOCATION, false));
                        }
                    }
                }
            }
        });
    }

    private static Set<String> loadWords(String file) {
        Set<String> words = new HashSet<>();
        lines(file, w -> words.add(w.trim().toLowerCase(Locale.ROOT)));
        return Set.copyOf(words);
    }

    private static List<String> split(String[] fields, int i) {
        if (fields.length <= i || fields[i].isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : fields[i].split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    static PredicateCue parseCue(Predicate predicate, String phrase) {
        String[] words = phrase.split("\\s+");
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            rest.add(words[i].toLowerCase(Locale.ROOT));
        }
        String head = words[0].toLowerCase(Locale.ROOT);
        boolean inverse = head.startsWith("~");
        if (inverse) {
            head = head.substring(1);
        }
        if (head.startsWith("=")) {
            String noun = head.substring(1);
            return new PredicateCue(predicate, List.of(noun), List.copyOf(rest), false, List.of(), inverse);
        }
        String[] forms = head.split("/");
        String lemma = forms[0];
        Set<String> all = new LinkedHashSet<>();
        all.add(lemma);
        all.add(thirdPerson(lemma));
        all.add(ingForm(lemma));
        List<String> participles = new ArrayList<>();
        if (forms.length > 1) {
            for (int i = 1; i < forms.length; i++) {
                all.add(forms[i]);
                if (i == forms.length - 1) {
                    participles.add(forms[i]);
                }
            }
        } else {
            String past = pastForm(lemma);
            all.add(past);
            participles.add(past);
            if (endsCvc(lemma) && !shortCvc(lemma)) {
                // "expel" -> "expelled", "patrol" -> "patrolled": stress decides, so accept both spellings.
                String doubled = lemma + lemma.charAt(lemma.length() - 1);
                all.add(doubled + "ed");
                all.add(doubled + "ing");
                participles.add(doubled + "ed");
            }
        }
        return new PredicateCue(predicate, List.copyOf(all), List.copyOf(rest), true, List.copyOf(participles),
                inverse);
    }

    private static boolean shortCvc(String w) {
        int n = w.length();
        return n >= 3 && n <= 4 && !isVowel(w.charAt(n - 1)) && "wxy".indexOf(w.charAt(n - 1)) < 0
                && isVowel(w.charAt(n - 2)) && !isVowel(w.charAt(n - 3));
    }

    private static boolean endsCvc(String w) {
        int n = w.length();
        return n >= 3 && !isVowel(w.charAt(n - 1)) && "wxy".indexOf(w.charAt(n - 1)) < 0
                && isVowel(w.charAt(n - 2)) && !isVowel(w.charAt(n - 3));
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    static String thirdPerson(String w) {
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        if (w.endsWith("y") && w.length() > 1 && !isVowel(w.charAt(w.length() - 2))) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        return w + "s";
    }

    static String pastForm(String w) {
        if (w.endsWith("e")) {
            return w + "d";
        }
        if (w.endsWith("y") && w.length() > 1 && !isVowel(w.charAt(w.length() - 2))) {
            return w.substring(0, w.length() - 1) + "ied";
        }
        if (shortCvc(w)) {
            return w + w.charAt(w.length() - 1) + "ed";
        }
        return w + "ed";
    }

    static String ingForm(String w) {
        if (w.endsWith("e") && !w.endsWith("ee") && w.length() > 2) {
            return w.substring(0, w.length() - 1) + "ing";
        }
        if (shortCvc(w)) {
            return w + w.charAt(w.length() - 1) + "ing";
        }
        return w + "ing";
    }

    private static void lines(String file, Consumer<String> consumer) {
        try (InputStream in = Lexicon.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    consumer.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gazetteer lookup of a name or demonym (any case), or null. */
    public Place place(String name) {
        return places.get(Names.normalize(name));
    }

    /** Known written forms of a country, by its canonical name ("United States" gives US, U.S., ...). */
    public List<String> countryForms(String canonical) {
        String forms = countryAliasesByCanonical.get(Names.normalize(canonical));
        return forms == null ? List.of() : List.of(forms.split("\\|"));
    }

    /** All-caps forms keep their case (WHO is not "who"); other names are normalised. */
    private static String orgKey(String name) {
        boolean allCaps = name.chars().anyMatch(Character::isLetter)
                && name.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        return allCaps ? "#" + name.replace(".", "") : Names.normalize(name);
    }

    /** Canonical name of a widely known organisation written this way, or null. */
    public String knownOrganization(String name) {
        return knownOrgs.get(orgKey(name));
    }

    /** Role of a lower-case title phrase, or null. */
    public Role title(String phrase) {
        return titles.get(phrase.toLowerCase(Locale.ROOT));
    }

    public int maxTitleWords() {
        return maxTitleWords;
    }

    /** An organisation head word, singular or plural ("Department", "Departments"). */
    public boolean isOrgWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return orgWords.contains(lower)
                || lower.length() > 4 && lower.endsWith("s") && orgWords.contains(lower.substring(0, lower.length() - 1))
                || lower.length() > 5 && lower.endsWith("ies")
                    && orgWords.contains(lower.substring(0, lower.length() - 3) + "y");
    }

    /** Head word of an event, holiday, law or award name ("Day", "War", "Act"). */
    public boolean isEventWord(String word) {
        return eventWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A common English given name ("Maria", "John"). */
    public boolean isFirstName(String word) {
        return firstNames.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean isFacilityWord(String word) {
        return facilityWords.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean isCommonWord(String word) {
        return commonWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The tokens the later stages read tags of: sentence openers, capitalised words, relation cue
     * words and the two words before a cue (adjectives before noun cues).
     */
    public boolean needsTag(List<io.newsgraph.core.text.Token> sentence, int i) {
        String x = sentence.get(i).text();
        if (i <= 1 || x.isEmpty()) {
            return i <= 1;
        }
        if (Character.isUpperCase(x.charAt(0))) {
            // Inside a sentence a capitalised word is a name anyway, unless it is also a common word.
            String lowerCap = x.toLowerCase(Locale.ROOT);
            return commonWords.contains(lowerCap) || lowerCap.endsWith("ing");
        }
        String lower = x.toLowerCase(Locale.ROOT);
        if (cuesByHead.containsKey(lower)) {
            return true;
        }
        for (int k = i + 1; k < sentence.size() && k <= i + 2; k++) {
            if (cuesByHead.containsKey(sentence.get(k).text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Cues whose first word has this (lower-case) form, longest first. */
    public List<PredicateCue> cues(String lowerWord) {
        return cuesByHead.getOrDefault(lowerWord, Collections.emptyList());
    }
}
