package io.csc.gateway.tenant;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.csc.web.ApiException;

/**
 * Which store URLs a tenant may point the gateway at, and which addresses the gateway may connect to for it. The
 * gateway calls these URLs with the store's keys, so a bad URL would turn it into a proxy into our own network:
 * <ul>
 * <li>https only (plain http only for a tenant marked as a development store);</li>
 * <li>the host is a DNS name or a canonical IP literal: {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 2130706433}
 * or {@code 127.1} are IP addresses in disguise (C's inet_aton reads them) and are refused;</li>
 * <li>every address the host resolves to is checked, at registration and again at connect time for every call (the
 * client connects to the address that was checked, so DNS rebinding cannot slip in another): never link-local, cloud
 * metadata, unspecified, multicast or reserved; loopback, private, carrier-grade NAT and unique-local only for a
 * development store. IPv6 forms that embed an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible, NAT64, 6to4)
 * are judged by that IPv4 address.</li>
 * </ul>
 */
public final class StoreUrlPolicy {
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data",
            "metadata.azure.com", "100.100.100.200");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** A label C's inet_aton would read as a number: decimal, octal (leading 0) or hex (0x). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern CANONICAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

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
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        checkHostForm(host);
        if (METADATA_HOSTS.contains(host)) {
            throw invalid("woocommerce_url points at a cloud metadata address");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        try {
            return new URI(scheme, null, host, uri.getPort(), path.isEmpty() ? null : path, null, null);
        } catch (URISyntaxException e) {
            throw invalid("woocommerce_url is not a valid URL");
        }
    }

    /** A DNS name, a canonical dotted-quad IPv4 address or a bracketed IPv6 address; nothing in between. */
    static void checkHostForm(String host) {
        if (host.startsWith("[")) {
            return; // java.net.URI has already parsed it as an IPv6 literal
        }
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253 || !Arrays.stream(labels).allMatch(l -> LABEL.matcher(l).matches())) {
            throw invalid("woocommerce_url's host is not a valid host name");
        }
        boolean numeric = Arrays.stream(labels).allMatch(l -> NUMERIC_LABEL.matcher(l).matches());
        boolean numericTld = labels[labels.length - 1].chars().allMatch(Character::isDigit);
        if (numeric || numericTld) {
            boolean canonical = labels.length == 4 && Arrays.stream(labels)
                    .allMatch(l -> CANONICAL_OCTET.matcher(l).matches() && Integer.parseInt(l) <= 255);
            if (!canonical) {
                throw invalid("woocommerce_url's host looks like an IP address in a non-standard form (octal, hex, "
                        + "decimal or shortened): write a host name or a dotted IPv4 address like 203.0.113.7");
            }
        }
    }

    /**
     * Resolves the host (blocking: call off the event loop) and refuses a host that does not resolve or any of whose
     * addresses is forbidden for this tenant.
     */
    public static InetAddress[] checkAddresses(URI uri, boolean developmentStore, HostResolver resolver) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost(uri));
        } catch (UnknownHostException e) {
            throw invalid("woocommerce_url's host name does not resolve: check the address");
        }
        if (addresses.length == 0) {
            throw invalid("woocommerce_url's host name does not resolve: check the address");
        }
        for (InetAddress address : addresses) {
            checkAddress(address, developmentStore);
        }
        return addresses;
    }

    /** The host without IPv6 brackets, as resolvers want it. */
    public static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Refuses (400 invalid_store_url) an address this tenant's store may not have. */
    public static void checkAddress(InetAddress address, boolean developmentStore) {
        Range range = classify(address);
        if (range == Range.NEVER) {
            throw invalid("woocommerce_url resolves to a link-local, metadata, unspecified or reserved address");
        }
        if (range == Range.INTERNAL && !developmentStore) {
            throw invalid("woocommerce_url resolves to a private or loopback address (allowed only for development_store)");
        }
    }

    enum Range {
        PUBLIC, INTERNAL, NEVER
    }

    static Range classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return classifyIpv4(embedded);
            }
            if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()
                    || isAwsIpv6Metadata(b) || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0 /* fec0::/10 site-local */) {
                return Range.NEVER;
            }
            if (address.isLoopbackAddress() || (b[0] & 0xfe) == 0xfc) {
                return Range.INTERNAL;
            }
            return Range.PUBLIC;
        }
        return classifyIpv4(b);
    }

    private static Range classifyIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 0 // 0.0.0.0/8 "this network" (0.0.0.0 reaches the local host)
                || a0 == 169 && a1 == 254 // link-local, 169.254.169.254 metadata
                || a0 >= 224 // multicast, reserved, broadcast
                || a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200 // Alibaba Cloud metadata
                || a0 == 192 && a1 == 0 && a2 == 0 // IETF protocol assignments (192.0.0.0/24)
        ) {
            return Range.NEVER;
        }
        if (a0 == 127 || a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168
                || a0 == 100 && (a1 & 0xc0) == 64 // carrier-grade NAT
                || a0 == 198 && (a1 & 0xfe) == 18 // benchmarking
        ) {
            return Range.INTERNAL;
        }
        return Range.PUBLIC;
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0
                && (b[15] == 0 || b[15] == 1)); // :: and ::1 are not IPv4
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean isAwsIpv6Metadata(byte[] b) {
        // fd00:ec2::254 is unique-local, but it is never a store.
        return (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2;
    }

    /** An address as it goes into a URL's host part. */
    public static String literal(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : "[" + address.getHostAddress() + "]";
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "invalid_store_url", message);
    }
}
