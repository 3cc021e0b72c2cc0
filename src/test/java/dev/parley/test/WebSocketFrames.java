package dev.parley.test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client's side of RFC 6455 written by hand on a plain {@link Socket}, for the tests
 * that need what a WebSocket library hides: the socket's local address and receive buffer, and a
 * client that stops reading by not reading (nothing is read ahead into memory), as a TCP client
 * does. Text frames only; the client's frames are masked (with a zero key), the server's are not.
 */
public final class WebSocketFrames {
  private WebSocketFrames() {}

  /**
   * Sends the opening handshake for {@code /chat} without an {@code Origin} and reads the server's
   * answer, which must be {@code 101}.
   *
   * @param socket a connected socket
   * @throws IOException if the socket fails or the server refuses
   */
  public static void open(Socket socket) throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13"
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed during the handshake: " + head);
      }
      head.write(b);
    }
    if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
      throw new IOException("the handshake was refused: " + head);
    }
  }

  /**
   * Writes {@code payload} as one final, masked text frame.
   *
   * @param out the socket's output
   * @param payload the frame's text, in UTF-8
   * @throws IOException if the socket fails
   */
  public static void writeText(OutputStream out, byte[] payload) throws IOException {
    writeFrame(out, 0x1, true, payload);
  }

  /**
   * Writes one masked frame, so that a test can send a message in pieces: a text frame ({@code
   * 0x1}) that is not final, then continuation frames ({@code 0x0}), the last of them final.
   *
   * @param out the socket's output
   * @param opcode the frame's opcode
   * @param fin whether the frame ends its message
   * @param payload the frame's payload
   * @throws IOException if the socket fails
   */
  public static void writeFrame(OutputStream out, int opcode, boolean fin, byte[] payload)
      throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xFF);
      }
    }
    // A zero masking key leaves the payload as it is.
    frame.write(new byte[4]);
    frame.write(payload);
    out.write(frame.toByteArray());
    out.flush();
  }

  /**
   * Reads the next text message, joining its continuation frames and skipping pings and pongs.
   *
   * @param in the socket's input, which this class alone reads
   * @return the message's payload, or null when a close frame or the end of the stream comes
   *     instead
   * @throws IOException if the socket fails, a read times out, or a frame is not what a server
   *     sends
   */
  public static byte[] readText(DataInputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      int opcode = first & 0x0F;
      byte[] payload = readPayload(in);
      if (opcode == 0x8) {
        return null;
      }
      if (opcode == 0x9 || opcode == 0xA) {
        continue;
      }
      if (opcode != 0x1 && opcode != 0x0) {
        throw new IOException("an unexpected frame with opcode " + opcode);
      }
      message.write(payload);
      if ((first & 0x80) != 0) {
        return message.toByteArray();
      }
    }
  }

  /**
   * Reads the next frame, which must be a close frame, and returns its status code.
   *
   * @param in the socket's input, which this class alone reads
   * @return the close frame's status code
   * @throws IOException if the socket fails, a read times out, or the next frame is not a close
   *     frame with a status code
   */
  public static int readCloseStatus(DataInputStream in) throws IOException {
    int opcode = in.readUnsignedByte() & 0x0F;
    byte[] payload = readPayload(in);
    if (opcode != 0x8) {
      throw new IOException(
          "expected a close frame but got opcode "
              + opcode
              + ": "
              + new String(payload, StandardCharsets.UTF_8));
    }
    if (payload.length < 2) {
      throw new IOException("a close frame without a status code");
    }
    return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
  }

  private static byte[] readPayload(DataInputStream in) throws IOException {
    int second = in.readUnsignedByte();
    if ((second & 0x80) != 0) {
      throw new IOException("a masked frame from the server");
    }
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return payload;
  }
}
