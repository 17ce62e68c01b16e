package io.csc.chat.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the constraints of a product question in English, German, Spanish or French: cheapest or dearest, on sale,
 * under / over / between prices, a category, a use or a gift ("something for coffee", "a gift for a runner") and
 * colour and size. Shop words of the other languages are mapped to the catalogue's English words where the demo store
 * needs it; a store whose catalogue is written in the shopper's language matches its own words directly.
 */
public final class ProductQueryParser {

    private static final String NUM = "(\\d+(?:[.,]\\d{1,2})?)";
    private static final String CUR = "(?:\\s*(?:\\$|€|£|usd|eur|euro|euros|dollar|dollars|dolares|bucks|gbp))?";
    private static final Pattern BETWEEN = Pattern.compile("\\b(?:between|zwischen|entre|from|von)\\s*(?:\\$|€|£)?\\s*" + NUM
            + CUR + "\\s*(?:and|und|y|et|to|bis|a|-)\\s*(?:\\$|€|£)?\\s*" + NUM);
    private static final Pattern UNDER = Pattern.compile("\\b(?:under|below|less than|cheaper than|max|up to|unter|bis|"
            + "weniger als|h(?:o|oe)chstens|menos de|hasta|por debajo de|moins de|jusqu a|max)\\s*(?:\\$|€|£)?\\s*" + NUM);
    private static final Pattern OVER = Pattern.compile("\\b(?:over|above|more than|at least|(?:u|ue)ber|mehr als|"
            + "mindestens|mas de|por encima de|plus de|au moins)\\s*(?:\\$|€|£)?\\s*" + NUM);
    private static final Pattern CHEAPEST = Pattern.compile("\\b(cheapest|cheaper|lowest price|least expensive|"
            + "g(u|ue)nstigst\\w*|billigst\\w*|mas barat\\w*|moins cher\\w*)\\b");
    private static final Pattern DEAREST = Pattern.compile("\\b(most expensive|priciest|dearest|teuerst\\w*|mas caro\\w*|"
            + "plus cher\\w*)\\b");
    private static final Pattern SALE = Pattern.compile("\\b(on sale|sale|discount\\w*|deals?|angebot\\w*|reduziert\\w*|"
            + "rabatt\\w*|oferta\\w*|rebaja\\w*|descuento\\w*|promo\\w*|soldes?)\\b");

    private static final Pattern NEED = Pattern.compile("\\b(gift|gifts|present|recommend\\w*|suggest\\w*|geschenk\\w*|"
            + "empfehl\\w*|regalo\\w*|recomiend\\w*|recomenda\\w*|cadeau\\w*|conseill\\w*)\\b");

    /** Colour words of the four languages, to the catalogue's (English) colour. */
    private static final Map<String, String> COLOURS = new HashMap<>();
    /** Size words to the catalogue's size code. */
    private static final Map<String, String> SIZES = new HashMap<>();
    /** Shop words of other languages (and English variants) to the catalogue's words. */
    private static final Map<String, List<String>> WORDS = new HashMap<>();
    /** What serves a use or a person: "coffee" -> mug, press. */
    private static final Map<String, List<String>> USES = new HashMap<>();
    /** Words for a category, to its catalogue name. */
    private static final Map<String, String> CATEGORIES = new HashMap<>();

    /** Words that ask rather than name: dropped before matching product words. */
    private static final Set<String> ASKING = new HashSet<>(
            Arrays.asList(("the a an of for to in on at and or with is are do does you u "
                    + "have has any anything something some what whats which show me my i im we your it its there available "
                    + "stock sale on cheapest cheaper most expensive price prices under over between than less more below above "
                    + "gift gifts idea ideas recommend recommendation need want looking buy sell please pls thing things stuff "
                    + "store shop lover lovers someone who loves love size colour color in of dollars dollar bucks euro euros "
                    + "usd eur "
                    + "der die das den dem des ein eine einen einem einer und oder mit fur fuer ist sind habt ihr haben gibt es "
                    + "etwas was welche welcher im angebot unter uber ueber zwischen als euro teuerste gunstigste billigste "
                    + "geschenk geschenkidee idee ich suche brauche zeig mir mein meine groesse grosse farbe verfugbar auf lager "
                    + "el la los las un una unos unas y o con para de del al es son tienen hay algo que cual en oferta menos "
                    + "mas barato caro regalo idea busco necesito talla color disponible entre dolares alguien ama amantes "
                    + "le les des du et ou avec pour est sont vous avez quelque chose quel quelle en promo moins plus cher "
                    + "cadeau idee je cherche taille couleur disponible entre truc amateurs fan dispo il").split(" ")));

