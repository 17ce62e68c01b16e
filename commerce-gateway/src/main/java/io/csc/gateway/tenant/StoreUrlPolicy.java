package io.csc.gateway.tenant;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import io.csc.web.ApiException;

/**
 * Which store URLs a tenant may point the gateway at. The gateway calls these URLs with the store's keys, so a bad
 * URL would turn it into a proxy into our own network: https only (plain http only for a tenant marked as a
 * development store), never a link-local or cloud metadata address, and loopback or private addresses only for a
 * development store.
 */
public final class StoreUrlPolicy {
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data",
            "metadata.azure.com", "100.100.100.200");

    private StoreUrlPolicy() {
    }

    /** Parses and checks the URL's shape; the host's addresses are checked by {@link #checkAddresses}. */
    public static URI parse(String url, boolean developmentStore) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException | NullPointerException e) {
            throw invalid("woocommerce_url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && developmentStore)) {
            throw invalid(scheme.equals("http")
                    ? "woocommerce_url must use https (plain http only for a tenant marked development_store)"
                    : "woocommerce_url must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid("woocommerce_url must be a plain store address like https://shop.example.com");
        }
        if (METADATA_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw invalid("woocommerce_url points at a cloud metadata address");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        try {
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), path.isEmpty() ? null : path,
                    null, null);
        } catch (URISyntaxException e) {
            throw invalid("woocommerce_url is not a valid URL");
        }
    }

    /**
     * Resolves the host (blocking: call off the event loop) and refuses forbidden address ranges. A host that does not
     * resolve yet is accepted (a store being set up, or DNS down for a moment): it cannot be reached either, and only
     * operators holding the admin token can register URLs.
     */
    public static void checkAddresses(URI uri, boolean developmentStore) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return;
        }
        for (InetAddress address : addresses) {
            checkAddress(address, developmentStore);
        }
    }

    static void checkAddress(InetAddress address, boolean developmentStore) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || isMetadata(address)) {
            throw invalid("woocommerce_url resolves to a link-local or metadata address");
        }
        boolean internal = address.isLoopbackAddress() || address.isSiteLocalAddress() || isUniqueLocal(address)
                || isCarrierGradeNat(address);
        if (internal && !developmentStore) {
            throw invalid("woocommerce_url resolves to a private or loopback address (allowed only for development_store)");
        }
    }

    private static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        // 169.254.169.254 is link-local already; fd00:ec2::254 (AWS IPv6 metadata) is unique-local but never a store.
        return address instanceof Inet6Address && (b[0] & 0xff) == 0xfd && (b[1] & 0xff) == 0x00 && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "invalid_store_url", message);
    }
}
