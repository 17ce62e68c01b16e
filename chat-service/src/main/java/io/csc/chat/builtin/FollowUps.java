package io.csc.chat.builtin;

import java.util.List;
import java.util.Set;

import io.csc.chat.assistant.Dialogue;
import io.csc.chat.understanding.Intent;
import io.csc.chat.understanding.MessageAnalyser;

/**
 * Follow-ups that point back at what the conversation is about instead of naming it: "how much is it?", "is this in
 * stock?", "does it come in blue?", "add them to my cart" about the products in focus (the last ones shown, else the
 * product page the shopper is on); "cancel that one", "the second one", "where is it?" about the orders in focus (the
 * one discussed, or the list just shown). English, German, Spanish and French. Pure functions over the message and
 * the stored state ({@link Dialogue}); nothing is read from the words of earlier replies.
 */
public final class FollowUps {

    private FollowUps() {
    }

    /** A word set; a word listed twice (it belongs to two languages) is kept once. */
    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** What a product follow-up asks. */
    enum ProductAsk {
        PRICE, STOCK, OPTIONS, ADD_TO_CART
    }

    /** A question about a product in focus. */
    record ProductFollowUp(ProductAsk ask, long productId) {
    }

    /** A request about an order in focus. */
    public record OrderFollowUp(Intent intent, long order) {
    }

    private static final Set<String> PRONOUNS = set(
            // en
            "it", "its", "this", "that", "these", "those", "them", "they", "one", "ones",
            // de
            "es", "das", "dies", "diese", "dieses", "diesen", "dieser", "den", "dem", "ihn", "sie", "welche",
            // es
            "lo", "los", "las", "esto", "eso", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas",
            // fr
            "ca", "cela", "ce", "ceci", "il", "elle", "ils", "elles", "celui", "celle", "ceux", "celles", "le", "les");

    /** Words that ask or glue, in the four languages: a follow-up is made of these and words of its ask only. */
    private static final Set<String> FUNCTION = set(
            // en
            "a", "an", "the", "is", "are", "was", "were", "be", "do", "does", "did", "you", "u", "have", "has", "got",
            "i", "me", "my", "we", "our", "can", "could", "would", "will", "please", "pls", "plz", "ok", "okay", "and",
            "so", "then", "also", "too", "what", "whats", "about", "how", "which", "in", "on", "to", "for", "of", "at",
            "with", "s", "just", "still", "now", "right", "oh", "hmm", "great", "nice", "cool", "thanks", "id", "like",
            "want", "wanna", "lets", "let", "go", "again", "any", "there", "some", "else",
            // de
            "ist", "sind", "gibt", "habt", "haben", "hat", "ihr", "du", "ich", "mir", "mich", "mein", "meine",
            "meinen", "bitte", "und", "auch", "noch", "wie", "was", "viel", "welche", "der", "die", "ein", "eine", "einen",
            "in", "im", "zu", "zum", "zur", "auf", "an", "mit", "kann", "konnen", "ja", "denn", "mal", "dann",
            // es
            "el", "la", "un", "una", "unos", "unas", "es", "son", "esta", "estan", "hay", "tiene", "tienen",
            "tienes", "me", "mi", "mis", "yo", "por", "favor", "y", "tambien", "que", "cual", "en", "de", "del", "a",
            "al", "con", "puedo", "puedes", "quiero", "se", "entonces",
            // fr
            "un", "une", "des", "du", "de", "est", "sont", "vous", "tu", "je", "j", "moi", "mon", "ma", "mes", "s",
            "il", "plait", "et", "aussi", "quoi", "quel", "quelle", "qu", "en", "dans", "au", "aux", "avec", "pour",
            "avez", "ai", "peux", "pouvez", "veux", "voudrais", "y", "a", "t", "l", "d", "c", "alors", "merci");

    private static final Set<String> PRICE = set("much", "price", "prices", "priced", "cost", "costs", "expensive",
            "kostet", "kosten", "preis", "viel", "wieviel", "cuanto", "cuanta", "cuesta", "cuestan", "precio",
            "vale", "valen", "combien", "coute", "coutent", "prix");

    private static final Set<String> STOCK = set("stock", "stocks", "available", "availability", "left",
            "lager", "lieferbar", "verfugbar", "vorratig", "disponible", "disponibles", "existencias", "dispo",
            "sold", "out");

    private static final Set<String> OPTIONS = set("colour", "colours", "color", "colors", "size", "sizes",
            "come", "comes", "option", "options", "variant", "variants", "version", "versions", "other", "another",
            "different", "farbe", "farben", "grosse", "grossen", "andere", "anderen", "anderer", "colores", "talla",
            "tallas", "otro", "otra", "otros", "otras", "viene", "vienen", "couleur", "couleurs", "taille", "tailles",
            "autre", "autres", "existe", "existent", "xs", "m", "l", "xl", "xxl",
            // the catalogue's colours in the four languages (ProductQueryParser maps them)
            "blue", "red", "green", "black", "white", "grey", "gray", "blau", "rot", "grun", "gruen", "schwarz",
            "weiss", "grau", "azul", "rojo", "roja", "verde", "negro", "negra", "blanco", "blanca", "gris", "bleu",
            "bleue", "rouge", "vert", "verte", "noir", "noire", "blanc", "blanche", "grise");

