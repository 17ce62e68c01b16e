package io.csc.chat.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a shopper asks in English, German, Spanish or French with one list of rules: each rule is a phrase
 * pattern per topic over the message lower-cased, without accents and apostrophes (shoppers type "donde esta",
 * "loschen", "t es la"), and the first rule that matches decides. The order of the rules is the point: the specific
 * before the general (privacy and small talk before a handoff, "who pays customs" before payment, a returns policy
 * before a return, a store fact before a product question, a product question before a bare greeting), so "Hola,
 * ¿tienen auriculares?" is a product search and "no thanks" is a no. The rules of all four languages apply to every
 * message: a misdetected language never hides the meaning. Order numbers and emails are language-free.
 */
public final class MessageAnalyser {

    private record Rule(Topic topic, String name, Pattern pattern) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9#$€£]+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?:#\\s*|\\b(?:order|orders|bestellung|bestellnummer|auftrag|pedido|orden|commande|no|nr|n)\\.?\\s*#?\\s*)(\\d{1,9})\\b");
    private static final Pattern CODE = Pattern.compile("^\\s*(\\d{6})\\s*$");

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // privacy: the shopper's own data, before anything that mentions "delete" or "account"
        rule(Topic.PRIVACY_DELETE, "delete-data",
                "\\b(delete|erase|remove|wipe|forget)\\b.*\\b(data|account|information|info|details|everything|evrything|me)\\b"
                        + "|\\bforget me\\b|\\bgdpr\\b.*\\b(delete|erase)",
                "\\bl(o|oe)sch\\w*\\b.*\\b(daten|konto|account)\\b|\\b(daten|konto)\\b.*\\bl(o|oe)sch|\\b(daten|konto)\\b.*\\bgel(o|oe)scht",
                "\\b(borr|elimin)\\w*\\b.*\\b(datos|cuenta|informacion)\\b",
                "\\b(supprim|effac)\\w*\\b.*\\b(donnees|compte|informations)\\b");
        rule(Topic.PRIVACY_EXPORT, "export-data",
                "\\bwhat\\b.*\\b(know|data|info|information|keep|store|have)\\b.*\\b(about|on) me\\b"
                        + "|\\bwhich (data|information|info)\\b.*\\b(about|on) me\\b|\\bcopy of my (personal )?data"
                        + "|\\bexport (all )?my data|\\bmy personal data\\b",
                "\\b(was|welche)\\b.*\\b(wisst|wissen|speichert|speichern|daten|gespeichert)\\b.*\\b(uber|ueber|von) (mir|mich)\\b"
                        + "|\\bkopie meiner daten|\\bauskunft\\b.*\\bdaten",
                "\\bque\\b.*\\b(saben|datos|informacion|guardan|tienen)\\b.*\\b(de|sobre) mi\\b|\\bcopia de mis datos"
                        + "|\\bexportar mis datos",
                "\\b(que|quelles?)\\b.*\\b(savez|donnees|informations|gardez|avez)\\b.*\\bsur moi\\b"
                        + "|\\bcopie de mes donnees|\\bexporter mes donnees");
        // small talk about the assistant itself: never a ticket
        rule(Topic.SMALL_TALK, "about-the-assistant",
                "\\bjoke\\b|\\b(are|r) (you|u) (a |an )?(bot|robot|human|real|ai|person|machine)\\b|\\bwho (made|built|created) you"
                        + "|\\bwhat s your name|\\bwhats your name|\\b(you|u) (still )?there\\b|\\banyone there\\b|\\bstill there\\b"
                        + "|^how are (you|u)\\b|\\bwhat can (you|u) do\\b|\\byou re funny\\b|\\bare you an? ai\\b",
                "\\bwitz\\b|\\bbist du\\b.*\\b(bot|roboter|mensch|echt|ki|noch da)\\b|\\bwer hat dich\\b|\\bwie hei(ss|s)t du\\b"
                        + "|\\bwie geht (es|s) dir\\b|\\bwas kannst du\\b",
                "\\bchiste\\b|\\beres\\b.*\\b(bot|robot|humano|real|persona|ia)\\b|\\bquien te (creo|hizo)\\b|\\bcomo te llamas\\b"
                        + "|\\bsigues ahi\\b|^como estas\\b|\\bque puedes hacer\\b",
                "\\bblague\\b|\\b(tu es|t es|es tu|vous etes)\\b.*\\b(robot|bot|humain|reel|ia|vraie personne)\\b"
                        + "|\\bqui t a (cree|fait)\\b|\\bcomment tu t appelles\\b|\\bt es la\\b|\\bcomment ca va\\b"
                        + "|\\btu sais faire quoi\\b");
        rule(Topic.HANDOFF, "person",
                "\\b(talk|speak|chat)\\b.*\\b(human|person|someone|somebody|agent|manager|staff|team|representative)\\b"
                        + "|\\b(get|connect|transfer) me\\b.*\\b(agent|human|person|customer service|support|someone)\\b"
                        + "|^(a )?human( please| pls)?$|\\breal person\\b.*\\bplease\\b",
                "\\b(sprechen|reden)\\b|\\bverbinden sie mich\\b|\\becht\\w* menschen\\b|\\bmitarbeiter\\b",
                "\\bhablar con\\b|\\bpasame con\\b|\\bun humano\\b",
                "\\bparler a\\b|\\bpassez moi\\b|\\bun humain\\b|\\ben relation avec\\b");
        // a returns policy before a return (the question, not the action), unless an order is named
        rule(Topic.RETURNS_POLICY, "returns-policy",
                "\\b(return|returns|refund|exchange)\\b.*\\bpolic(y|ies)\\b|\\bpolicy\\b.*\\b(return|returns|refund)"
                        + "|\\bhow do returns\\b|\\breturns work\\b|\\bexchange\\b.*\\b(size|colou?r|another|other|different)\\b"
                        + "|\\bhow many days\\b.*\\breturn|\\bwho pays\\b.*\\breturn|\\baccept returns\\b|\\bcan i return\\b",
                "\\br(u|ue)ckgabe(bedingungen|recht)|\\bumtausch\\w*\\b|\\bwie viele tage\\b|\\br(u|ue)cksendekosten\\b"
                        + "|\\bwie funktioniert die r(u|ue)ck|\\bkann man\\b.*\\bzur(u|ue)ckgeben\\b",
                "\\bpolitica de (devolucion|devoluciones|reembolso)|\\bcomo funcionan las devoluciones\\b"
                        + "|\\bcambiar\\b.*\\b(talla|por otra)\\b|\\bcuantos dias\\b|\\baceptan devoluciones\\b"
                        + "|\\benvio de la devolucion\\b",
                "\\bpolitique de (retour|remboursement)|\\bcomment se passent les retours\\b|\\bechanger\\b"
                        + "|\\bcombien de jours\\b|\\bremboursables\\b|\\bfrais de retour\\b");
        rule(Topic.SHIPPING, "customs", "\\b(customs|duties|import tax)\\b", "\\bzoll\\w*\\b", "\\baduana\\b",
                "\\bdouane\\b");
        rule(Topic.PAYMENT, "payment",
                "\\b(pay|paying|payment|payments)\\b|\\bcredit cards?\\b|\\bpaypal\\b|\\bcash on delivery\\b|\\bbank transfer\\b",
                "\\b(zahlen|bezahlen|zahlung\\w*|zahlungsarten|zahlungsmoglichkeiten|zahlungsmoeglichkeiten|kreditkarte|nachnahme|(u|ue)berweisung)\\b",
                "\\b(pago|pagar|tarjeta|transferencia|contra reembolso)\\b",
                "\\b(paiement|payer|carte bancaire|virement)\\b");
        rule(Topic.CANCEL_ORDER, "cancel", "\\bcancel\\w*\\b", "\\b(stornier\\w*|storno|abbrechen|widerruf\\w*)\\b",
                "\\b(cancel\\w*|anul\\w*)\\b", "\\b(annul\\w*)\\b");
        rule(Topic.CHANGE_ADDRESS, "change-address",
                "\\b(change|update|wrong|different|new|correct|moved)\\b.*\\baddress\\b|\\baddress\\b.*\\b(change|wrong)\\b"
                        + "|\\bship order \\d+ to\\b|\\bsend it to\\b",
                "\\b((a|ae)ndern|falsche|andere|neue|korrigieren|umgezogen)\\b.*\\b(\\w*adresse|\\w*anschrift)\\b"
                        + "|\\b(\\w*adresse|\\w*anschrift)\\b.*\\b((a|ae)ndern|korrigieren)\\b",
                "\\b(cambiar|equivocada|otra|actualic\\w*|corregir|mude)\\b.*\\bdireccion\\b|\\bdireccion\\b.*\\b(equivocada|mude)\\b",
                "\\b(changer|modifier|mauvaise|autre|corriger|demenage|changez)\\b.*\\badresse\\b");
        rule(Topic.RETURN_REQUEST, "return",
                "\\b(return|returns|refund|refunded|money back|send back|send the \\w+ back)\\b|\\bback\\b.*\\bsend\\b|\\bsend\\b.*\\bback\\b",
                "\\b(zur(u|ue)ckgeben|zur(u|ue)ckschicken|erstattung|geld zur(u|ue)ck|r(u|ue)cksendung)\\b",
                "\\b(devolver|reembolso|devolucion|devuelvan|mi dinero)\\b",
                "\\b(retourner|rembours\\w*|renvoie|renvoyer|retour)\\b");
        rule(Topic.ORDER_STATUS, "order",
                "\\b(my|mi|mein|meine|meiner|ma|mon)\\s+(order|package|parcel|delivery|shipment|oder|bestellung|paket|lieferung|sendung|pedido|paquete|commande|colis)\\b"
                        + "|\\b(order|orders)\\s*#?\\s*\\d+|#\\s*\\d+|\\btracking\\b|\\b(has|did|was)\\b.*\\bship",
                "\\bbestellung\\s*#?\\s*\\d+|\\bsendungsverfolgung\\b|\\b(verschickt|versendet)\\b",
                "\\bpedido\\s*#?\\s*\\d+|\\bseguimiento\\b|\\bel pedido\\b.*\\bllegado\\b|\\bllegado el pedido\\b",
                "\\bcommande\\s*(n\\s*)?#?\\s*\\d+|\\bsuivi\\b|\\bma commande\\b");
        rule(Topic.CART, "cart", "\\b(cart|basket)\\b", "\\bwarenkorb\\b", "\\b(carrito|cesta)\\b", "\\bpanier\\b");
        rule(Topic.HOURS, "hours",
                "\\b(open|opening hours|close|closing|business hours)\\b",
                "\\b(ge(o|oe)ffnet|(o|oe)ffnungszeiten|offen|schlie(ss|s)t|wochenende)\\b",
                "\\b(horario|abren|abierto|cierran|fin de semana|atienden)\\b",
                "\\b(horaires|ouvert|ouverts|ouvrez|fermez|week end)\\b");
        rule(Topic.CONTACT, "contact",
                "\\b(phone|telephone|call you|email|e mail|contact|reach|support)\\b",
                "\\b(telefon\\w*|anrufen|e mail|email|erreich\\w*|kundendienst|kontakt)\\b",
                "\\b(telefono|correo|llamar\\w*|comunico|contacto|soporte)\\b",
                "\\b(telephone|joindre|appeler|adresse mail|email|contacter|contact|service client)\\b");
        rule(Topic.STORE_ADDRESS, "store-address",
                "\\bwhere are you (located|based)\\b|\\bstore address\\b|\\bwhere is your (shop|store)\\b",
                "\\bwo seid ihr\\b|\\beuer (laden|geschaft|geschaeft)\\b|\\beure anschrift\\b",
                "\\bdonde estan ubicados\\b|\\bdireccion de la tienda\\b|\\bdonde queda su tienda\\b",
                "\\bou etes vous situes\\b|\\badresse de la boutique\\b|\\bou se trouve votre (magasin|boutique)\\b");
        rule(Topic.STORE_QUESTION, "store-question",
                "\\bgift ?wrap\\w*|\\bwarranty\\b|\\bguarantee\\b|\\bnewsletter\\b|\\bcurrency\\b",
                "\\bgeschenkverpackung\\b|\\bverpacken\\b|\\bgarantie\\b|\\bw(a|ae)hrung\\b|\\bnewsletter\\b",
                "\\benvuelven\\b|\\bpapel de regalo\\b|\\bgarantia\\b|\\bmoneda\\b",
                "\\bemballages? cadeaux?\\b|\\bpaquet cadeau\\b|\\bgarantie\\b|\\bdevise\\b");
        rule(Topic.SHIPPING, "shipping",
                "\\b(ship|shipping|deliver|delivery|internationally|send to|countries)\\b",
                "\\b(liefert|liefern|versand\\w*|versendet|ausland|l(a|ae)nder)\\b",
                "\\b(envio|envios|envian|extranjero|paises)\\b",
                "\\b(livr(aison|ez|er|ons|ent)\\w*|expedi\\w*|international|pays)\\b");
        rule(Topic.PRODUCT_REASONING, "reasoning",
                "\\b(cheapest|cheaper|most expensive|on sale|under|below|less than|between|gift|gifts|recommend|bucks|lover|lovers)\\b"
                        + "|\\bsomething for\\b|\\bwhat s on sale\\b",
                "\\b(g(u|ue)nstigst\\w*|billigst\\w*|teuerst\\w*|angebot|reduziert|geschenk\\w*|empfehl\\w*|unter|zwischen|kaffeeliebhaber)\\b"
                        + "|\\betwas f(u|ue)r\\b",
                "\\b(mas barat\\w*|mas caro|oferta|rebaja|regalo|recomiend\\w*|menos de|entre \\d+ y|amantes)\\b|\\balgo para\\b"
                        + "|\\bpara alguien\\b",
                "\\b(moins cher|plus cher|promo|solde|soldes|cadeau|conseill\\w*|moins de|entre \\d+ et|amateurs|fan)\\b"
                        + "|\\bun truc pour\\b");
        rule(Topic.STOCK_CHECK, "stock",
                "\\b(in stock|available|availability|sold out|back in stock|still have)\\b",
                "\\b(auf lager|vorr(a|ae)tig|lieferbar|verf(u|ue)gbar|ausverkauft)\\b",
                "\\b(en stock|disponible|agotado|todavia tienen|stock)\\b",
                "\\b(en stock|disponible|dispo|epuise|encore)\\b");
        rule(Topic.PRODUCT_PRICE, "price",
                "\\b(how much|price|prices|cost|costs)\\b",
                "\\b(kostet|kosten|wie teuer|preis|wieviel)\\b",
                "\\b(cuesta|cuestan|precio|cuanto vale)\\b",
                "\\b(combien|prix|coute|coutent)\\b");
        rule(Topic.PRODUCT_SEARCH, "product",
                "\\b(do (you|u) (have|sell|carry)|have you got|looking for|show me|i need an?|any \\w+$|what \\S+ do you have"
                        + "|i m after|im after|(want to|like to|i ll|going to|also) buy|buy an?)\\b",
                "\\b(habt ihr|haben sie|ich suche|suche|verkauft ihr|zeig mir|ich brauche|brauche|gibt es|kaufen)\\b",
                "\\b(tienen|tienes|busco|venden|muestrame|necesito una?|comprar)\\b",
                "\\b(vous avez|avez vous|je cherche|vous vendez|montrez moi|besoin d|acheter)\\b");
        // the short answers: only when nothing above matched
        rule(Topic.NO, "no",
                "^(no|nope|nah|never mind)\\b|\\bdont do that\\b|\\bdon t do that\\b",
                "^(nein|nee|n(o|oe)|lieber nicht)\\b", "^(no|mejor no|para nada)\\b", "^(non|surtout pas)\\b");
        rule(Topic.THANKS, "bye", "\\b(bye|goodbye)\\b", "\\b(tsch(u|ue)ss|ciao)\\b", "\\b(adios|hasta luego)\\b",
                "\\b(au revoir|bonne journee)\\b");
        rule(Topic.YES, "yes",
                "^(yes|yep|yeah|yup|sure|ok|okay|confirm|go ahead|please do|that s right|thats right)\\b",
                "^(ja|jawohl|genau|klar|bestatigen|bestaetigen|gerne)\\b|\\bbest(a|ae)tigen\\b",
                "^(si|vale|de acuerdo|claro|confirmo|adelante)\\b",
                "^(oui|ouais|d accord|je confirme|bien sur|allez y|vas y)\\b");
        rule(Topic.THANKS, "thanks", "\\b(thanks|thank|thx|ty|cheers)\\b", "\\b(danke\\w*|dank)\\b",
                "\\bgracias\\b", "\\bmerci\\b");
        rule(Topic.GREETING, "greeting",
                "^(hi+|hello+|hey+|hiya|howdy|good (morning|afternoon|evening))\\b",
                "^(hallo|guten (tag|morgen|abend)|moin|servus)\\b", "^(hola|buenos dias|buenas)\\b",
                "^(bonjour|salut|bonsoir|coucou)\\b");
    }

    private static void rule(Topic topic, String name, String... perLanguage) {
        RULES.add(new Rule(topic, name, Pattern.compile("(?:" + String.join(")|(?:", perLanguage) + ")")));
    }

    private MessageAnalyser() {
    }

    /**
     * Analyses a message and, when no rule fits, asks the store's catalogue: a message that names one of its products
     * ("wool beanie?", "the SSD") is a product question.
     */
    public static Analysis analyse(String message, Language fallback, Catalogue catalog) {
        Analysis a = analyse(message, fallback);
        if (a.topic() == Topic.OTHER && catalog != null && message != null && catalog.match(message) != null) {
            return new Analysis(a.language(), Topic.PRODUCT_SEARCH, "catalogue", a.orderNumber(), a.email(), a.code());
        }
        return a;
    }

    /** Analyses a message; {@code fallback} is the conversation's language (kept when the message shows none). */
    public static Analysis analyse(String message, Language fallback) {
        String msg = message == null ? "" : message.strip();
        Language language = LanguageDetector.detect(msg, fallback);
        Matcher em = EMAIL.matcher(msg);
        String email = em.find() ? em.group() : null;
        String withoutEmail = email == null ? msg : msg.replace(email, " ");
        Matcher cm = CODE.matcher(withoutEmail);
        String code = cm.find() ? cm.group(1) : null;
        String norm = normalize(withoutEmail);
        Topic topic = Topic.OTHER;
        String by = null;
        for (Rule r : RULES) {
            if (r.pattern().matcher(norm).find()) {
                topic = r.topic();
                by = r.name();
                break;
            }
        }
        return new Analysis(language, topic, by, orderNumber(norm), email, code);
    }

    /** Lower case, accents dropped (ß as ss), apostrophes and punctuation as spaces, a "#" kept before a number. */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        return NON_WORD.matcher(s).replaceAll(" ").trim();
    }

    private static Long orderNumber(String norm) {
        Matcher m = ORDER_NUMBER.matcher(norm);
        if (m.find()) {
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
