package io.csc.chat.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.csc.chat.knowledge.KnowledgeHit;
import io.csc.chat.knowledge.StoreProfile;

/**
 * Answers store questions (payment, shipping countries and costs, contact, hours, address, currency, any policy) in one
 * or two sentences with their source: from the store profile where the store's settings hold the fact (payment
 * methods, shipping zones, address, currency), else the sentences of the store's pages that answer it best. Says
 * "I don't know" (known = false) instead of a handoff only when neither holds it. {@link #searchQuery} turns a question
 * phrased unlike the page ("who pays customs", "do you take credit cards") into the page's words for the knowledge
 * search.
 */
public final class StoreFacts {

    /** An answer: the text in the shopper's language (quotes in the page's language), its source, whether known. */
    public record Answer(boolean known, String text, String sourceTitle, String sourceUrl) {
    }

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"“])");

    /** Words the pages use for each topic (English pages; a page in another language matches its own words). */
    private static final Map<Topic, List<String>> PAGE_WORDS = Map.of(
            Topic.CONTACT, List.of("write", "email", "call", "phone", "contact", "customer service", "@"),
            Topic.HOURS, List.of("monday", "friday", "weekdays", "am", "pm", "hours", "open", "closed"),
            Topic.SHIPPING, List.of("ship", "shipping", "deliver", "delivery", "business days", "customs", "duties"),
            Topic.RETURNS_POLICY, List.of("return", "returns", "refund", "exchange", "days", "swap", "size"),
            Topic.PAYMENT, List.of("pay", "payment", "card", "transfer", "paypal"),
            Topic.STORE_ADDRESS, List.of("address", "warehouse", "located", "street"),
            Topic.STORE_QUESTION, List.of("gift", "wrap", "warranty", "newsletter", "currency", "dollars"));

    /** Each topic's question as a shopper asks it in English, with the page words that answer it (see {@link #englishQuestion}). */
    private static final Map<Topic, String> ENGLISH_QUESTIONS = Map.of(
            Topic.CONTACT, "How do I contact you? Call, phone or email customer service",
            Topic.HOURS, "What are your opening hours? When are you open?",
            Topic.SHIPPING, "How long does shipping take and where do you deliver?",
            Topic.RETURNS_POLICY, "What is your return policy? How many days do I have to return an item?",
            Topic.PAYMENT, "Which payment methods do you accept?",
            Topic.STORE_ADDRESS, "Where are you located? What is your address?");

    /** The topic's question in English, or null: searched when a question in another language found no page. */
    public static String englishQuestion(Topic topic) {
        return ENGLISH_QUESTIONS.get(topic);
    }

    /** Shopper words (any of the four languages) to the words a store's page uses for the same thing. */
    private static final Map<String, List<String>> SHOPPER_TO_PAGE = new HashMap<>();

    static {
        page(List.of("customs", "duties", "zoll", "aduana", "douane", "import"), "customs", "duties", "import", "taxes");
        page(List.of("credit", "card", "cards", "kreditkarte", "tarjeta", "carte", "paypal", "pay", "zahlen",
                "bezahlen", "pagar", "payer", "paiement", "pago", "zahlungsarten"), "payment", "pay", "card");
        page(List.of("transfer", "uberweisung", "ueberweisung", "transferencia", "virement"), "payment", "pay",
                "transfer");
        page(List.of("exchange", "swap", "umtauschen", "umtausch", "cambiar", "echanger", "size", "grosse", "talla",
                "taille"), "exchange", "exchanges", "swap", "size", "return");
        page(List.of("pays", "paid", "zahlt", "bezahlt", "paga", "paie"), "pay", "paid");
        page(List.of("wrap", "wrapping", "geschenkverpackung", "verpacken", "envuelven", "envolver", "emballage",
                "paquet"), "gift", "wrap", "wrapping", "packaging");
        page(List.of("phone", "number", "call", "telefon", "telefonnummer", "anrufen", "telefono", "llamar", "telephone",
                "appeler", "email", "mail", "correo", "contact", "kontakt", "contacto", "reach", "erreichen", "joindre"),
                "contact", "call", "phone", "write", "email", "customer", "service");
        page(List.of("open", "hours", "geoffnet", "offnungszeiten", "horario", "abren", "horaires", "ouvert", "sunday",
                "sonntag", "domingo", "dimanche", "weekend", "wochenende"), "hours", "monday", "friday", "weekdays",
                "am", "pm");
        page(List.of("return", "returns", "refund", "ruckgabe", "rucksendung", "devolucion", "devoluciones",
                "reembolso", "retour", "retours", "remboursement"), "return", "returns", "refund", "policy", "days");
        page(List.of("ship", "shipping", "delivery", "versand", "lieferung", "liefert", "envio", "envios",
                "livraison", "livrez", "long", "lange", "tarda", "temps"), "shipping", "delivery", "business", "days");
        page(List.of("warranty", "garantie", "garantia", "guarantee"), "warranty", "defects");
        page(List.of("currency", "wahrung", "moneda", "devise"), "prices", "dollars", "currency");
    }

    private static void page(List<String> shopperWords, String... pageWords) {
        for (String w : shopperWords) {
            SHOPPER_TO_PAGE.computeIfAbsent(w, k -> new ArrayList<>()).addAll(List.of(pageWords));
        }
    }

    /** Country names in the four languages to ISO codes, for "do you ship to Canada". */
    private static final Map<String, String> COUNTRIES = new HashMap<>();
    static {
        country("US", "usa", "america", "states", "estados unidos", "etats unis", "vereinigte staaten");
        country("CA", "canada", "kanada");
        country("MX", "mexico", "mexiko", "mexique");
        country("DE", "germany", "deutschland", "alemania", "allemagne");
        country("FR", "france", "frankreich", "francia");
        country("GB", "uk", "britain", "england", "united kingdom", "grossbritannien", "reino unido", "royaume uni",
                "angleterre");
        country("AT", "austria", "osterreich", "oesterreich", "autriche");
        country("ES", "spain", "spanien", "espana", "espagne");
        country("IT", "italy", "italien", "italia", "italie");
        country("CH", "switzerland", "schweiz", "suiza", "suisse");
        country("NL", "netherlands", "holland", "niederlande", "paises bajos", "pays bas");
        country("AU", "australia", "australien", "australie");
    }

    private static void country(String code, String... names) {
        for (String n : names) {
            COUNTRIES.put(n, code);
        }
    }

    private StoreFacts() {
    }

    /**
     * The search query in the shopper's language: in German, Spanish or French the page words alone when the question
     * has any (the pages' words find the pages; the question's own words only dilute the search over English pages).
     */
    public static String searchQuery(String question, Topic topic, Language lang) {
        String q = searchQuery(question, topic);
        if (lang == Language.EN || q.length() == question.length()) {
            return q;
        }
        return q.substring(question.length()).strip();
    }

    /** The knowledge-search query for a question: its words plus the page words they stand for. */
    public static String searchQuery(String question, Topic topic) {
        String norm = MessageAnalyser.normalize(question);
        Set<String> extra = new LinkedHashSet<>();
        for (String w : norm.split(" ")) {
            List<String> p = SHOPPER_TO_PAGE.get(w);
            if (p != null) {
                extra.addAll(p);
            }
        }
        if (extra.isEmpty() && PAGE_WORDS.containsKey(topic)) {
            PAGE_WORDS.get(topic).stream().filter(w -> !w.equals("@")).limit(4).forEach(extra::add);
        }
        return extra.isEmpty() ? question : question + " " + String.join(" ", extra);
    }

    /**
     * Answers a store question.
     *
     * @param hits the knowledge search's passages for {@link #searchQuery}, best first (may be empty)
     */
    public static Answer answer(String question, Topic topic, Language lang, StoreProfile profile,
            List<KnowledgeHit> hits) {
        String norm = " " + MessageAnalyser.normalize(question) + " ";
        if (profile != null) {
            if (topic == Topic.PAYMENT && profile.paymentMethods() != null && !profile.paymentMethods().isEmpty()
                    && !NOT_ABOUT_METHODS.matcher(norm).find()) {
                return payment(norm, lang, profile);
            }
            if (topic == Topic.SHIPPING && profile.shippingZones() != null) {
                String code = countryOf(norm);
                if (code != null) {
                    return shipsTo(code, lang, profile);
                }
            }
            if (topic == Topic.STORE_ADDRESS && profile.address() != null && profile.address().city() != null) {
                StoreProfile.Address a = profile.address();
                String address = String.join(", ", nonBlank(a.address1(), a.address2(), a.city(),
                        joined(a.state(), a.postcode()), a.country()));
                return new Answer(true, ReplyCatalog.text(lang, "facts.address", Map.of("address", address)), null, null);
            }
            if (topic == Topic.STORE_QUESTION && profile.currency() != null
                    && norm.matches(".*\\b(currency|wahrung|waehrung|moneda|devise)\\b.*")) {
                return new Answer(true, ReplyCatalog.text(lang, "facts.currency", Map.of("currency", profile.currency())),
                        null, null);
            }
        }
        return fromPages(norm, topic, lang, hits == null ? List.of() : hits);
    }

    private static Answer payment(String norm, Language lang, StoreProfile profile) {
        String methods = String.join(", ", profile.paymentMethods());
        String list = ReplyCatalog.text(lang, "facts.payment", Map.of("methods", methods));
        String asked = null;
        if (norm.matches(".*\\b(credit|card|cards|kreditkarte|tarjeta|carte)\\b.*")) {
            asked = "card";
        } else if (norm.contains(" paypal ")) {
            asked = "paypal";
        } else if (norm.matches(".*\\b(apple|google) pay\\b.*")) {
            asked = "pay";
        } else if (norm.matches(".*\\b(cash|nachnahme|contra reembolso|a la livraison)\\b.*")) {
            asked = "cash";
        } else if (norm.matches(".*\\b(transfer|uberweisung|ueberweisung|transferencia|virement)\\b.*")) {
            asked = "transfer";
        }
        if (asked == null) {
            return new Answer(true, list, null, null);
        }
        String a = asked;
        boolean yes = profile.paymentMethods().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(a));
        // a yes/no question starts with the yes or the no
        return new Answer(true, ReplyCatalog.text(lang, yes ? "facts.yes" : "facts.no") + " " + list, null, null);
    }

    private static Answer shipsTo(String code, Language lang, StoreProfile profile) {
        List<String> all = new ArrayList<>();
        StoreProfile.ShippingZone zone = null;
        for (StoreProfile.ShippingZone z : profile.shippingZones()) {
            for (String loc : z.locations()) {
                String c = loc.contains(":") ? loc.substring(0, loc.indexOf(':')) : loc;
                if (!all.contains(c)) {
                    all.add(c);
                }
                if (c.equals(code) && zone == null) {
                    zone = z;
                }
            }
        }
        String countries = String.join(", ", all.stream().map(c -> countryName(c, lang)).toList());
        String country = countryName(code, lang);
        if (zone == null || zone.methods().stream().noneMatch(StoreProfile.ShippingMethod::enabled)) {
            return new Answer(true, ReplyCatalog.text(lang, "facts.ship.no",
                    Map.of("country", country, "countries", countries)), null, null);
        }
        String symbol = symbol(profile.currency());
        List<String> costs = new ArrayList<>();
        for (StoreProfile.ShippingMethod m : zone.methods()) {
            if (!m.enabled()) {
                continue;
            }
            if (m.minAmount() != null && !m.minAmount().isBlank()) {
                costs.add(m.title() + " " + ">= " + symbol + m.minAmount());
            } else if (m.cost() != null && !m.cost().isBlank()) {
                costs.add(m.title() + " " + symbol + m.cost());
            } else {
                costs.add(m.title());
            }
        }
        return new Answer(true, ReplyCatalog.text(lang, "facts.ship.yes",
                Map.of("country", country, "costs", String.join(", ", costs))), null, null);
    }

    /** A payment question about something else than which methods are taken ("how long is an unpaid order held"). */
    private static final Pattern NOT_ABOUT_METHODS = Pattern.compile(
            "\\b(how long|how many days|unpaid|held|wie lange|unbezahlt|cuanto tiempo|cuantos dias|combien de temps|combien de jours)\\b");

    /**
     * How well the store's pages answer the question: the score of the best sentence of the passages (the question's
     * words and the page words they stand for, found in it; 0 when none). 3 or more is a sentence that answers it.
     */
    /** The {@link #evidence} of a sentence the reply quotes as the answer. */
    public static final double ANSWERS = 2;

    public static double evidence(String question, Topic topic, List<KnowledgeHit> hits) {
        String norm = " " + MessageAnalyser.normalize(question == null ? "" : question) + " ";
        return best(wanted(norm, topic), topic, hits == null ? List.of() : hits).score;
    }

    private static Set<String> wanted(String norm, Topic topic) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String w : norm.trim().split(" ")) {
            if (w.length() >= 4 && !QUESTION_WORDS.contains(w)) {
                wanted.add(w);
            }
            List<String> p = SHOPPER_TO_PAGE.get(w);
            if (p != null) {
                wanted.addAll(p);
            }
        }
        wanted.addAll(PAGE_WORDS.getOrDefault(topic, List.of()));
        return wanted;
    }

    /** Words of a question's frame that say nothing about what it asks. */
    private static final Set<String> QUESTION_WORDS = Set.of("what", "when", "where", "which", "will", "would",
            "could", "should", "does", "have", "there", "your", "about", "with", "that", "this", "from", "want", "like",
            "wann", "welche", "haben", "habt", "gibt", "ihre", "eine", "einen", "cual", "cuando", "donde", "tienen",
            "quel", "quelle", "quand", "avez", "vous", "votre", "pour");

    private record Best(double score, String sentence, String next, KnowledgeHit hit) {
    }

    private static Best best(Set<String> wanted, Topic topic, List<KnowledgeHit> hits) {
        String best = null;
        String next = null;
        double bestScore = 0;
        KnowledgeHit source = null;
        for (int h = 0; h < hits.size(); h++) {
            KnowledgeHit hit = hits.get(h);
            String[] sentences = SENTENCE.split(hit.text());
            // the section's heading says what its sentences are about ("Customs, duties & import taxes")
            // an FAQ's question as the heading says it as well as its answer does
            double heading = hit.heading() == null
                    ? 0
                    : (hit.heading().strip().endsWith("?") ? 1.0 : 0.5) * score(hit.heading(), wanted, topic);
            for (int i = 0; i < sentences.length; i++) {
                // earlier passages ranked better: a small lead, so a far better sentence further down still wins
                double score = score(sentences[i], wanted, topic) + heading - 0.02 * h;
                if (score > bestScore) {
                    bestScore = score;
                    best = sentences[i].trim();
                    source = hit;
                    next = i + 1 < sentences.length
                            ? String.join(" ",
                                    java.util.Arrays.copyOfRange(sentences, i + 1, Math.min(sentences.length, i + 3))).trim()
                            : null;
                }
            }
        }
        return new Best(bestScore, best, next, source);
    }

    /** The one or two sentences of the passages that answer best, with the page they come from. */
    private static Answer fromPages(String norm, Topic topic, Language lang, List<KnowledgeHit> hits) {
        Best found = best(wanted(norm, topic), topic, hits);
        if (found.sentence() == null || found.score() < ANSWERS) {
            return new Answer(false, ReplyCatalog.text(lang, "facts.unknown"), null, null);
        }
        String src = ReplyCatalog.text(lang, "facts.source", Map.of("page", found.hit().title()));
        String best = found.sentence();
        if (best.endsWith("?") && found.next() != null) {
            // an FAQ's question matched: its answer is what follows ("Do you offer gift wrapping? Not yet. ...")
            return new Answer(true, found.next() + "\n" + src, found.hit().title(), found.hit().url());
        }
        String next = found.next() == null ? null : SENTENCE.split(found.next())[0].trim();
        String text = best;
        Set<String> wanted = wanted(norm, topic);
        // the sentence after often finishes the thought ("... These charges are the recipient's responsibility"); a
        // short answer ("Not yet.") always needs it
        if (next != null && next.length() < 220 && (score(next, wanted, topic) >= 1 || best.length() < 40)) {
            text = best + " " + next;
        }
        return new Answer(true, text + "\n" + src, found.hit().title(), found.hit().url());
    }

    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\w+");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}(:\\d{2})?\\s?(am|pm|uhr|h)\\b|\\b\\d{1,2}:\\d{2}\\b");

    /** Words of the question and the topic's page words in the sentence; a phone, an email, a time count double. */
    private static double score(String sentence, Set<String> wanted, Topic topic) {
        String plain = " " + plain(sentence) + " ";
        double score = 0;
        for (String w : wanted) {
            if (w.equals("@") ? sentence.contains("@") : plain.contains(" " + w + " ")) {
                score += 1;
            }
        }
        if (topic == Topic.CONTACT && (PHONE.matcher(sentence).find() || EMAIL.matcher(sentence).find())) {
            score += 2;
        }
        if (topic == Topic.HOURS && TIME.matcher(sentence.toLowerCase(Locale.ROOT)).find()) {
            score += 2;
        }
        return score;
    }

    /** The country's name in the shopper's language, from the JDK's locale data ("AT" is "Österreich" in German). */
    static String countryName(String code, Language lang) {
        String name = new Locale("", code).getDisplayCountry(Locale.forLanguageTag(lang.code()));
        return name.isBlank() ? code : name;
    }

    private static String countryOf(String norm) {
        for (Map.Entry<String, String> e : COUNTRIES.entrySet()) {
            if (norm.contains(" " + e.getKey() + " ")) {
                return e.getValue();
            }
        }
        return null;
    }

    public static String symbol(String currency) {
        if (currency == null) {
            return "";
        }
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            default -> currency + " ";
        };
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String joined(String a, String b) {
        return String.join(" ", nonBlank(a, b));
    }

    /** The pages' sentences in {@link #plain} form: the same sentences are scored for every question (bounded). */
    private static final Map<String, String> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PLAIN_LIMIT = 50_000;

    private static String plain(String s) {
        String p = PLAIN.get(s);
        if (p == null) {
            p = plainOf(s);
            if (PLAIN.size() >= PLAIN_LIMIT) {
                PLAIN.clear();
            }
            PLAIN.put(s, p);
        }
        return p;
    }

    private static String plainOf(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("[^a-z0-9@]+", " ");
    }
}