    static {
        colour("blue", "blue", "blau", "blaue", "blauen", "azul", "bleu", "bleue");
        colour("red", "red", "rot", "rote", "roten", "rojo", "roja", "rouge");
        colour("green", "green", "grun", "gruen", "verde", "vert", "verte");
        colour("black", "black", "schwarz", "schwarze", "negro", "negra", "noir", "noire");
        colour("white", "white", "weiss", "weisse", "blanco", "blanca", "blanc", "blanche");
        colour("grey", "grey", "gray", "grau", "graue", "gris", "grise");
        size("s", "small", "klein", "kleine", "pequena", "pequeno", "petite", "petit");
        size("m", "medium", "mittel", "mittlere", "mediana", "mediano", "moyenne", "moyen");
        size("l", "large", "gross", "grosse", "grande");
        size("xl", "xl", "extra large");
        words("earbuds", "kopfhorer", "kopfhoerer", "auriculares", "ecouteurs", "headphones", "earphones");
        words("beanie", "mutze", "muetze", "gorro", "bonnet", "hat");
        words("mug", "tasse", "tassen", "kaffeetassen", "kaffeetasse", "taza", "tazas", "tasses", "cup", "cups", "mugs");
        words("belt", "gurtel", "guertel", "ledergurtel", "cinturon", "ceinture");
        words("wallet", "geldborse", "geldboerse", "portemonnaie", "cartera", "portefeuille");
        words("sunglasses", "sonnenbrille", "sonnenbrillen", "gafas", "lunettes");
        words("keyboard", "tastatur", "tastaturen", "teclado", "teclados", "clavier", "claviers");
        words("speaker", "lautsprecher", "altavoz", "enceinte");
        words("watch", "uhr", "smartwatch", "reloj", "montre");
        words("bottle", "flasche", "wasserflasche", "botella", "gourde");
        words("knife", "messer", "kochmesser", "cuchillo", "couteau");
        words("skillet", "pfanne", "sarten", "poele", "pan");
        words("shirt", "laufshirt", "camiseta", "maillot", "tshirt", "tee");
        words("hoodie", "sudadera", "sweat", "kapuzenpullover", "hoodies");
        words("bag", "tasche", "tragetasche", "bolsa", "sac", "tote");
        words("charger", "ladegerat", "ladegeraet", "cargador", "chargeur");
        words("webcam", "kamera", "camara", "camera");
        words("running", "laufen", "correr", "course", "laufshirt");
        words("coffee", "kaffee", "cafe");
        use(List.of("coffee", "kaffee", "cafe", "kaffeeliebhaber"), "coffee", "mug");
        use(List.of("runner", "runners", "laufer", "laeufer", "corredor", "corredora", "coureur", "coureuse", "jogger",
                "jogging"), "running", "bottle");
        use(List.of("cook", "cooking", "chef", "koch", "kochen", "cocinar", "cocinero", "cuisine", "cuisinier"),
                "knife", "skillet", "cutting");
        use(List.of("programmer", "developer", "coder", "entwickler", "programmierer", "programador",
                "desarrollador", "developpeur", "programmeur"), "programmer", "architecture", "refactoring", "data");
        use(List.of("music", "musik", "musica", "musique"), "speaker", "earbuds");
        category("T-Shirts", "tshirt", "tshirts", "t", "tee", "tees", "camiseta", "camisetas");
        category("Hoodies", "hoodie", "hoodies", "sudadera", "sudaderas", "sweat", "sweats", "kapuzenpullover");
        category("Electronics", "electronics", "elektronik", "elektronikprodukt", "electronica", "electronique",
                "gadget", "gadgets");
        category("Home & Kitchen", "kitchen", "kuche", "kueche", "cocina", "cuisine", "kitchenware");
        category("Books", "book", "books", "buch", "bucher", "buecher", "libro", "libros", "livre", "livres");
        category("Accessories", "accessories", "accessory", "zubehor", "zubehoer", "accesorios", "accessoires");
        category("Clothing", "clothing", "clothes", "kleidung", "ropa", "vetements");
    }

