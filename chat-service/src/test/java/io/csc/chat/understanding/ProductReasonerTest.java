package io.csc.chat.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.ProductSummary.ProductVariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Product questions in four languages over the demo store's catalogue (knowledge/demo-products.json). */
class ProductReasonerTest {

    static List<ProductSummary> catalogue;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ProductReasonerTest.class.getResourceAsStream("/knowledge/demo-products.json")) {
            List<ProductSummary> all = new ObjectMapper().readValue(in, new TypeReference<List<ProductSummary>>() {
            });
            catalogue = new ArrayList<>();
            for (ProductSummary p : all) {
                if (p.id() == 40) {
                    // the running shirt's variations as the demo store seeds them (seed.json, ids 41-46)
                    p = new ProductSummary(p.id(), p.name(), p.type(), p.sku(), p.price(), p.regularPrice(),
                            p.salePrice(), p.onSale(), p.stockStatus(), p.stockQuantity(), p.permalink(),
                            p.shortDescription(), p.categories(), List.of(
                                    new ProductVariant(41, "TS-RUN-R-S", "34.00", "instock", 10,
                                            List.of("Color: Red", "Size: S")),
                                    new ProductVariant(42, "TS-RUN-R-M", "34.00", "outofstock", 0,
                                            List.of("Color: Red", "Size: M")),
                                    new ProductVariant(43, "TS-RUN-R-L", "29.00", "instock", 3,
                                            List.of("Color: Red", "Size: L")),
                                    new ProductVariant(44, "TS-RUN-B-S", "34.00", "onbackorder", null,
                                            List.of("Color: Blue", "Size: S")),
                                    new ProductVariant(45, "TS-RUN-B-M", "29.00", "instock", 23,
                                            List.of("Color: Blue", "Size: M")),
                                    new ProductVariant(46, "TS-RUN-B-L", "36.00", "instock", 7,
                                            List.of("Color: Blue", "Size: L"))),
                            p.image());
                }
                catalogue.add(p);
            }
        }
    }

    static ProductAnswer ask(String message) {
        return ProductReasoner.answer(catalogue, ProductQueryParser.parse(message));
    }

    static String names(ProductAnswer a) {
        return String.join("; ", a.products().stream().map(ProductSummary::name).toList());
    }

    /** Lists: kind, then the products in the expected order (cheapest first, etc.). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what's your cheapest hoodie | MATCHES | Zip-Up Fleece Hoodie; Pullover Hoodie Heather Grey; Heavyweight Winter Hoodie",
            "was ist euer günstigster hoodie | MATCHES | Zip-Up Fleece Hoodie; Pullover Hoodie Heather Grey; Heavyweight Winter Hoodie",
            "das teuerste Elektronikprodukt | MATCHES | Smart Watch Series X; Mechanical Keyboard TKL; Portable SSD 1TB; Wireless Earbuds Pro; 4K Webcam",
            "anything on sale under $30 | MATCHES | Vintage Logo T-Shirt; Wool Beanie; Ceramic Coffee Mug Set; Performance Running Shirt",
            "quelque chose en promo à moins de 30 euros | MATCHES | Vintage Logo T-Shirt; Wool Beanie; Ceramic Coffee Mug Set; Performance Running Shirt",
            "electronica entre 40 y 80 dolares | MATCHES | 4K Webcam",
            "electronics between 40 and 80 dollars | MATCHES | 4K Webcam",
            "le livre le moins cher | MATCHES | Clean Architecture; The Pragmatic Programmer; Refactoring 2nd Edition; Designing Data-Intensive Applications",
            "el libro mas barato | MATCHES | Clean Architecture; The Pragmatic Programmer; Refactoring 2nd Edition; Designing Data-Intensive Applications",
            "something for coffee lovers | MATCHES | Ceramic Coffee Mug Set",
            "a gift for a runner | MATCHES | Stainless Steel Water Bottle; Performance Running Shirt",
            "geschenkidee für einen läufer | MATCHES | Stainless Steel Water Bottle; Performance Running Shirt",
            // out-of-stock products (Canvas Tote Bag 15.00, Organic V-Neck Tee 22.00) are left out of a cheapest list
            "cheapest thing in the store | MATCHES | Wool Beanie; Classic Cotton T-Shirt; Vintage Logo T-Shirt; Stainless Steel Water Bottle; Ceramic Coffee Mug Set",
            "books over 50 | MATCHES | Designing Data-Intensive Applications",
            "hoodies under 20 | NONE_FITS | ",
            "do you sell surfboards | NOT_SOLD | ",
            "¿venden bicicletas? | NOT_SOLD | "})
    void listsAndRefusals(String message, ProductAnswer.Kind kind, String expected) {
        ProductAnswer a = ask(message);
        assertEquals(kind, a.kind(), message);
        assertEquals(expected == null ? "" : expected, names(a), message);
    }

    @Test
    void cheapestListsOnlyWhatCanBeBought() {
        // the Canvas Tote Bag (15.00) is out of stock: "cheapest" must not lead with it
        ProductAnswer a = ask("cheapest accessories");
        assertEquals("Wool Beanie", a.products().get(0).name());
        assertTrue(a.products().stream().noneMatch(p -> "outofstock".equals(p.stockStatus())));
    }

    @Test
    void anOutOfStockProductComesWithInStockAlternativesOfItsCategory() {
        ProductAnswer a = ask("is the french press in stock?");
        assertEquals(ProductAnswer.Kind.OUT_OF_STOCK, a.kind());
        assertEquals("French Press Coffee Maker", a.product().name());
        assertEquals("Stainless Steel Water Bottle; Ceramic Coffee Mug Set; Bamboo Cutting Board; Cast Iron Skillet 12 inch",
                names(a));
        assertEquals("French Press Coffee Maker is out of stock right now. In stock in the same category:\n"
                + "- Stainless Steel Water Bottle: $24.00, in stock (60 available)",
                ProductReasoner.render(a, Language.EN, "$").lines().limit(2).reduce((x, y) -> x + "\n" + y).orElseThrow()
                        .replaceAll("\\(\\d+ available\\)", "(60 available)"));
    }

    @Test
    void unknownProductIsNotSoldRatherThanOutOfStock() {
        ProductAnswer a = ask("do you have surfboards in stock");
        assertEquals(ProductAnswer.Kind.NOT_SOLD, a.kind());
        assertEquals("We don't sell surfboards, sorry.", ProductReasoner.render(a, Language.EN, "$"));
        assertEquals("Lo siento, no vendemos surfboards.", ProductReasoner.render(a, Language.ES, "$"));
    }

    @Test
    void restockQuestionsAreAnsweredHonestly() {
        ProductAnswer backorder = ask("when will the mechanical keyboard be back in stock");
        assertEquals(ProductAnswer.Kind.BACKORDER, backorder.kind());
        assertEquals("Mechanical Keyboard TKL is out of stock, but you can order it now: it ships as soon as it's back.",
                ProductReasoner.render(backorder, Language.EN, "$"));
        ProductAnswer out = ask("wann ist die bluetooth lautsprecher wieder da");
        assertEquals(ProductAnswer.Kind.OUT_OF_STOCK, out.kind());
        assertEquals("Bluetooth Speaker Mini", out.product().name());
    }

    @Test
    void variationsAreAnsweredWithTheirOwnStock() {
        ProductAnswer blueM = ask("is the running shirt available in blue medium?");
        assertEquals(ProductAnswer.Kind.VARIATION_IN_STOCK, blueM.kind());
        assertEquals(45, blueM.variant().id());
        assertEquals("Yes, Performance Running Shirt in Blue, M is in stock (23 available).",
                ProductReasoner.render(blueM, Language.EN, "$"));
        assertEquals(45, ask("ist das laufshirt in blau und größe m verfügbar").variant().id());
        assertEquals(45, ask("la camiseta de correr esta disponible en azul talla m").variant().id());
        assertEquals(45, ask("le maillot de course est il dispo en bleu taille m").variant().id());

        ProductAnswer redM = ask("running shirt in red, size M?");
        assertEquals(ProductAnswer.Kind.VARIATION_OUT_OF_STOCK, redM.kind());
        assertEquals(
                "No, Performance Running Shirt in Red, M is out of stock right now. Available: Red, S; Red, L; Blue, M; Blue, L.",
                ProductReasoner.render(redM, Language.EN, "$"));

        assertEquals(ProductAnswer.Kind.VARIATION_BACKORDER, ask("running shirt blue small").kind());
        ProductAnswer green = ask("do you have the running shirt in green?");
        assertEquals(ProductAnswer.Kind.VARIATION_NOT_OFFERED, green.kind());
        assertTrue(
                ProductReasoner.render(green, Language.EN, "$").startsWith("Performance Running Shirt doesn't come in green."));
    }

    @Test
    void productWordsOfOtherLanguagesFindTheCatalogueProduct() {
        ProductAnswer a = ask("Hola, ¿tienen auriculares inalámbricos?");
        assertEquals(ProductAnswer.Kind.IN_STOCK, a.kind());
        assertEquals("Wireless Earbuds Pro", a.product().name());
        assertEquals("Wool Beanie", ask("habt ihr mützen?").product().name());
    }

    @Test
    void parsesPricesAndConstraints() {
        ProductQuery q = ProductQueryParser.parse("zwischen 19,99 und 45 €");
        assertEquals(19.99, q.minPrice());
        assertEquals(45.0, q.maxPrice());
        ProductQuery under = ProductQueryParser.parse("algo por menos de 25.50");
        assertNull(under.minPrice());
        assertEquals(25.5, under.maxPrice());
        assertEquals(ProductQuery.Sort.DEAREST, ProductQueryParser.parse("le plus cher").sort());
        assertTrue(ProductQueryParser.parse("was ist reduziert").onSale());
        assertEquals("m", ProductQueryParser.parse("taille M en bleu").attributes().get("size"));
        assertEquals("blue", ProductQueryParser.parse("taille M en bleu").attributes().get("color"));
    }
}
