package dev.muster.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a directory that runs an action (stopping the server) when the client sends its n-th
 * LDAP search request: a server that goes away in the middle of a paged read, at a known page.
 */
final class PageKillingProxy implements AutoCloseable {
    private static final int SEARCH_REQUEST = 0x63;

    private final ServerSocket listener;
    private final AtomicInteger searches = new AtomicInteger();

    interface Action {
        void run() throws Exception;
    }

    PageKillingProxy(int targetPort, int killAtSearch, Action kill) throws IOException {
        listener = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket("127.0.0.1", targetPort);
                    pump(server.getInputStream(), client.getOutputStream(), client, server, -1, null);
                    pump(client.getInputStream(), server.getOutputStream(), client, server, killAtSearch, kill);
                } catch (IOException e) {
                    // the listener closed, or the target is gone: new clients get a refused connection
                }
            }
        }, "page-killing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void pump(InputStream in, OutputStream out, Socket a, Socket b, int killAt, Action kill) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (kill != null && isSearchRequest(buffer, n) && searches.incrementAndGet() == killAt) {
                        kill.run();
                        a.close();
                        b.close();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (Exception e) {
                // a side closed
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the chunk starts with an LDAPMessage whose protocol op is a SearchRequest. */
    static boolean isSearchRequest(byte[] b, int n) {
        if (n < 2 || (b[0] & 0xff) != 0x30) {
            return false;
        }
        int i = 1;
        int length = b[i++] & 0xff;
        if ((length & 0x80) != 0) {
            i += length & 0x7f;
        }
        if (i + 1 >= n || (b[i] & 0xff) != 0x02) {
            return false;
        }
        int idLength = b[i + 1] & 0xff;
        int op = i + 2 + idLength;
        return op < n && (b[op] & 0xff) == SEARCH_REQUEST;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
