package io.csc.chat.understanding;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells English, German, Spanish and French apart in short shopper messages ("wo ist meine bestellung", "tienen
 * auriculares?"), in microseconds and without a model: function words and characteristic shop words of each language
 * (also as shoppers type them without accents), the letters only one language uses (ß, ñ, ¿, ç) and a few word
 * endings. A general n-gram detector (lingua) needs tens of megabytes and still guesses on three words; here a
 * message with no evidence keeps the fallback (the conversation's or the store's language) instead of a guess.
 */
public final class LanguageDetector {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}]+");

    /** Word -> evidence per language; a word of two languages counts for both, less. */
    private static final Map<String, Map<Language, Double>> WORDS = new HashMap<>();

    static {
        add(Language.EN, 1.0, "the", "is", "are", "you", "your", "my", "me", "i", "im", "it", "its", "do", "does",
                "have", "has", "what", "where", "when", "how", "why", "who", "which", "can", "could", "would", "will",
                "want", "need", "please", "pls", "thanks", "thank", "thx", "hi", "hello", "hey", "yes", "yeah", "yep",
                "nope", "order", "orders", "shipping", "ship", "delivery", "return", "refund", "cancel", "cheapest",
                "price", "cost", "much", "many", "stock", "available", "with", "and", "for", "of", "to", "from",
                "this", "that", "there", "here", "any", "some", "got", "get", "buy", "sell", "cheap", "store", "shop",
                "whats", "wheres", "dont", "cant", "u", "ur", "r", "pay", "card", "address", "change", "phone",
                "email", "open", "hours", "data", "delete", "person", "human", "agent", "bye", "good", "morning",
                "joke", "bot", "s", "t", "ll", "ve", "re", "still", "yet", "package", "parcel", "tracking", "track", "gift",
                "under", "over",
                "sale", "shirt", "speak", "talk", "someone", "also", "just", "ok", "okay", "sure", "right", "wrong",
                "a", "an", "be", "was", "not", "no", "did", "at", "on", "in", "all", "about", "know", "tell", "send",
                "sent", "arrive", "arrived", "come", "back", "long", "days", "take", "accept", "who", "made",
                "hiya", "tshirt", "cheers", "awesome", "great", "cool", "return", "exchange", "size", "blue", "red");
        add(Language.DE, 1.0, "ich", "du", "sie", "wir", "ihr", "ist", "sind", "bin", "hast", "habt", "haben", "hat",
                "mein", "meine", "meinen", "meiner", "meinem", "mich", "mir", "dein", "ihre", "ihren", "und", "oder",
                "nicht", "kein", "keine", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
                "wo", "wie", "was", "wann", "warum", "wer", "welche", "welcher", "kann", "koennen", "konnen", "kannst",
                "moechte", "mochte", "will", "bitte", "danke", "hallo", "moin", "servus", "ja", "nein", "doch",
                "bestellung", "bestellungen", "bestellt", "lieferung", "versand", "versandkosten", "paket", "rueckgabe",
                "ruckgabe", "erstattung", "stornieren", "storno", "zurueckgeben", "zuruckgeben", "zurueck", "zuruck",
                "guenstigste", "gunstigste", "billigste", "preis", "kostet", "kosten", "viel", "lager", "verfuegbar",
                "verfugbar", "auf", "mit", "fuer", "fur", "von", "zu", "zum", "zur", "im", "bei", "nach", "noch",
                "schon", "auch", "gibt", "es", "habe", "adresse", "aendern", "andern", "telefon", "telefonnummer",
                "oeffnungszeiten", "offnungszeiten", "geoeffnet", "geoffnet", "daten", "loeschen", "loschen",
                "mensch", "mitarbeiter", "tschuess", "tschuss", "guten", "morgen", "tag", "abend", "witz", "bist",
                "sprechen", "jemand", "etwas", "gerne", "gern", "stimmt", "genau", "klar", "wohin", "liefert",
                "liefern", "bezahlen", "zahlen", "zahlung", "kreditkarte", "geschenk", "unter", "ueber", "uber",
                "angebot", "groesse", "grosse", "blau", "rot", "umtauschen", "kaufen", "suche", "dauert", "lange",
                "wann", "angekommen", "kommt", "mehr", "alle", "ueberhaupt", "eigentlich", "sagen", "schicken",
                "weiss", "wisst", "ihnen", "euch", "lieber", "nur", "jetzt", "heute", "gut", "geht", "vielen",
                "dank", "hi", "ok", "bist", "zahle", "laden", "geschaeft", "kundendienst", "kontakt", "erreichen", "jawohl",
                "nee",
                "warenkorb", "anzeigen", "zeig", "eure", "euer", "ihr", "mach", "passt", "lass");
        add(Language.ES, 1.0, "yo", "tu", "usted", "ustedes", "mi", "mis", "su", "sus", "es", "son", "esta",
                "estan", "estoy", "tiene", "tienen", "tengo", "tienes", "hay", "el", "los", "las", "un", "una",
                "unos", "unas", "y", "o", "pero", "del", "al", "con", "por", "para", "sin", "donde", "cuando",
                "como", "cuanto", "cuanta", "cuantos", "cual", "cuales", "quien", "que", "porque", "puedo", "puede",
                "pueden", "quiero", "quisiera", "necesito", "hola", "gracias", "adios", "si", "pedido", "pedidos",
                "envio", "envios", "entrega", "devolucion", "devolver", "reembolso", "cancelar", "barato", "barata",
                "baratos", "precio", "cuesta", "cuestan", "stock", "disponible", "disponibles", "hacen", "hace",
                "direccion", "cambiar", "telefono", "correo", "horario", "abren", "abierto", "datos", "borrar",
                "eliminar", "persona", "humano", "agente", "buenos", "buenas", "dias", "tardes", "noches", "chiste",
                "eres", "hablar", "alguien", "algo", "vale", "claro", "favor", "enviar", "envian", "pagar", "pago",
                "tarjeta", "regalo", "menos", "mas", "oferta", "talla", "azul", "rojo", "camiseta", "comprar",
                "busco", "tarda", "llega", "llegado", "todavia", "aun", "tambien", "muy", "bien", "estas", "sabes",
                "saben", "nada", "todo", "ya", "hoy", "ahora", "muchas", "aceptan", "tienda", "contacto", "auriculares",
                "paquete", "seguimiento", "mio", "nuestro", "ese", "eso", "este", "esto", "hasta", "luego", "oye",
                "ayuda", "ayudar", "puedes", "quiere", "gusta", "lo", "le", "me", "se", "te", "nos", "confirmo",
                "mejor", "dejalo", "venden", "tazas", "hora", "cierran", "ver", "carrito", "cesta", "adelante");
        add(Language.FR, 1.0, "je", "tu", "vous", "nous", "il", "elle", "mon", "ma", "mes", "ton", "votre", "vos",
                "est", "sont", "suis", "avez", "avons", "ai", "as", "a", "le", "la", "les", "un", "une", "des", "du",
                "et", "ou", "mais", "avec", "pour", "sans", "dans", "sur", "ou", "quand", "comment", "combien",
                "quel", "quelle", "quels", "quelles", "qui", "que", "quoi", "pourquoi", "peux", "peut", "pouvez",
                "veux", "voudrais", "besoin", "bonjour", "salut", "bonsoir", "merci", "oui", "non", "ouais",
                "commande", "commandes", "livraison", "livrez", "livre", "colis", "retour", "retourner",
                "remboursement", "rembourser", "annuler", "annulation", "moins", "cher", "chere", "prix", "coute",
                "coutent", "disponible", "disponibles", "adresse", "changer", "modifier", "telephone", "joindre",
                "horaires", "ouvert", "ouverts", "ouvrez", "donnees", "supprimer", "effacer", "personne", "humain",
                "conseiller", "revoir", "blague", "etes", "parler", "quelqu", "quelque", "chose", "accord", "sil",
                "plait", "svp", "envoyer", "envoyez", "payer", "paiement", "carte", "cadeau", "solde", "soldes",
                "promo", "taille", "bleu", "rouge", "acheter", "cherche", "arrive", "arrivee", "encore", "aussi",
                "tres", "bien", "savez", "rien", "tout", "deja", "aujourd", "hui", "maintenant", "beaucoup",
                "acceptez", "boutique", "magasin", "contact", "ecouteurs", "suivi", "ce", "cette", "cet", "ces",
                "au", "aux", "pas", "ne", "je", "j", "c", "l", "qu", "n", "y", "en", "vous", "etre",
                "avoir", "fait", "faites", "robot", "coucou", "passez", "panier", "moi", "toi", "aide", "aider", "ca", "va",
                "vendez", "votre", "ils");
        // words that are everyday in two languages: evidence for both, weaker
        shared(0.4, List.of(Language.ES, Language.FR), "de", "la", "en", "que", "un", "tu", "mi", "me", "te", "se",
                "disponible", "contact");
        shared(0.3, List.of(Language.EN, Language.ES, Language.FR), "a");
        shared(0.4, List.of(Language.EN, Language.ES), "no", "me");
        shared(0.4, List.of(Language.EN, Language.DE), "hi", "ok", "will", "in", "was", "so", "an", "also");
        shared(0.4, List.of(Language.DE, Language.ES, Language.FR), "es");
        shared(0.4, List.of(Language.EN, Language.FR), "stock", "contact", "ok");
    }

    private static void add(Language lang, double weight, String... words) {
        for (String w : words) {
            WORDS.computeIfAbsent(w, k -> new EnumMap<>(Language.class)).merge(lang, weight, Math::max);
        }
    }

    /** Overrides the exclusive weight of words that several languages use every day. */
    private static void shared(double weight, List<Language> langs, String... words) {
        for (String w : words) {
            Map<Language, Double> m = WORDS.computeIfAbsent(w, k -> new EnumMap<>(Language.class));
            for (Language l : langs) {
                m.put(l, weight);
            }
        }
    }

    private LanguageDetector() {
    }

    /** The message's language, or {@code fallback} when it gives no clear evidence ("ok", "#1234", "hoodie?"). */
    public static Language detect(String text, Language fallbackOrNull) {
        Language fallback = fallbackOrNull == null ? Language.EN : fallbackOrNull;
        if (text == null || text.isBlank()) {
            return fallback;
        }
        double[] score = new double[Language.values().length];
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        letters(lower, score);
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("")
                .replace("ß", "ss");
        for (String w : SPLIT.split(plain)) {
            if (w.isEmpty()) {
                continue;
            }
            Map<Language, Double> m = WORDS.get(w);
            if (m != null) {
                m.forEach((l, s) -> score[l.ordinal()] += s);
            } else {
                endings(w, score);
            }
        }
        int best = 0;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[best]) {
                best = i;
            }
        }
        double top = score[best];
        if (top < 0.9) {
            return fallback;
        }
        if (top - score[fallback.ordinal()] < 0.3) {
            // too close to call: the conversation's language stays
            return fallback;
        }
        return Language.values()[best];
    }

    /** Letters and punctuation that only one of the four languages uses. */
    private static void letters(String lower, double[] score) {
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ß', 'ä', 'ö', 'ü' -> score[Language.DE.ordinal()] += 1.5;
                case 'ñ', '¿', '¡', 'á', 'í', 'ó', 'ú' -> score[Language.ES.ordinal()] += 1.5;
                case 'ç', 'è', 'ê', 'à', 'â', 'ù', 'û', 'î', 'ô', 'œ', 'ë', 'ï' -> score[Language.FR.ordinal()] += 1.5;
                case 'é' -> {
                    score[Language.FR.ordinal()] += 0.6;
                    score[Language.ES.ordinal()] += 0.4;
                }
                default -> {
                }
            }
        }
    }

    /** Endings typical of one language, for words none of the lists hold. */
    private static void endings(String w, double[] score) {
        if (w.length() < 5) {
            return;
        }
        if (w.endsWith("ung") || w.endsWith("keit") || w.endsWith("heit") || w.endsWith("lich") || w.contains("sch")
                || w.endsWith("chen")) {
            score[Language.DE.ordinal()] += 0.5;
        } else if (w.endsWith("cion") || w.endsWith("ciones") || w.endsWith("dad") || w.endsWith("ados")
                || w.endsWith("idos") || w.endsWith("mente") && !w.endsWith("ement")) {
            score[Language.ES.ordinal()] += 0.5;
        } else if (w.endsWith("eau") || w.endsWith("eaux") || w.endsWith("ement") || w.endsWith("euse")
                || w.endsWith("ette")) {
            score[Language.FR.ordinal()] += 0.5;
        } else if (w.endsWith("ing") || w.endsWith("tion") || w.endsWith("ness") || w.endsWith("ould")) {
            score[Language.EN.ordinal()] += 0.5;
        }
    }
}
