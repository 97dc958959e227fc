package dev.storyline.pull.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses. The system's resolver in production; tests inject one they control. */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
