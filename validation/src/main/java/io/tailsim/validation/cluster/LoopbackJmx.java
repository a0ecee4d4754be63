package io.tailsim.validation.cluster;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Arrays;
import java.util.Map;

/**
 * Broker launcher: {@code LoopbackJmx PORT MAIN_CLASS ARGS...} serves the platform MBeans over JMX on 127.0.0.1:PORT only,
 * then runs MAIN_CLASS (kafka.Kafka). The JVM's own agent (-Dcom.sun.management.jmxremote.port) cannot do this: it always
 * adds a "local" connector on an anonymous port bound to the wildcard address.
 */
public final class LoopbackJmx {
    private LoopbackJmx() {
    }

    /** Equal instances let the RMI registry and the connector server share the one port. */
    record LoopbackSocketFactory(String host) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getByName(host));
        }
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) throw new IllegalArgumentException("usage: LoopbackJmx PORT MAIN_CLASS [ARGS...]");
        start(Integer.parseInt(args[0]));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        // kafka.Kafka exits by itself; this only guards against the RMI threads keeping a finished JVM alive.
        System.exit(0);
    }

    static JMXConnectorServer start(int port) throws IOException {
        String host = BrokerConfig.HOST;
        // Stubs handed to clients must name the loopback address, not the machine's hostname.
        System.setProperty("java.rmi.server.hostname", host);
        LoopbackSocketFactory ssf = new LoopbackSocketFactory(host);
        LocateRegistry.createRegistry(port, null, ssf);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi");
        Map<String, Object> env = Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, ssf);
        JMXConnectorServer cs = JMXConnectorServerFactory.newJMXConnectorServer(url, env, ManagementFactory.getPlatformMBeanServer());
        cs.start();
        return cs;
    }
}
