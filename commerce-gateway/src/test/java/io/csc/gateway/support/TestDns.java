package io.csc.gateway.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.csc.gateway.tenant.HostResolver;

/**
 * DNS for tests, which run without network: names a test puts in {@link #ANSWERS} resolve to that address (tests can
 * change the answer between calls, as DNS rebinding does); names under {@code example.com} (the stores the admin tests
 * register) resolve to a public documentation address; everything else (localhost, IP literals) as the JDK resolves
 * it. Every lookup is recorded in {@link #ASKED}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDns extends HostResolver {
    public static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    public static final List<String> ASKED = new CopyOnWriteArrayList<>();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        ASKED.add(name);
        String answer = ANSWERS.get(name);
        if (answer != null) {
            return new InetAddress[]{InetAddress.getByName(answer)};
        }
        if (name.equals("example.com") || name.endsWith(".example.com")) {
            return new InetAddress[]{InetAddress.getByAddress(name, new byte[]{93, (byte) 184, (byte) 216, 34})};
        }
        if (name.endsWith(".example")) {
            throw new UnknownHostException(host); // reserved for documentation: never resolves
        }
        return super.resolve(host);
    }

    public static int lookups(String host) {
        return (int) ASKED.stream().filter(host::equals).count();
    }
}
