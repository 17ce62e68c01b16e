package io.csc.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The exchanges recorded against a real WooCommerce 10.0.2 store ({@code deploy/woo-fixtures}). */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path dir() {
        String configured = System.getProperty("woo.fixtures");
        Path dir = configured != null ? Path.of(configured) : Path.of("../deploy/woo-fixtures");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Recorded fixtures not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static JsonNode load(String name) {
        try {
            return JSON.readTree(dir().resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Consumer key and secret of the recording store, by the fixtures' key names (rw, ro, wo). */
    public static String[] credentials(String key) {
        return switch (key) {
            case "rw" ->
                new String[]{"ck_849764fbd6818bcfeee7ffd6c852d496c0ea4b86", "cs_9fdff28d8c62fde1b697a23cc98b725c6f9a5df1"};
            case "r", "ro" ->
                new String[]{"ck_962c8509d511633aedad61c888cc0754430e92db", "cs_992302c39475ba64bde9e654a47659c067dcdd71"};
            case "w", "wo" ->
                new String[]{"ck_826cdf50c89ed2226e92520ebe794f65bff0509a", "cs_bfd13fa9a48ae1035f34f365ac2c6d1fd999e1b1"};
            default -> throw new IllegalArgumentException(key);
        };
    }
}
