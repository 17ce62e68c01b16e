package io.csc.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who is calling, for per-client rate limits and attempt caps: the one place every service resolves the shopper's
 * address. The connection's peer is the client unless it is one of {@code csc.web.trusted-proxies} (the ingress, a
 * load balancer: addresses or CIDR ranges, comma-separated; the services set it from {@code TRUSTED_PROXIES}, loopback
 * by default, which is where the local ingress connects from). Then {@code X-Forwarded-For} is read from the right,
 * skipping trusted hops, and the first address not trusted is the client: entries further left were written by the
 * client itself and prove nothing. Without trusted proxies the header is ignored, so a client cannot pick its own
 * rate-limit bucket. (Quarkus' {@code quarkus.http.proxy.*} is not used: it believes the left-most entry.)
 */
@ApplicationScoped
public class ClientAddress {
    public static final String UNKNOWN = "unknown";
    private final List<Cidr> trusted;

    public ClientAddress(@ConfigProperty(name = "csc.web.trusted-proxies") Optional<List<String>> trustedProxies) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : trustedProxies.orElse(List.of())) {
            if (!entry.isBlank()) {
                ranges.add(Cidr.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address as text (IPv4 dotted or IPv6), or {@value #UNKNOWN}. */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.getHeader("X-Forwarded-For"));
    }

    String resolve(String peer, String forwardedFor) {
        byte[] peerBytes = peer == null ? null : NetUtil.createByteArrayFromIpAddressString(peer);
        if (peerBytes == null) {
            return UNKNOWN;
        }
        String client = NetUtil.bytesToIpAddress(peerBytes);
        if (!isTrusted(peerBytes) || forwardedFor == null || forwardedFor.isBlank()) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            byte[] hop = parseHop(hops[i].strip());
            if (hop == null) {
                // Garbage where an address should be: the hop that wrote it is the last one we can vouch for.
                return client;
            }
            client = NetUtil.bytesToIpAddress(hop);
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(byte[] address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address as proxies write it: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code ::1} or {@code [::1]:5678}. */
    static byte[] parseHop(String hop) {
        String address = hop;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            if (end < 0) {
                return null;
            }
            address = address.substring(1, end);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        return NetUtil.createByteArrayFromIpAddressString(address);
    }

    /** An address range; a bare address is a range of one. Only literal addresses: never a DNS lookup. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null) {
                throw new IllegalArgumentException("csc.web.trusted-proxies: not an IP address or CIDR range: " + text);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("csc.web.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
