package io.frameflow.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTP server that behaves like a camera that stops sending: it answers every request
 * with {@code body} (or, when {@code body} is null, not at all) and then keeps the connection open
 * without sending more, until it is closed.
 */
public final class StallingHttpServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] body;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public StallingHttpServer(byte[] body) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.body = body;
        this.acceptor = new Thread(this::acceptLoop, "stalling-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The URL of {@code path}, with {@code userInfo} ("user:password") when not null. */
    public String url(String userInfo, String path) {
        String auth = userInfo == null ? "" : userInfo + "@";
        return "http://" + auth + "127.0.0.1:" + server.getLocalPort() + path;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clients.add(s);
                if (body != null) {
                    answer(s);
                }
            } catch (IOException ignored) {
                // closed by close(), or a client gave up: either way nothing to answer
            }
        }
    }

    private void answer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        OutputStream out = s.getOutputStream();
        out.write(
                "HTTP/1.1 200 OK\r\nContent-Type: video/x-msvideo\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
