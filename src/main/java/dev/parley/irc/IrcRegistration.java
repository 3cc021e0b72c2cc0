package dev.parley.irc;

import dev.parley.accounts.Accounts;
import dev.parley.bus.Addresses;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.NickReply;
import dev.parley.bus.NickRequest;
import dev.parley.names.NameRegistry;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.NameRules;
import dev.parley.room.RoomException;
import dev.parley.session.RoomAsk;
import dev.parley.session.SessionHost;
import dev.parley.store.Account;
import dev.parley.values.MemberKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.ReplyException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An IRC client's registration (PROTOCOL.md section 14): {@code CAP LS/REQ/END/LIST}, {@code PASS},
 * {@code NICK}, {@code USER} and {@code AUTHENTICATE PLAIN}; once NICK and USER are given and no
 * capability negotiation is open, the nick is checked as a Parley name (432), a registered one
 * needs its password (SASL or PASS; 904 or 464), and it is taken in the cluster's name registry
 * (433 when it is held or collides), before the welcome (001 to 005, LUSERS, 422). Later NICKs
 * rename the member in every room. Confined to the session's event loop.
 */
final class IrcRegistration {
  /** How often a taken name is tried, and how long apart: 433 comes at most 200 ms late. */
  private static final int CLAIM_TRIES = 5;

  private static final long CLAIM_RETRY_MILLIS = 50;

  private final IrcSession session;
  private final SessionHost host;
  private final Accounts accounts;
  private final Set<String> capabilities = new HashSet<>();
  private NameRegistry names;
  private String nick = "*";
  private String requested;
  private String user;
  private String realName;
  private String password;
  private String account = "";
  private boolean negotiating;
  private boolean completing;
  private boolean nameHeld;
  private String nickInFlight;
  private final IrcSasl sasl;

  IrcRegistration(IrcSession session, SessionHost host) {
    this.session = session;
    this.host = host;
    this.accounts = host.accounts();
    this.sasl = new IrcSasl(session, accounts, this);
  }

  IrcSasl sasl() {
    return sasl;
  }

  /** The nick the client asked for and has not yet got, or {@code null}. */
  String requested() {
    return requested;
  }

  /** SASL logged the client in to an account. */
  void loggedIn(String account) {
    this.account = account;
  }

  String nick() {
    return nick;
  }

  String account() {
    return account;
  }

  String user() {
    return user == null ? nick : user;
  }

  /** The real name from USER, or the nick before USER. */
  String realName() {
    return realName == null ? nick : realName;
  }

  boolean has(String capability) {
    return capabilities.contains(capability);
  }

  NameRegistry names() {
    return names;
  }

  /**
   * What the name registry holds of this client now: its nick, USER and away message; {@code null}
   * before it has a nick.
   */
  NameRegistry.Holder holder() {
    return "*".equals(nick) ? null : holderOf(nick);
  }

  private NameRegistry.Holder holderOf(String name) {
    return new NameRegistry.Holder(
        session.id(),
        host.nodeId(),
        MemberKind.IRC,
        name,
        user,
        realName,
        session.away().message(),
        session.operatorAccount() != null);
  }

  // ---- CAP

  void cap(IrcMessage m) {
    String sub = m.param(0).toUpperCase(java.util.Locale.ROOT);
    switch (sub) {
      case "LS" -> {
        if (session.state() == IrcSession.State.REGISTERING) {
          negotiating = true;
        }
        boolean v302 = m.param(1).compareTo("302") >= 0 && !m.param(1).isEmpty();
        if (v302) {
          capabilities.add("cap-notify");
        }
        StringBuilder list = new StringBuilder();
        for (String cap : IrcReplies.CAPABILITIES) {
          list.append(list.length() == 0 ? "" : " ")
              .append(cap)
              .append(v302 && cap.equals("sasl") ? "=PLAIN" : "");
        }
        session.send(IrcMessage.of(session.server(), "CAP", nick, "LS", list.toString()));
      }
      case "LIST" ->
          session.send(
              IrcMessage.of(
                  session.server(), "CAP", nick, "LIST", String.join(" ", sorted(capabilities))));
      case "REQ" -> {
        if (session.state() == IrcSession.State.REGISTERING) {
          negotiating = true;
        }
        List<String> asked = List.of(m.param(1).strip().split(" +"));
        boolean all = !m.param(1).isBlank();
        for (String cap : asked) {
          String name = cap.startsWith("-") ? cap.substring(1) : cap;
          all &= IrcReplies.CAPABILITIES.contains(name);
        }
        if (all) {
          for (String cap : asked) {
            if (cap.startsWith("-")) {
              capabilities.remove(cap.substring(1));
            } else {
              capabilities.add(cap);
            }
          }
        }
        session.send(IrcMessage.of(session.server(), "CAP", nick, all ? "ACK" : "NAK", m.param(1)));
      }
      case "END" -> {
        if (negotiating) {
          negotiating = false;
          tryToComplete();
        }
      }
      default ->
          session.numeric(IrcReplies.INVALIDCAPCMD, m.param(0), IrcReplies.INVALID_CAP_COMMAND);
    }
  }

