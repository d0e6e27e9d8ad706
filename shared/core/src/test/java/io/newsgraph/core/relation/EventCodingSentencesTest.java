package io.newsgraph.core.relation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.core.TestPipeline;
import io.newsgraph.core.entity.EntityLayer;
import io.newsgraph.core.eval.NameNormalizer;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.text.Document;

/**
 * Short event-coding style news sentences (invented; real countries and cities, invented people), one
 * per article, each with the relation a careful annotator would code. The article is dated Friday
 * 2031-05-16, so "on Monday" is 2031-05-12.
 */
class EventCodingSentencesTest {

    /**
     * sentence | subject ("!" before it: must NOT be found) | predicate | object | location ("" = not
     * checked) | date ("" = not checked).
     */
    private static final String[] CASES = {
        "Israeli troops attacked Palestinian militants in Gaza on Monday.|Israel|ATTACK|Gaza||2031-05-12",
        "The French president met the German chancellor in Berlin.|France|MEET|Germany|Berlin|",
        "Russian forces withdrew from Kherson on Tuesday.|Russia|WITHDRAW|Kherson||2031-05-13",
        "Turkey and Greece held talks in Athens on Wednesday.|Turkey|MEET|Greece|Athens|2031-05-14",
        "Egypt accused Ethiopia of violating the agreement.|Egypt|CRITICIZE|Ethiopia||",
        "Kenya expelled Somalia's ambassador on Thursday.|Kenya|SANCTION|Somalia||2031-05-15",
        "The United States imposed sanctions on Iran.|United States|SANCTION|Iran||",
        "Polish police arrested Marek Zelinski in Warsaw.|Poland|ARREST|Marek Zelinski|Warsaw|",
        "Hungarian police arrested Marek Zelinski in Budapest.|Hungary|ARREST|Marek Zelinski|Budapest|",
        "Ukraine was attacked by Russia on Monday.|Russia|ATTACK|Ukraine||2031-05-12",
        "Japan pledged to cooperate with South Korea.|Japan|COOPERATE|South Korea||",
        "Prime Minister Lena Varga visited Vienna on Sunday.|Lena Varga|VISIT|Vienna||2031-05-11",
        "India negotiated with Pakistan over the water dispute.|India|NEGOTIATE|Pakistan||",
        "Brazil backed Argentina in the trade dispute.|Brazil|SUPPORT|Argentina||",
        "Canada praised Mexico for its reforms.|Canada|PRAISE|Mexico||",
        "Poland signed an agreement with Lithuania in Vilnius.|Poland|AGREE|Lithuania|Vilnius|",
        "Germany sent weapons to Ukraine.|Germany|AID|Ukraine||",
        "Prosecutors in Italy investigated Paolo Ferrante.|Italy|INVESTIGATE|Paolo Ferrante||",
        "The United Nations urged Sudan to end the fighting.|United Nations|DEMAND|Sudan||",
        "China condemned Japan on Friday.|China|CRITICIZE|Japan||2031-05-16",
        "Iran rejected the proposal from France.|Iran|REJECT|France||",
        "North Korea threatened South Korea with retaliation.|North Korea|THREATEN|South Korea||",
        "The Democratic Party protested against Serbia's government in Belgrade.|Democratic Party|PROTEST|Serbia|Belgrade|",
        "Russia deployed troops in Belarus.|Russia|DEPLOY|Belarus||",
        "Boko Haram killed three Nigerian soldiers near the border.|Boko Haram|KILL|Nigeria||",
        "Pakistani forces killed Tariq Mahmood in Peshawar on Saturday.|Pakistan|KILL|Tariq Mahmood|Peshawar|2031-05-10",
        "Niger's army ousted President Samuel Okoro.|Niger|OUST|Samuel Okoro||",
        "Soldiers overthrew President Samuel Okoro of Niger.|Samuel Okoro|HEAD_OF|Niger||",
        "Opposition leader Juma Okello fled Sudan on Monday.|Juma Okello|FLEE|Sudan||2031-05-12",
        "Kenyan President Amani Otieno met Lars Holm in Nairobi.|Amani Otieno|HEAD_OF|Kenya||",
        "Kenyan President Amani Otieno met Danish envoy Lars Holm in Nairobi.|Amani Otieno|MEET|Lars Holm|Nairobi|",
        "Foreign Minister Ana Ruiz of Spain met her Moroccan counterpart in Rabat.|Ana Ruiz|MEET|Morocco|Rabat|",
        "The Syrian government attacked Idlib on Monday.|Syria|ATTACK|Idlib||2031-05-12",
        "Armenia, backed by France, criticized Azerbaijan.|Armenia|CRITICIZE|Azerbaijan||",
        "Armenia, backed by France, criticized Azerbaijan again.|France|SUPPORT|Armenia||",
        "Israel's forces withdrew from Lebanon.|Israel|WITHDRAW|Lebanon||",
        "Chancellor Eva Brandt met Prime Minister Paolo Rossi at the summit in Brussels.|Eva Brandt|MEET|Paolo Rossi|Brussels|",
        "Chinese warships were deployed near Taiwan.|China|DEPLOY|Taiwan||",
        "Iraqi troops attacked the border town of Sinjar on Monday.|Iraq|ATTACK|Sinjar||2031-05-12",
        "Saudi Arabia hosted Qatar's emir in Riyadh.|Saudi Arabia|MEET|Qatar|Riyadh|",
        "Greek police detained Dimitri Pappas at Athens airport.|Greece|ARREST|Dimitri Pappas||",
        "Spain welcomed the decision by Portugal.|Spain|PRAISE|Portugal||",
        "Nigerian troops captured Musa Bello near the border town of Maiduguri.|Nigeria|ARREST|Musa Bello|Maiduguri|",
        "Egyptian President Omar Fathy travelled to Riyadh on Monday.|Omar Fathy|VISIT|Riyadh||2031-05-12",
        "Armenian officials said Azerbaijani forces attacked Armenian positions.|Azerbaijan|ATTACK|Armenia||",
        "The French president did not meet the German chancellor.|!France|MEET|Germany||",
        "The Syrian army shelled rebel positions near Aleppo.|Syria|ATTACK|Aleppo||",
        "Hamas fired rockets at Israel on Saturday.|Hamas|ATTACK|Israel||2031-05-10",
        "Russia invaded Ukraine.|Russia|ATTACK|Ukraine||",
        "The European Union imposed new sanctions on Belarus.|European Union|SANCTION|Belarus||",
        "Australia cut diplomatic ties with Iran.|Australia|SANCTION|Iran||",
        "Police in Kenya detained opposition leader Peter Mwangi.|Kenya|ARREST|Peter Mwangi||",
        "Peter Mwangi was detained by Kenyan police in Nairobi on Saturday.|Kenya|ARREST|Peter Mwangi|Nairobi|2031-05-10",
        "Germany will send tanks to Ukraine.|!Germany|AID|Ukraine||",
        "Kenyan President Daniel Kiprop congratulated Tanzania's new president.|Daniel Kiprop|PRAISE|Tanzania||",
        "Iran's foreign minister met his Iraqi counterpart in Baghdad.|Iran|MEET|Iraq|Baghdad|",
        "Venezuela accused the United States of plotting a coup.|Venezuela|CRITICIZE|United States||",
        "Colombia signed a peace agreement with the FARC in Havana.|Colombia|AGREE|FARC|Havana|",
        "Japanese Prime Minister Kenji Sato spoke by phone with Indian Prime Minister Ravi Mehta.|Kenji Sato|MEET|Ravi Mehta||",
        "Israel struck targets in Lebanon on Sunday.|Israel|ATTACK|Lebanon||2031-05-11",
        "The UN Security Council condemned North Korea's missile test.|UN Security Council|CRITICIZE|North Korea||",
        "Armenia's prime minister visited Moscow yesterday.|Armenia|VISIT|Moscow||2031-05-15",
        "Sudanese paramilitary forces attacked the city of Omdurman.|Sudan|ATTACK|Omdurman||",
        "Maria Lopez, the foreign minister of Chile, met Ahmed Karimi in Tehran.|Maria Lopez|MEMBER_OF|Chile||",
        "Maria Lopez, the foreign minister of Chile, met Ahmed Karimi in Tehran on Monday.|Maria Lopez|MEET|Ahmed Karimi|Tehran|2031-05-12",
        "Kosovo protested against Serbia's decision.|Kosovo|PROTEST|Serbia||",
        "Taiwan warned China against further provocations.|Taiwan|THREATEN|China||",
        "Ukraine's president thanked the United Kingdom for its support.|Ukraine|PRAISE|Britain||",
        "Israel launched airstrikes on Gaza on Monday.|Israel|ATTACK|Gaza||2031-05-12",
        "Russia launched a missile attack on Kyiv.|Russia|ATTACK|Kyiv||",
        "Egypt hosted talks between Israel and Hamas in Cairo.|Egypt|MEET|Israel|Cairo|",
        "Turkish forces pulled out of northern Iraq.|Turkey|WITHDRAW|Iraq||",
        "Lucas Moreira, the president of Brazil, visited Lisbon.|Lucas Moreira|HEAD_OF|Brazil||",
        "Mali's junta expelled France's ambassador.|Mali|SANCTION|France||",
        "Nigeria's army said it had killed 20 Boko Haram fighters.|Nigeria|KILL|Boko Haram||",
        "Greece deployed warships near Crete.|Greece|DEPLOY|Crete||",
        "Hungary did not back Ukraine's bid.|!Hungary|SUPPORT|Ukraine||",
        "Opposition leader Juma Okello took refuge in Kenya.|Juma Okello|FLEE|Kenya||",
        "Iraqi authorities arrested Hassan Jaber in Basra on Tuesday.|Iraq|ARREST|Hassan Jaber|Basra|2031-05-13",
        "China warns Japan over disputed islands.|China|THREATEN|Japan||",
        "Chancellor Eva Brandt meets Prime Minister Paolo Rossi in Rome.|Eva Brandt|MEET|Paolo Rossi|Rome|",
        "Pakistan accuses India of sponsoring militants.|Pakistan|CRITICIZE|India||",
        "Israeli warplanes bombed Hezbollah positions in southern Lebanon.|Israel|ATTACK|Hezbollah||",
        "The Kremlin criticized Finland for joining NATO.|Kremlin|CRITICIZE|Finland||",
        "Turkey and Syria agreed on a ceasefire on March 3.|Turkey|AGREE|Syria||",
        "Ukrainian President Olena Hrytsenko was received by Pope Leo in Rome.|Olena Hrytsenko|HEAD_OF|Ukraine||",
        "Rwanda denied backing M23 rebels.|!Rwanda|SUPPORT|M23||",
        "South Korea condemned North Korea's missile launch, calling it a provocation.|South Korea|CRITICIZE|North Korea||",
        "Ethiopian forces withdrew from Somalia on Thursday.|Ethiopia|WITHDRAW|Somalia||2031-05-15",
        "French police detained Karim Benali at Paris airport.|France|ARREST|Karim Benali||",
        "Opposition leader Juma Okello was arrested by Ugandan police in Kampala.|Uganda|ARREST|Juma Okello|Kampala|",
        "Qatar mediated talks between the United States and the Taliban in Doha.|United States|MEET|Taliban|Doha|",
        "Jordan's King Faisal hosted Palestinian President Samir Nasser in Amman.|Faisal|MEET|Samir Nasser|Amman|",
        "Vietnam protested China's deployment of an oil rig.|Vietnam|PROTEST|China||",
        "The rebels, led by Ali Warsame, killed three Somali soldiers.|Ali Warsame|KILL|Somalia||",
        "Bolivia recalled its ambassador and expelled the Chilean envoy.|Bolivia|SANCTION|Chile||",
        "Gunmen killed a police officer in Quetta on Monday, officials said.|!Pakistan|KILL|Quetta||",
        "Iran said on Tuesday it had arrested Daniel Ashford, a British citizen.|Iran|ARREST|Daniel Ashford||",
        "The Taliban, which seized power in 2021, detained Samuel Reed in Kabul.|Taliban|ARREST|Samuel Reed|Kabul|",
        "Venezuelan President Luis Ortega, who met Cuban leaders on Monday, criticized Colombia.|Luis Ortega|CRITICIZE|Colombia||",
        "After talks in Ankara, Turkey agreed to supply drones to Azerbaijan.|!Turkey|AID|Azerbaijan||",
        "Ukraine condemned the Russian invasion.|Ukraine|CRITICIZE|Russia||",
        "Myanmar's military junta arrested Aung Min Thu.|Myanmar|ARREST|Aung Min Thu||",
        "The Israeli military said it struck Hamas targets in Khan Younis.|Israel|ATTACK|Hamas||",
        "Russian President Pavel Ivanov arrived in Beijing on Wednesday.|Pavel Ivanov|VISIT|Beijing||2031-05-14",
        "Police fired tear gas at protesters in Nairobi.|!Kenya|ATTACK|Nairobi||",
        "Somali forces backed by US airstrikes recaptured the town of Baidoa.|United States|SUPPORT|Somalia||",
        "Thailand and Cambodia exchanged fire near the border.|Thailand|ATTACK|Cambodia||",
        "Iraq condemned a Turkish air strike on Monday.|Iraq|CRITICIZE|Turkey||2031-05-12",
        "Gunmen loyal to Amadou Keita attacked a convoy in the northern city of Gao.|Amadou Keita|ATTACK|Gao||",
        "Chancellor Eva Brandt met Prime Minister Paolo Rossi in Kenya on Monday.|Eva Brandt|MEET|Paolo Rossi|Kenya|2031-05-12",
        "French troops killed Moussa Traore near the border town of Menaka.|France|KILL|Moussa Traore|Menaka|",
        "Prime Minister Lena Varga met President Karl Holm at the NATO summit in Vilnius.|Lena Varga|MEET|Karl Holm|Vilnius|",
        "Iran and Saudi Arabia held talks at a hotel in Baghdad.|Iran|MEET|Saudi Arabia|Baghdad|",
        "Two Kenyan soldiers were killed by Al-Shabaab fighters in Lamu.|Al-Shabaab|KILL|Kenya|Lamu|",
        "The embassy in Tehran was attacked by protesters.|!Iran|ATTACK|Tehran||",
        "Bulgaria expelled two Russian diplomats on Friday.|Bulgaria|SANCTION|Russia||2031-05-16",
        "Moldova summoned the Russian ambassador and protested against the airspace violation.|!Moldova|PROTEST|Russia||",
        "Belgian investigators probed the European Parliament.|Belgium|INVESTIGATE|European Parliament||",
        "Chadian rebels led by Yusuf Kassem toppled President Idris Malik.|Yusuf Kassem|OUST|Idris Malik||",
        "Kazakhstan's president Nurlan Bekov hosted Chinese President Li Wen in Astana.|Nurlan Bekov|MEET|Li Wen|Astana|",
        "Brazil supports Venezuela, President Ana Costa said.|Brazil|SUPPORT|Venezuela||",
        "The African Union suspended Niger after the coup.|African Union|SANCTION|Niger||",
        "India and China pledged to maintain peace along the border.|!India|COOPERATE|China||",
        "Serbia threatened to send troops to Kosovo.|!Serbia|AID|Kosovo||",
        "Ecuador granted asylum to Rafael Pinto.|Ecuador|AID|Rafael Pinto||",
        "Israel strikes Gaza as talks stall.|Israel|ATTACK|Gaza||",
        "KABUL (Reuters) - Pakistan carried out airstrikes on Afghanistan on Monday.|Pakistan|ATTACK|Afghanistan||2031-05-12",
        "Mexico's foreign ministry summoned the U.S. ambassador and criticized Washington's decision.|!Mexico|CRITICIZE|Mexico||",
        "Spanish police arrested three suspects and charged Luis Moreno with fraud.|Spain|ARREST|Luis Moreno||",
        "Cuba released Pedro Alvarez, who had been detained by Cuban authorities since March.|Cuba|ARREST|Pedro Alvarez||",
        "Thousands of Israelis demonstrated against the Israeli government in Tel Aviv.|!Israel|PROTEST|Israel||",
        "The Philippines accused China of ramming its vessels.|Philippines|CRITICIZE|China||",
        "Indonesian President Budi Santoso will visit Tokyo next week.|!Budi Santoso|VISIT|Tokyo||",
        "Morocco and Algeria restored diplomatic relations.|Morocco|COOPERATE|Algeria||",
        "Iran denied that it had attacked Saudi Arabia.|!Iran|ATTACK|Saudi Arabia||",
        "Germany is considering sanctions on Belarus.|!Germany|SANCTION|Belarus||",
        "Chile refused to recognize Bolivia's claim.|!Chile|SUPPORT|Bolivia||",
        "Chile rejected Bolivia's claim to the coast.|Chile|REJECT|Bolivia||",
        "Tanzania was praised by Kenya for its role in the talks.|Kenya|PRAISE|Tanzania||",
        "Syria and Turkey signed an agreement in Damascus.|Syria|AGREE|Turkey|Damascus|",
        "Colonel Abdou Sani, the commander of Niger's army, met French officials.|Abdou Sani|MEMBER_OF|Niger||",
        "President Maria Silva of Portugal was welcomed by King Felipe in Madrid.|Felipe|PRAISE|Maria Silva|Madrid|",
        "Saudi-led coalition warplanes struck Sanaa on Thursday.|!Saudi Arabia|VISIT|Sanaa||",
        "Gunmen loyal to Amadou Keita kidnapped Jean Dupont in Mopti.|Amadou Keita|ATTACK|Jean Dupont|Mopti|",
        "Indian and Chinese troops clashed in Ladakh.|India|ATTACK|China||",
        "Azerbaijani forces clashed with Armenian troops on Tuesday.|Azerbaijan|ATTACK|Armenia||2031-05-13",
        "Police shot dead Ibrahim Musa in Kano.|!Nigeria|KILL|Ibrahim Musa||",
        "Nigerian soldiers shot dead Ibrahim Musa in Kano.|Nigeria|KILL|Ibrahim Musa|Kano|",
        "Russia vetoed the resolution drafted by France.|!Russia|REJECT|France||",
        "Qatar boycotted the summit hosted by Bahrain.|!Bahrain|MEET|Qatar||",
        "The United States froze the assets of Viktor Koval.|United States|SANCTION|Viktor Koval||",
        "Haiti called on the United Nations to send troops.|Haiti|DEMAND|United Nations||",
        "Rebels besieged the city of Goma, Congo said.|!Congo|ATTACK|Goma||",
        "Hezbollah fighters wounded three Israeli soldiers.|Hezbollah|ATTACK|Israel||",
        "Kenya arrested Peter Mwangi yesterday.|Kenya|ARREST|Peter Mwangi||2031-05-15",
        "Kenya arrested Peter Mwangi on May 3.|Kenya|ARREST|Peter Mwangi||2031-05-03",
        "Chile and Peru held talks in Lima on 12 April 2031.|Chile|MEET|Peru|Lima|2031-04-12",
        "Egypt's president met Sudan's army chief in Cairo on Monday, state media reported.|Egypt|MEET|Sudan|Cairo|2031-05-12",
        "Japan and the Philippines signed a defence pact in Manila.|Japan|AGREE|Philippines|Manila|",
        "The Pentagon deployed 2,000 troops to Poland.|Pentagon|DEPLOY|Poland||",
        "The State Department criticized Cambodia over the election.|State Department|CRITICIZE|Cambodia||",
        "Defense Secretary John Harlow visited Seoul on Thursday.|John Harlow|VISIT|Seoul||2031-05-15",
        "The World Health Organization sent aid to Sudan.|World Health Organization|AID|Sudan||",
        "Amnesty International accused Egyptian authorities of torture.|Amnesty International|CRITICIZE|Egypt||",
        "Islamic State militants attacked a checkpoint in Raqqa.|Islamic State|ATTACK|Raqqa||",
        "She met Pope Leo at the Vatican after Marta Kowal arrived in Rome.|Marta Kowal|VISIT|Rome||",
        "Ghana's government expelled the Nigerian ambassador.|Ghana|SANCTION|Nigeria||",
        "Algeria recalled its ambassador to France.|!France|SANCTION|Algeria||",
        "Israel and Hamas agreed to a ceasefire brokered by Egypt.|Israel|AGREE|Hamas||",
        "Ukrainian and Russian negotiators held talks in Istanbul.|Ukraine|MEET|Russia|Istanbul|",
        "Turkish troops withdrew from northern Syria on Sunday.|Turkey|WITHDRAW|Syria||2031-05-11",
    };

