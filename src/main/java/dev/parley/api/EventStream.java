package dev.parley.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

/**
 * The room's events as a {@link ReadStream} of typed {@link ParleyEvent}s, over a consumer of
 * {@link ApiAddresses#EVENTS}. Flow control ({@link #pause}, {@link #fetch}) is the consumer's: a
 * paused stream buffers up to the consumer's limit and then drops, like any event-bus consumer.
 * Events that cannot be read are passed to the exception handler. Handlers run on the context that
 * created the stream.
 */
public final class EventStream implements ReadStream<ParleyEvent> {
  private final MessageConsumer<JsonObject> consumer;
  private Handler<Throwable> exceptionHandler;

  EventStream(MessageConsumer<JsonObject> consumer) {
    this.consumer = consumer;
  }

  /**
   * Completes when the subscription is registered (cluster-wide, when clustered): events published
   * after that reach this stream.
   *
   * @return the registration's completion
   */
  public Future<Void> completion() {
    return consumer.completion();
  }

  /**
   * Stops the subscription.
   *
   * @return completed when unregistered
   */
  public Future<Void> close() {
    return consumer.unregister();
  }

  @Override
  public EventStream exceptionHandler(Handler<Throwable> handler) {
    exceptionHandler = handler;
    consumer.exceptionHandler(handler);
    return this;
  }

  @Override
  public EventStream handler(Handler<ParleyEvent> handler) {
    if (handler == null) {
      consumer.handler(null);
      return this;
    }
    consumer.handler(
        message -> {
          ParleyEvent event;
          try {
            event = ParleyEvent.fromJson(message.body());
          } catch (RuntimeException e) {
            if (exceptionHandler != null) {
              exceptionHandler.handle(e);
            }
            return;
          }
          handler.handle(event);
        });
    return this;
  }

  @Override
  public EventStream pause() {
    consumer.pause();
    return this;
  }

  @Override
  public EventStream resume() {
    consumer.resume();
    return this;
  }

  @Override
  public EventStream fetch(long amount) {
    consumer.fetch(amount);
    return this;
  }

  @Override
  public EventStream endHandler(Handler<Void> endHandler) {
    consumer.endHandler(endHandler);
    return this;
  }
}