    private static final Set<String> ADD = set("add", "put", "cart", "basket", "bag", "buy", "take", "ill",
            "warenkorb", "legen", "lege", "hinzufugen", "kaufen", "nehme", "carrito", "anadir", "anade", "agregar",
            "agrega", "comprar", "compro", "panier", "ajouter", "ajoute", "ajoutez", "mettre", "mets", "acheter",
            "prends");

    private static final Set<String> CART = set("cart", "basket", "bag", "warenkorb", "carrito", "panier");
    private static final Set<String> ADD_VERBS = set("add", "put", "legen", "lege", "hinzufugen", "anadir",
            "anade", "agregar", "agrega", "ajouter", "ajoute", "ajoutez", "mettre", "mets");
    private static final Set<String> TAKE = set("buy", "take", "kaufen", "nehme", "comprar", "compro", "acheter",
            "prends");

    /**
     * A question about the product in focus, or null. The message must name nothing but its ask: "how much is it?",
     * "is this in stock?", "do they come in another colour?", "add them to my cart", "¿cuánto cuesta?". The product in
     * focus is the first one the last reply showed, else the page's product.
     */
    static ProductFollowUp product(String message, Dialogue before, Long pageProduct) {
        Long focus = !before.focusProducts().isEmpty() ? before.focusProducts().get(0) : pageProduct;
        if (focus == null || message == null) {
            return null;
        }
        List<String> words = words(message);
        if (words.isEmpty() || words.size() > 12) {
            return null;
        }
        Integer nth = ordinal(words);
        if (nth != null && !before.focusProducts().isEmpty()) {
            // "add the second one to my cart": the n-th product of the list shown
            List<Long> shown = before.focusProducts();
            int i = nth < 0 ? shown.size() + nth : nth;
            if (i < 0 || i >= shown.size()) {
                return null;
            }
            focus = shown.get(i);
        }
        ProductAsk ask = productAsk(words);
        if (ask == null) {
            return null;
        }
        for (String w : words) {
            if (!PRONOUNS.contains(w) && !FUNCTION.contains(w) && !PRICE.contains(w) && !STOCK.contains(w)
                    && !OPTIONS.contains(w) && !ADD.contains(w) && !w.equals("many")
                    && ORDINALS.stream().noneMatch(o -> o.contains(w))) {
                return null; // the message names something else ("how much is shipping?")
            }
        }
        return new ProductFollowUp(ask, focus);
    }

    static ProductAsk productAsk(List<String> words) {
        boolean cart = words.stream().anyMatch(CART::contains);
        boolean adds = words.stream().anyMatch(ADD_VERBS::contains);
        boolean takes = words.stream().anyMatch(TAKE::contains) && words.stream().anyMatch(PRONOUNS::contains);
        if (cart && adds || takes) {
            return ProductAsk.ADD_TO_CART;
        }
        if (cart) {
            return null; // "what's in my cart": the cart, not a product
        }
        String joined = " " + String.join(" ", words) + " ";
        if (joined.contains(" how much ") || joined.contains(" wie viel ") || words.stream().anyMatch(w -> PRICE
                .contains(w) && !w.equals("much") && !w.equals("viel"))) {
            return ProductAsk.PRICE;
        }
        if (words.stream().anyMatch(w -> OPTIONS.contains(w) && !w.equals("other") && !w.equals("another")
                && !w.equals("different") && !w.equals("l") && !w.equals("m"))
                || joined.contains(" another ") || joined.contains(" other ")) {
            return ProductAsk.OPTIONS;
        }
        if (words.stream().anyMatch(w -> STOCK.contains(w) && !w.equals("left") && !w.equals("out")
                && !w.equals("sold")) || joined.contains(" sold out ") || joined.contains(" any left ")) {
            return ProductAsk.STOCK;
        }
        return null;
    }

    private static final Set<String> ORDER_WORDS = set("order", "orders", "bestellung", "pedido", "commande",
            "package", "parcel", "paket", "paquete", "colis", "number", "no", "nr");

    private static final Set<String> CANCEL = set("cancel", "stornieren", "storniere", "storno", "cancelar",
            "cancela", "cancelo", "annuler", "annule", "annulez");
    private static final Set<String> WHERE = set("where", "wheres", "track", "tracking", "shipped", "arrive",
            "arrived", "delivered", "wo", "sendungsverfolgung", "donde", "llega", "enviado", "ou", "suivi", "arrive",
            "expedie", "expediee");
    private static final Set<String> REFUND = set("refund", "return", "money", "back", "erstattung",
            "zuruckgeben", "reembolso", "devolver", "devolucion", "rembourser", "remboursement", "retourner");
    private static final Set<String> STATUS = set("status", "about", "show", "details", "detail", "tell", "see",
            "look", "check", "mit", "con", "de", "zustand", "estado", "statut");

