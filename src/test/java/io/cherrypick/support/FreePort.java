package io.cherrypick.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A free local port, so base URLs that name the runtime's own port can be set before the server starts. */
public final class FreePort {
    private FreePort() {
    }

    public static int find() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
