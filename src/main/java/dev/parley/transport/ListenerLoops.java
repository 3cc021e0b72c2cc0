package dev.parley.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child group of a shared {@link TcpPort}: each accepted channel is registered, in turn, on the
 * event loop of the next listener instance that shares the port, and remembers that instance
 * ({@link #INSTANCE}). It owns no threads: the loops are Vert.x's, so shutting it down does
 * nothing. Thread-safe: instances join and leave from their own loops while the acceptor registers
 * channels.
 */
final class ListenerLoops extends AbstractEventExecutorGroup implements EventLoopGroup {
  /** The listener instance a channel was registered for. */
  static final AttributeKey<TcpPort.Instance> INSTANCE = AttributeKey.valueOf("parley.instance");

  private final List<TcpPort.Instance> instances = new CopyOnWriteArrayList<>();
  private final AtomicInteger turn = new AtomicInteger();

  void add(TcpPort.Instance instance) {
    instances.add(instance);
  }

  /**
   * @return whether no instance is left
   */
  boolean remove(TcpPort.Instance instance) {
    instances.remove(instance);
    return instances.isEmpty();
  }

  private TcpPort.Instance nextInstance() {
    List<TcpPort.Instance> now = instances;
    if (now.isEmpty()) {
      throw new IllegalStateException("no listener instance is left on this port");
    }
    return now.get(Math.floorMod(turn.getAndIncrement(), now.size()));
  }

  @Override
  public EventLoop next() {
    return nextInstance().loop();
  }

  @Override
  public ChannelFuture register(Channel channel) {
    TcpPort.Instance instance = nextInstance();
    channel.attr(INSTANCE).set(instance);
    return instance.loop().register(channel);
  }

  @Override
  public ChannelFuture register(ChannelPromise promise) {
    TcpPort.Instance instance = nextInstance();
    promise.channel().attr(INSTANCE).set(instance);
    return instance.loop().register(promise);
  }

  @Deprecated
  @Override
  public ChannelFuture register(Channel channel, ChannelPromise promise) {
    return register(promise);
  }

  @Override
  public Iterator<EventExecutor> iterator() {
    List<EventExecutor> loops = new ArrayList<>();
    for (TcpPort.Instance instance : instances) {
      loops.add(instance.loop());
    }
    return loops.iterator();
  }

  @Override
  public boolean isShuttingDown() {
    return false;
  }

  @Override
  public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
    return terminationFuture();
  }

  @Override
  public Future<?> terminationFuture() {
    return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
  }

  @Deprecated
  @Override
  public void shutdown() {}

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