    /**
     * A request about an order in focus, or null: "the second one" / "what about the first?" / "cancel that one" after
     * a list of orders (the n-th as shown), "where is it?" / "cancel it" after one order was discussed. The message
     * names no order number (one with a number is a request of its own).
     */
    public static OrderFollowUp order(String message, Dialogue before) {
        if (message == null || message.matches(".*\\d.*")) {
            return null;
        }
        List<String> words = words(message);
        if (words.isEmpty() || words.size() > 12) {
            return null;
        }
        Integer nth = ordinal(words);
        Long order = null;
        List<Long> listed = before.focusOrders();
        if (nth != null && !listed.isEmpty()) {
            int i = nth < 0 ? listed.size() + nth : nth;
            if (i < 0 || i >= listed.size()) {
                return null;
            }
            order = listed.get(i);
        } else if (nth == null && words.stream().anyMatch(PRONOUNS::contains)) {
            order = before.focusOrder() != null ? before.focusOrder() : listed.size() == 1 ? listed.get(0) : null;
        }
        if (order == null) {
            return null;
        }
        Intent intent = null;
        if (words.stream().anyMatch(CANCEL::contains)) {
            intent = Intent.CANCEL_ORDER;
        } else if (words.stream().anyMatch(REFUND::contains)) {
            intent = Intent.REFUND_REQUEST;
        } else if (words.stream().anyMatch(w -> w.startsWith("address") || w.startsWith("adress")
                || w.equals("adresse") || w.equals("direccion"))) {
            intent = Intent.CHANGE_ADDRESS;
        } else if (words.stream().anyMatch(WHERE::contains)) {
            intent = Intent.TRACKING;
        } else if (nth != null || words.stream().anyMatch(STATUS::contains)) {
            intent = Intent.ORDER_STATUS;
        }
        if (intent == null) {
            return null;
        }
        for (String w : words) {
            if (!PRONOUNS.contains(w) && !FUNCTION.contains(w) && !ORDER_WORDS.contains(w) && !CANCEL.contains(w)
                    && !WHERE.contains(w) && !REFUND.contains(w) && !STATUS.contains(w) && ORDINALS.stream()
                            .noneMatch(o -> o.contains(w))
                    && !w.startsWith("address") && !w.startsWith("adress") && !w.equals("adresse")
                    && !w.equals("direccion") && !CHANGE.contains(w)) {
                return null;
            }
        }
        return new OrderFollowUp(intent, order);
    }

    private static final Set<String> CHANGE = set("change", "update", "want", "wanna", "need", "would", "like",
            "is", "now", "get", "give", "ich", "mochte", "will", "quiero", "je", "veux", "voudrais", "as", "well");

    /** first .. fifth and last (-1), in the four languages. */
    private static final List<Set<String>> ORDINALS = List.of(
            set("first", "1st", "erste", "ersten", "erster", "primera", "primer", "primero", "premiere", "premier"),
            set("second", "2nd", "zweite", "zweiten", "zweiter", "segunda", "segundo", "deuxieme", "seconde",
                    "second"),
            set("third", "3rd", "dritte", "dritten", "dritter", "tercera", "tercer", "tercero", "troisieme"),
            set("fourth", "4th", "vierte", "vierten", "cuarta", "cuarto", "quatrieme"),
            set("fifth", "5th", "funfte", "funften", "quinta", "quinto", "cinquieme"),
            set("last", "letzte", "letzten", "ultima", "ultimo", "derniere", "dernier"));

    /** The position a message points at: 0 for "the first one", -1 for "the last one", null for none. */
    static Integer ordinal(List<String> words) {
        for (String w : words) {
            for (int i = 0; i < ORDINALS.size(); i++) {
                if (ORDINALS.get(i).contains(w)) {
                    return i == ORDINALS.size() - 1 ? -1 : i;
                }
            }
        }
        return null;
    }

    private static final Set<String> LATEST = set("latest", "last", "recent", "newest", "letzte", "letzten",
            "neueste", "neuesten", "ultimo", "ultima", "reciente", "dernier", "derniere", "recente");

    /** "my latest order", "my last order", "mi último pedido": the newest order, no number needed. */
    static boolean latestOrder(String message) {
        if (message == null || message.matches(".*\\d.*")) {
            return false;
        }
        List<String> words = words(message);
        return words.stream().anyMatch(LATEST::contains) && words.stream().anyMatch(ORDER_WORDS::contains);
    }

    static List<String> words(String message) {
        String norm = MessageAnalyser.normalize(message);
        return norm.isEmpty() ? List.of() : List.of(norm.split(" +"));
    }
}
