package io.frameflow.it.rtsp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP port that accepts connections and then never says a word: a camera that hangs. */
final class SilentTcpListener implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    SilentTcpListener() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "silent-tcp-listener");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                clients.add(server.accept());
            } catch (IOException ignored) {
                // closed by close(): the loop ends
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }
}
