package io.csc.gateway.woo;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.model.commerce.ProductSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The product's image as WooCommerce's REST API sends it ({@code images[0]}: src, alt), or none. */
class WooMapperTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void takesTheFirstImageWithItsAltText() throws Exception {
        JsonNode p = json.readTree(
                """
                        {"id": 12, "name": "Beanie", "type": "simple", "images": [
                          {"id": 44, "src": "https://shop.example.com/wp-content/uploads/beanie.jpg", "name": "beanie", "alt": "A red beanie"},
                          {"id": 45, "src": "https://shop.example.com/wp-content/uploads/beanie-2.jpg", "name": "beanie-2", "alt": ""}]}""");
        ProductSummary.Image image = WooMapper.product(p, List.of()).image();
        assertEquals(new ProductSummary.Image("https://shop.example.com/wp-content/uploads/beanie.jpg", "A red beanie"),
                image);
    }

    @Test
    void anEmptyAltIsLeftOutAndNoImagesMeansNoImage() throws Exception {
        JsonNode withoutAlt = json.readTree("""
                {"id": 12, "name": "Beanie", "images": [{"id": 44, "src": "https://shop.example.com/b.jpg", "alt": ""}]}""");
        assertEquals(new ProductSummary.Image("https://shop.example.com/b.jpg", null),
                WooMapper.product(withoutAlt, List.of()).image());
        assertNull(WooMapper.product(json.readTree("{\"id\": 12, \"images\": []}"), List.of()).image());
        assertNull(WooMapper.product(json.readTree("{\"id\": 12}"), List.of()).image());
    }
}