    private static void colour(String canonical, String... words) {
        for (String w : words) {
            COLOURS.put(w, canonical);
        }
    }

    private static void size(String canonical, String... words) {
        for (String w : words) {
            SIZES.put(w, canonical);
        }
    }

    private static void words(String catalogueWord, String... words) {
        for (String w : words) {
            WORDS.computeIfAbsent(w, k -> new ArrayList<>()).add(catalogueWord);
        }
    }

    private static void use(List<String> words, String... serving) {
        for (String w : words) {
            USES.put(w, List.of(serving));
        }
    }

    private static void category(String name, String... words) {
        for (String w : words) {
            CATEGORIES.put(w, name);
        }
    }

    private ProductQueryParser() {
    }

    public static ProductQuery parse(String message) {
        String norm = MessageAnalyser.normalize(message == null ? "" : message);
        // keep the decimal separator of prices: normalize turned "29.99" into "29 99"
        String priced = MessageAnalyser.normalize((message == null ? "" : message).replaceAll("(\\d)[.,](\\d{1,2})\\b",
                "$1d$2")).replaceAll("(\\d)d(\\d)", "$1.$2");
        ProductQuery.Sort sort = CHEAPEST.matcher(norm).find()
                ? ProductQuery.Sort.CHEAPEST
                : DEAREST.matcher(norm).find() ? ProductQuery.Sort.DEAREST : ProductQuery.Sort.NONE;
        boolean onSale = SALE.matcher(norm).find();
        Double min = null;
        Double max = null;
        Matcher b = BETWEEN.matcher(priced);
        if (b.find()) {
            min = number(b.group(1));
            max = number(b.group(2));
        } else {
            Matcher u = UNDER.matcher(priced);
            if (u.find()) {
                max = number(u.group(1));
            }
            Matcher o = OVER.matcher(priced);
            if (o.find()) {
                min = number(o.group(1));
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean need = NEED.matcher(norm).find();
        String[] tokens = norm.split(" ");
        boolean sizeContext = norm.matches(".*\\b(size|grosse|groesse|talla|taille|in)\\b.*");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty() || t.matches("[$€£]?\\d.*")) {
                continue;
            }
            if (COLOURS.containsKey(t)) {
                attributes.put("color", COLOURS.get(t));
                continue;
            }
            boolean sizeCode = t.matches("xs|s|m|l|xl|xxl") && (sizeContext || !attributes.isEmpty());
            if (sizeCode || SIZES.containsKey(t) && i > 0 && !t.equals("grande")) {
                attributes.put("size", sizeCode ? t : SIZES.get(t));
                continue;
            }
            if (CATEGORIES.containsKey(t)
                    && !(t.equals("t") && (i + 1 >= tokens.length || !tokens[i + 1].startsWith("shirt")))) {
                categories.add(CATEGORIES.get(t));
            }
            if (USES.containsKey(t)) {
                need = true;
                words.addAll(USES.get(t));
                continue;
            }
            List<String> known = known(t);
            if (known != null) {
                words.addAll(known);
                continue;
            }
            if (!ASKING.contains(t) && t.length() >= 3) {
                words.add(t);
            }
        }
        return new ProductQuery(sort, onSale, min, max, List.copyOf(categories), List.copyOf(words),
                Map.copyOf(attributes), need);
    }

    /** The catalogue words for a shop word, its plural ("mützen", "tazas", "claviers") included. */
    private static List<String> known(String t) {
        List<String> w = WORDS.get(t);
        for (String end : List.of("s", "n", "en", "es")) {
            if (w == null && t.length() > end.length() + 3 && t.endsWith(end)) {
                w = WORDS.get(t.substring(0, t.length() - end.length()));
            }
        }
        return w;
    }

    private static Double number(String s) {
        return Double.valueOf(s.replace(',', '.'));
    }
}
