package io.csc.gateway.tenant;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Host name to addresses, through the JDK (hosts file, then DNS, with the JDK's short cache). Blocking: call it off
 * the event loop. One bean so that registration and every store call resolve the same way, and tests can stand in
 * for DNS (rebinding, names that resolve to loopback).
 */
@ApplicationScoped
public class HostResolver {

    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