  private static List<String> sorted(Set<String> caps) {
    return caps.stream().sorted().toList();
  }

  // ---- PASS, NICK, USER

  void pass(IrcMessage m) {
    if (session.state() == IrcSession.State.REGISTERED) {
      session.numeric(IrcReplies.ALREADYREGISTERED, IrcReplies.ALREADY_REGISTERED);
      return;
    }
    password = m.param(0);
  }

  void nick(IrcMessage m) {
    String wanted = m.param(0);
    if (wanted.isEmpty()) {
      session.numeric(IrcReplies.NONICKNAMEGIVEN, IrcReplies.NO_NICK_GIVEN);
      return;
    }
    NameRules.Verdict verdict = NameRules.check(wanted);
    if (!verdict.valid()) {
      session.numeric(
          IrcReplies.ERRONEUSNICKNAME, wanted, IrcReplies.erroneousNick(verdict.error()));
      return;
    }
    if (session.state() == IrcSession.State.REGISTERED) {
      rename(verdict.name());
      return;
    }
    requested = verdict.name();
    tryToComplete();
  }

  void user(IrcMessage m) {
    if (session.state() == IrcSession.State.REGISTERED) {
      session.numeric(IrcReplies.ALREADYREGISTERED, IrcReplies.ALREADY_REGISTERED);
      return;
    }
    if (m.param(0).isEmpty() || m.param(3).isEmpty()) {
      session.numeric(IrcReplies.NEEDMOREPARAMS, "USER", IrcReplies.NEED_MORE_PARAMS);
      return;
    }
    user = m.param(0);
    realName = m.param(3);
    tryToComplete();
  }

  // ---- completion

  private void tryToComplete() {
    if (session.state() != IrcSession.State.REGISTERING
        || negotiating
        || completing
        || requested == null
        || user == null) {
      return;
    }
    completing = true;
    String wanted = account.isEmpty() ? requested : account;
    Future<String> login =
        account.isEmpty()
            ? accounts
                .find(wanted)
                .recover(e -> Future.succeededFuture(null))
                .compose(found -> loginFor(wanted, found))
            : Future.succeededFuture(account);
    Future<Void> registered =
        login.compose(loggedIn -> openNames().compose(n -> take(wanted, loggedIn)));
    session.inOrder(
        registered.transform(
            ar -> {
              completing = false;
              if (session.state() != IrcSession.State.REGISTERING) {
                return Future.succeededFuture();
              }
              if (ar.succeeded()) {
                nick = wanted;
                nameHeld = true;
                session.registered();
                return IrcWelcome.send(session, host);
              }
              refused(wanted, ar.cause());
              return Future.succeededFuture();
            }));
  }

  private void refused(String wanted, Throwable cause) {
    if (cause instanceof RegistrationRefused refused) {
      requested = null;
      if (refused.code.equals(IrcReplies.PASSWDMISMATCH)) {
        session.numeric(refused.code, refused.getMessage());
        session.close("");
      } else {
        session.numeric(refused.code, wanted, refused.getMessage());
      }
    } else {
      session.numeric(IrcReplies.NICKNAMEINUSE, wanted, IrcReplies.NICK_IN_USE);
      requested = null;
    }
  }

  /** The account a registered name logs in to with PASS, or {@code ""} for a guest. */
  private Future<String> loginFor(String wanted, Account found) {
    if (found == null) {
      return host.settings().accounts().guests()
          ? Future.succeededFuture("")
          : Future.failedFuture(
              new RegistrationRefused(
                  IrcReplies.NICKNAMEINUSE,
                  IrcReplies.parleyText(AccountReplies.onlyRegistered())));
    }
    if (password == null) {
      return Future.failedFuture(
          new RegistrationRefused(IrcReplies.NICKNAMEINUSE, IrcReplies.NICK_REGISTERED));
    }
    return sasl.checkPassword(wanted, password)
        .recover(e -> Future.succeededFuture(null))
        .compose(
            right ->
                right == null
                    ? Future.failedFuture(
                        new RegistrationRefused(
                            IrcReplies.PASSWDMISMATCH, IrcReplies.PASSWORD_INCORRECT))
                    : Future.succeededFuture(right.name()));
  }