    private static List<Relation> relations(String text) {
        Document doc = TestPipeline.analyze("News of the day\n" + text);
        EntityLayer layer = TestPipeline.ENTITIES.resolve(doc, TestPipeline.MENTIONS.find(doc));
        return TestPipeline.RELATIONS.extract(doc, layer);
    }

    /** Names as the scorer compares them: gazetteer names may keep their accents ("Sinjār"). */
    private static boolean same(String a, String b) {
        return NameNormalizer.normalize(a).equals(NameNormalizer.normalize(b));
    }

    @Test
    void eachSentenceGivesItsRelation() {
        List<String> failures = new ArrayList<>();
        for (String c : CASES) {
            String[] f = c.split("\\|", -1);
            List<Relation> rels = relations(f[0]);
            Predicate p = Predicate.valueOf(f[2]);
            boolean negated = f[1].startsWith("!");
            String subject = negated ? f[1].substring(1) : f[1];
            boolean found = rels.stream().anyMatch(r -> r.predicate() == p
                    && (same(r.subject(), subject) && same(r.object(), f[3])
                        || p.symmetric() && same(r.subject(), f[3]) && same(r.object(), subject))
                    && (f[4].isEmpty() || f[4].equals(r.location()))
                    && (f[5].isEmpty() || f[5].equals(r.date())));
            if (found == negated) {
                failures.add(f[0] + " -> " + rels);
            }
        }
        System.out.println("EVENT-CODING failures " + failures.size() + " of " + CASES.length);
        failures.forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " of " + CASES.length + " failed:\n" + String.join("\n", failures));
    }
}
