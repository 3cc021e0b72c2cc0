package dev.parley.bus;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The event-bus codec of one immutable record type. Within a JVM, {@link #transform} hands every
 * consumer the same instance, so a published event is never copied per consumer. Across cluster
 * nodes the record travels as length-prefixed JSON written by Jackson. Thread-safe.
 *
 * @param <T> the record type
 */
final class RecordCodec<T extends Record> implements MessageCodec<T, T> {
  // Records travel as their components; an isX() method of a record (RoomPolicy.isEmpty) is not
  // one.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

  private final Class<T> type;

  /**
   * Creates the codec of a record type.
   *
   * @param type the record class
   */
  public RecordCodec(Class<T> type) {
    this.type = type;
  }

  /**
   * Writes the record as a 4-byte length and that many bytes of JSON.
   *
   * @param buffer the buffer to append to
   * @param record the record
   * @throws UncheckedIOException if Jackson cannot write the record
   */
  @Override
  public void encodeToWire(Buffer buffer, T record) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(record);
      buffer.appendInt(json.length).appendBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a record written by {@link #encodeToWire}.
   *
   * @param pos where the record starts in {@code buffer}
   * @param buffer the buffer
   * @return the record
   * @throws UncheckedIOException if the bytes are not a record of this type
   */
  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    try {
      return MAPPER.readValue(buffer.getBytes(pos + 4, pos + 4 + length), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the same instance: records are immutable.
   *
   * @param record the record
   * @return {@code record}
   */
  @Override
  public T transform(T record) {
    return record;
  }

  /**
   * The codec's name.
   *
   * @return {@code parley.} followed by the record's simple name
   */
  @Override
  public String name() {
    return "parley." + type.getSimpleName();
  }

  /**
   * Not a system codec.
   *
   * @return -1
   */
  @Override
  public byte systemCodecID() {
    return -1;
  }
}