  private Future<NameRegistry> openNames() {
    if (names != null) {
      return Future.succeededFuture(names);
    }
    return NameRegistry.open(host.vertx()).onSuccess(n -> names = n);
  }

  /** Takes the name: claimed for a guest, taken over from its holder for an account. */
  private Future<Void> take(String name, String loggedIn) {
    NameRegistry.Holder holder = holderOf(name);
    if (loggedIn.isEmpty()) {
      return claim(holder, CLAIM_TRIES);
    }
    account = loggedIn;
    return names
        .takeOver(holder)
        .map(
            previous -> {
              if (previous != null) {
                host.vertx()
                    .eventBus()
                    .send(
                        Addresses.node(previous.nodeId()),
                        new ModerationMessages.TakenOver(previous.memberId()));
              }
              return null;
            });
  }

  /**
   * Claims a guest's name, trying again a few times while it is taken: a client that reconnects at
   * once races its old connection's close, which gives the name back a moment later (on another
   * event loop, or another node).
   */
  private Future<Void> claim(NameRegistry.Holder holder, int tries) {
    return names
        .claim(holder)
        .<Void>mapEmpty()
        .recover(
            taken -> {
              if (tries <= 1 || session.state() != IrcSession.State.REGISTERING) {
                return Future.failedFuture(taken);
              }
              Promise<Void> retried = Promise.promise();
              host.vertx()
                  .setTimer(CLAIM_RETRY_MILLIS, t -> claim(holder, tries - 1).onComplete(retried));
              return retried.future();
            });
  }

  /** The session ends: its name is given back, unless another session took it over. */
  Future<Void> forgetName() {
    if (nameHeld && names != null) {
      nameHeld = false;
      gaveUp(nick);
      return names.release(nick, session.id()).otherwiseEmpty();
    }
    return Future.succeededFuture();
  }

  /** Tells WHOWAS that this client gave {@code given} up. */
  private void gaveUp(String given) {
    IrcWhowas.givenUp(
        host.vertx().eventBus(), given, user(), realName(), host.time().epochMillis());
  }

  // ---- NICK once registered

  private void rename(String wanted) {
    if (wanted.equals(nick) || nickInFlight != null) {
      return;
    }
    if (!account.isEmpty()) {
      session.numeric(
          IrcReplies.ERRONEUSNICKNAME, wanted, AccountReplies.nameIsAccountText(account));
      return;
    }
    nickInFlight = wanted;
    String old = nick;
    List<Integer> groups = session.channels().groups();
    Future<Void> renamed;
    if (groups.isEmpty()) {
      NameRegistry.Holder holder = holderOf(wanted);
      // Not taken now: the client held the nick under another spelling (a change of case).
      renamed =
          names
              .claim(holder)
              .compose(
                  taken ->
                      taken ? names.release(old, session.id()) : names.update(holder).mapEmpty());
    } else {
      Future<Void> chain = Future.succeededFuture();
      for (int group : groups) {
        chain =
            chain.compose(
                v ->
                    RoomAsk.<NickReply>ask(
                            host.vertx(),
                            Addresses.room(group),
                            new NickRequest(session.id(), wanted),
                            null)
                        .mapEmpty());
      }
      renamed = chain;
    }
    session.inOrder(
        renamed.onComplete(
            ar -> {
              nickInFlight = null;
              if (ar.succeeded()) {
                gaveUp(old);
                nick = wanted;
                session.send(
                    IrcMessage.of(old + "!" + user() + "@" + session.server(), "NICK", wanted));
              } else if (ar.cause() instanceof RoomException
                  || ar.cause() instanceof ReplyException) {
                session.numeric(
                    IrcReplies.NICKNAMEINUSE,
                    wanted,
                    IrcReplies.parleyText(ar.cause().getMessage()));
              } else {
                session.numeric(IrcReplies.NICKNAMEINUSE, wanted, IrcReplies.NICK_IN_USE);
              }
            }));
  }

  /** A refusal of the registration with its numeric. */
  private static final class RegistrationRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    RegistrationRefused(String code, String text) {
      super(text, null, false, false);
      this.code = code;
    }
  }
}
