package dev.parley.rooms;

import dev.parley.accounts.Accounts;
import dev.parley.accounts.PasswordHash;
import dev.parley.api.ApiAddresses;
import dev.parley.bus.Addresses;
import dev.parley.placement.RoomGroups;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.RoomNames;
import dev.parley.room.AddressBlock;
import dev.parley.room.RoomException;
import dev.parley.store.Account;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * The node's front of the moderation and account requests of the event-bus API (PROTOCOL.md section
 * 13, "event-bus API"), a part of {@link ApiFront}. A moderation request about a room goes to the
 * host of the room's group (the default room's when it names none, or a bad one, whose group then
 * refuses it), where {@link ModerationApi} answers it; before a {@code ban} or an {@code op} goes,
 * the node's {@link Accounts} find the account it names, whose stored name goes along in {@link
 * ModerationApi#ACCOUNT_HEADER}. The account requests are answered here, by {@link Accounts}, from
 * a password hash: a password never travels. Confined to the front's context; stateless.
 */
final class ModerationFront {
  private final EventBus bus;
  private final RoomGroups groups;
  private final int defaultGroup;
  private final Accounts accounts;
  private final DeliveryOptions ask;

  /**
   * @param bus the event bus
   * @param groups the cluster's room groups
   * @param defaultRoom the default room's name
   * @param accounts the node's accounts
   * @param ask how a group is asked (its send timeout)
   */
  ModerationFront(
      EventBus bus, RoomGroups groups, String defaultRoom, Accounts accounts, DeliveryOptions ask) {
    this.bus = bus;
    this.groups = groups;
    this.defaultGroup = groups.of(defaultRoom);
    this.accounts = accounts;
    this.ask = ask;
  }

  /**
   * Registers the consumers of every address but {@code kick} (the front's own).
   *
   * @return the registrations, each completed once its consumer is registered
   */
  List<Future<Void>> register() {
    return List.of(
        consume(ApiAddresses.BAN, m -> withAccount(m, ApiAddresses.BAN, "target")),
        consume(ApiAddresses.UNBAN, m -> byRoom(m, ApiAddresses.UNBAN, null)),
        consume(ApiAddresses.BANS, m -> byRoom(m, ApiAddresses.BANS, null)),
        consume(ApiAddresses.MUTE, m -> byRoom(m, ApiAddresses.MUTE, null)),
        consume(ApiAddresses.UNMUTE, m -> byRoom(m, ApiAddresses.UNMUTE, null)),
        consume(ApiAddresses.TOPIC, m -> byRoom(m, ApiAddresses.TOPIC, null)),
        consume(ApiAddresses.OP, m -> withAccount(m, ApiAddresses.OP, "account")),
        consume(ApiAddresses.DEOP, m -> byRoom(m, ApiAddresses.DEOP, null)),
        consume(ApiAddresses.ACCOUNT_REGISTER, this::register),
        consume(ApiAddresses.ACCOUNT_PASSWORD, this::password),
        consume(ApiAddresses.ACCOUNT_DELETE, this::delete));
  }

  private Future<Void> consume(String address, Consumer<Message<Object>> handler) {
    return bus.consumer(address, handler::accept).completion();
  }

  /** The group of the request's {@code room}, or the default room's. */
  private int groupOf(Object body) {
    if (body instanceof JsonObject json && json.getValue("room") instanceof String room) {
      NameRules.Verdict verdict = RoomNames.check(room.strip());
      if (verdict.valid()) {
        return groups.of(verdict.name());
      }
    }
    return defaultGroup;
  }

  /** Hands the request to its room's group, with the stored account's name when there is one. */
  private void byRoom(Message<Object> m, String address, Account account) {
    DeliveryOptions options = new DeliveryOptions(ask).addHeader(Addresses.API_ACTION, address);
    if (account != null) {
      options.addHeader(ModerationApi.ACCOUNT_HEADER, account.name());
    }
    ApiFront.answer(
        m,
        bus.<JsonObject>request(Addresses.api(groupOf(m.body())), m.body(), options)
            .map(Message::body));
  }

  /**
   * Finds the account that the string field {@code field} names, if it may name one (a valid name,
   * not an address or block), then hands the request on. An account that cannot be looked up (the
   * store away, and this node never saw it) counts as none.
   */
  private void withAccount(Message<Object> m, String address, String field) {
    String name =
        m.body() instanceof JsonObject json && json.getValue(field) instanceof String text
            ? text.strip()
            : "";
    NameRules.Verdict verdict = name.isEmpty() ? null : NameRules.check(name);
    if (verdict == null || !verdict.valid() || AddressBlock.parse(name) != null) {
      byRoom(m, address, null);
      return;
    }
    accounts
        .find(verdict.name())
        .otherwise(failure -> null)
        .onComplete(found -> byRoom(m, address, found.result()));
  }

  /** A request's account name: a valid name, in NFC. */
  private static String accountName(JsonRequest request) {
    String name = request.stripped("name", true);
    if (name.isEmpty()) {
      throw new RoomException(ErrorCode.BAD_REQUEST, "field \"name\" must not be empty");
    }
    NameRules.Verdict verdict = NameRules.check(name);
    if (!verdict.valid()) {
      throw new RoomException(ErrorCode.INVALID_NAME, verdict.error());
    }
    return verdict.name();
  }

  /** A request's {@code passwordHash}: a hash as {@link PasswordHash#hash} makes them. */
  private static String passwordHash(JsonRequest request) {
    String hash = request.string("passwordHash", true);
    if (!PasswordHash.isHash(hash)) {
      throw new RoomException(
          ErrorCode.BAD_REQUEST,
          "field \"passwordHash\" must be an Argon2id hash made with PasswordHash.hash");
    }
    return hash;
  }

  private void register(Message<Object> m) {
    try {
      JsonRequest request = JsonRequest.of(m.body(), "name", "passwordHash");
      String name = accountName(request);
      String hash = passwordHash(request);
      ApiFront.answer(
          m,
          accounts
              .registerHashed(name, hash)
              .map(account -> new JsonObject().put("name", account.name())));
    } catch (RoomException e) {
      ApiFront.fail(m, e);
    }
  }

  private void password(Message<Object> m) {
    try {
      JsonRequest request = JsonRequest.of(m.body(), "name", "passwordHash");
      String name = accountName(request);
      String hash = passwordHash(request);
      ApiFront.answer(m, accounts.setPasswordHash(name, hash).map(v -> new JsonObject()));
    } catch (RoomException e) {
      ApiFront.fail(m, e);
    }
  }

  private void delete(Message<Object> m) {
    try {
      String name = accountName(JsonRequest.of(m.body(), "name"));
      ApiFront.answer(m, accounts.delete(name).map(v -> new JsonObject()));
    } catch (RoomException e) {
      ApiFront.fail(m, e);
    }
  }
}
