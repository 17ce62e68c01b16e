package io.csc.demostore;

import java.util.List;
import java.util.Objects;

/**
 * A WooCommerce REST API key as the store knows it: consumer key, consumer secret and what the key may do.
 */
public record ApiKey(String consumerKey, String consumerSecret, Permissions permissions) {

    /** WooCommerce's three key permissions. */
    public enum Permissions {
        READ, WRITE, READ_WRITE;

        public boolean canRead() {
            return this != WRITE;
        }

        public boolean canWrite() {
            return this != READ;
        }
    }

    public ApiKey {
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** The keys of the recorded store (fixtures README): read_write, read, write. */
    public static List<ApiKey> recordedKeys() {
        return List.of(new ApiKey(DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET, Permissions.READ_WRITE),
                new ApiKey(DemoStore.READ_KEY, DemoStore.READ_SECRET, Permissions.READ),
                new ApiKey(DemoStore.WRITE_KEY, DemoStore.WRITE_SECRET, Permissions.WRITE));
    }
}
