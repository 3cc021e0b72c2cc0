package dev.parley.irc;

import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.NameRules;
import java.util.List;
import java.util.Map;

/**
 * Every text and numeric the IRC port sends of its own (PROTOCOL.md section 14), in one place: the
 * numerics' names and texts follow the Modern IRC documents; what a line member would get as a
 * {@code ! } line comes from {@code protocol.Replies} and is sent as a server NOTICE with the same
 * text ({@link #parleyText}). Stateless.
 */
final class IrcReplies {
  private IrcReplies() {}

  /** The most bytes of UTF-8 an away message keeps (ISUPPORT {@code AWAYLEN}). */
  static final int AWAY_MAX_BYTES = 200;

  /** What WHOX gives for a member's IP address, which Parley does not show. */
  static final String HIDDEN_ADDRESS = "255.255.255.255";

  /** The capabilities offered by {@code CAP LS}, in order. */
  static final List<String> CAPABILITIES =
      List.of(
          "batch",
          "cap-notify",
          "echo-message",
          "message-tags",
          "multi-prefix",
          "sasl",
          "server-time",
          "userhost-in-names");

  /** The ISUPPORT tokens (005), without {@code NETWORK}. */
  static final List<String> ISUPPORT =
      List.of(
          "CASEMAPPING=rfc8265",
          "CHANTYPES=#",
          "CHANNELLEN=" + (NameRules.MAX_CODE_POINTS + 1),
          "NICKLEN=" + NameRules.MAX_CODE_POINTS,
          "PREFIX=(o)@",
          "CHANMODES=b,,,",
          "TOPICLEN=" + ModerationReplies.TOPIC_MAX_BYTES,
          "AWAYLEN=" + AWAY_MAX_BYTES,
          "UTF8ONLY",
          "MAXTARGETS=1",
          "WHOX",
          "MONITOR=" + IrcMonitorList.MAX_TARGETS,
          "MODES=1");

  static final String WELCOME = "001";
  static final String YOURHOST = "002";
  static final String CREATED = "003";
  static final String MYINFO = "004";
  static final String ISUPPORT_NUMERIC = "005";
  static final String UMODEIS = "221";
  static final String LUSERUNKNOWN = "253";
  static final String LUSERCLIENT = "251";
  static final String LUSERCHANNELS = "254";
  static final String LUSERME = "255";
  static final String LOCALUSERS = "265";
  static final String GLOBALUSERS = "266";
  static final String AWAY = "301";
  static final String USERHOST = "302";
  static final String ISON = "303";
  static final String UNAWAY = "305";
  static final String NOWAWAY = "306";
  static final String WHOISUSER = "311";
  static final String WHOISSERVER = "312";
  static final String ENDOFWHO = "315";
  static final String ENDOFWHOIS = "318";
  static final String WHOISCHANNELS = "319";
  static final String LISTSTART = "321";
  static final String LIST = "322";
  static final String LISTEND = "323";
  static final String CHANNELMODEIS = "324";
  static final String WHOISACCOUNT = "330";
  static final String NOTOPIC = "331";
  static final String TOPIC = "332";
  static final String WHOREPLY = "352";
  static final String NAMREPLY = "353";
  static final String WHOSPCRPL = "354";
  static final String ENDOFNAMES = "366";
  static final String BANLIST = "367";
  static final String WHOWASUSER = "314";
  static final String ENDOFWHOWAS = "369";
  static final String TIME = "391";
  static final String INFO_NUMERIC = "371";
  static final String ENDOFINFO = "374";
  static final String ENDOFBANLIST = "368";
  static final String NOSUCHNICK = "401";
  static final String NOSUCHCHANNEL = "403";
  static final String WASNOSUCHNICK = "406";
  static final String TOOMANYCHANNELS = "405";
  static final String CANNOTSENDTOCHAN = "404";
  static final String NORECIPIENT = "411";
  static final String NOTEXTTOSEND = "412";
  static final String INPUTTOOLONG = "417";
  static final String INVALIDCAPCMD = "410";
  static final String UNKNOWNCOMMAND = "421";
  static final String NOMOTD = "422";
  static final String NONICKNAMEGIVEN = "431";
  static final String ERRONEUSNICKNAME = "432";
  static final String NICKNAMEINUSE = "433";
  static final String USERNOTINCHANNEL = "441";
  static final String NOTONCHANNEL = "442";
  static final String NOTREGISTERED = "451";
  static final String NEEDMOREPARAMS = "461";
  static final String ALREADYREGISTERED = "462";
  static final String PASSWDMISMATCH = "464";
  static final String UNKNOWNMODE = "472";
  static final String BANNEDFROMCHAN = "474";
  static final String CHANOPRIVSNEEDED = "482";
  static final String NOOPERHOST = "491";
  static final String INVITING = "341";
  static final String INVITELIST = "336";
  static final String ENDOFINVITELIST = "337";
  static final String USERONCHANNEL = "443";
  static final String YOUREOPER = "381";
  static final String WHOISOPERATOR = "313";
  static final String HELPNOTFOUND = "524";
  static final String HELPSTART = "704";
  static final String HELPTXT = "705";
  static final String ENDOFHELP = "706";
  static final String MONONLINE = "730";
  static final String MONOFFLINE = "731";
  static final String MONLIST = "732";
  static final String ENDOFMONLIST = "733";
  static final String MONLISTFULL = "734";
  static final String UMODEUNKNOWNFLAG = "501";
  static final String USERSDONTMATCH = "502";
  static final String LOGGEDIN = "900";
  static final String SASLSUCCESS = "903";
  static final String SASLFAIL = "904";
  static final String SASLTOOLONG = "905";
  static final String SASLABORTED = "906";
  static final String SASLALREADY = "907";
  static final String SASLMECHS = "908";

  static String welcome(String network, String nick) {
    return "Welcome to the " + network + " IRC Network " + nick;
  }

  static String yourHost(String server, String version) {
    return "Your host is " + server + ", running version " + version;
  }

  static String created(String started) {
    return "This server was created " + started;
  }

  static final String ISUPPORT_TEXT = "are supported by this server";

  static String luserClient(int members) {
    return "There are " + members + " users and 0 invisible on 1 servers";
  }

  static final String CHANNELS_FORMED = "channels formed";

  static String luserMe(int members) {
    return "I have " + members + " clients and 1 servers";
  }

  static final String UNKNOWN_CONNECTIONS = "unknown connection(s)";

  static String localUsers(int members, int max) {
    return "Current local users " + members + ", max " + max;
  }

  static String globalUsers(int members, int max) {
    return "Current global users " + members + ", max " + max;
  }

  static final String NO_MOTD = "MOTD File is missing";
  static final String NOT_REGISTERED = "You have not registered";
  static final String NEED_MORE_PARAMS = "Not enough parameters";
  static final String ALREADY_REGISTERED = "You may not reregister";
  static final String UNKNOWN_COMMAND = "Unknown command";
  static final String INVALID_CAP_COMMAND = "Invalid CAP command";
  static final String NO_NICK_GIVEN = "No nickname given";
  static final String NICK_IN_USE = "Nickname is already in use";
  static final String NICK_REGISTERED = "Nickname is registered: log in with SASL PLAIN or PASS";
  static final String PASSWORD_INCORRECT = "Password incorrect";
  static final String NO_SUCH_NICK = "No such nick/channel";
  static final String NO_SUCH_CHANNEL = "No such channel";
  static final String NOT_ON_CHANNEL = "You're not on that channel";
  static final String USER_NOT_IN_CHANNEL = "They aren't on that channel";
  static final String CANNOT_SEND = "Cannot send to channel";
  static final String NO_RECIPIENT = "No recipient given (PRIVMSG)";
  static final String NO_TEXT = "No text to send";
  static final String INPUT_TOO_LONG = "Input line was too long";
  static final String END_OF_INVITE_LIST = "End of /INVITE list";
  static final String USER_ON_CHANNEL = "is already on channel";
  static final String INVALID_UTF8 = "Invalid UTF-8 was replaced with U+FFFD";
  static final String END_OF_NAMES = "End of /NAMES list";
  static final String END_OF_WHO = "End of /WHO list";
  static final String END_OF_WHOIS = "End of /WHOIS list";
  static final String END_OF_WHOWAS = "End of WHOWAS";
  static final String WAS_NO_SUCH_NICK = "There was no such nickname";
  static final String HELP_NOT_FOUND = "No help available on this topic";
  static final String END_OF_HELP = "End of /HELP";
  static final String END_OF_MONITOR_LIST = "End of MONITOR list";
  static final String MONITOR_LIST_FULL = "Monitor list is full";
  static final String NOT_A_NICK = "Erroneous nickname: MONITOR takes nicks, not masks";
  static final String END_OF_BANS = "End of channel ban list";
  static final String NO_TOPIC = "No topic is set";
  static final String LIST_HEADER = "Users  Name";
  static final String SERVER_INFO = "Parley";
  static final String END_OF_LIST = "End of /LIST";
  static final String LOGGED_IN_AS = "is logged in as";
  static final String NO_OPER_HOST =
      "No O-lines for your host: server operators are the accounts in accounts.operators";
  static final String YOU_ARE_OPER = "You are now an IRC operator";
  static final String IS_OPERATOR = "is an IRC operator";
  static final String UNKNOWN_MODE = "Unknown MODE flag";
  static final String UNKNOWN_MODE_CHAR = "is unknown mode char to me";
  static final String USERS_DONT_MATCH = "Can't change mode for other users";
  static final String SASL_SUCCESS = "SASL authentication successful";
  static final String SASL_FAILED = "SASL authentication failed";
  static final String SASL_TOO_LONG = "SASL message too long";
  static final String SASL_ABORTED = "SASL authentication aborted";
  static final String SASL_ALREADY = "You have already authenticated using SASL";
  static final String SASL_MECHANISMS = "are available SASL mechanisms";
  static final String PING_TIMEOUT = "Closing link: ping timeout";
  static final String CHANNEL_PRIVS = "You're not channel operator";
  static final String UN_AWAY = "You are no longer marked as being away";
  static final String NOW_AWAY = "You have been marked as being away";

  /**
   * The text of HELP and HELPOP: for each command of the IRC port (and {@code INDEX}, the answer to
   * HELP without a subject), its lines, the first its syntax.
   */
  static final Map<String, List<String>> HELP =
      Map.ofEntries(
          Map.entry(
              "INDEX",
              List.of(
                  "Parley's IRC port: channels are Parley rooms, nicks are Parley names.",
                  "Commands: AWAY HELP INFO INVITE ISON JOIN KICK LIST LUSERS MODE MONITOR MOTD NAMES",
                  "NICK NOTICE PART PING PRIVMSG QUIT TIME TOPIC USERHOST WHO WHOIS WHOWAS",
                  "HELP COMMAND tells more of one.")),
          Map.entry("AWAY", List.of("AWAY [:MESSAGE]", "Marks you away, or back without one.")),
          Map.entry("HELP", List.of("HELP [COMMAND]", "Tells what a command does.")),
          Map.entry("INFO", List.of("INFO", "Tells what this server is.")),
          Map.entry(
              "INVITE",
              List.of("INVITE NICK #ROOM", "Tells NICK where to join you; alone, lists yours.")),
          Map.entry("ISON", List.of("ISON NICK [NICK ...]", "Tells which of the nicks are here.")),
          Map.entry("JOIN", List.of("JOIN #ROOM[,#ROOM...]", "Enters rooms; history follows.")),
          Map.entry("KICK", List.of("KICK #ROOM NICK [:WHY]", "A room operator removes a member.")),
          Map.entry("LIST", List.of("LIST", "Lists the rooms with members, largest first.")),
          Map.entry("LUSERS", List.of("LUSERS", "Counts the members and rooms of the server.")),
          Map.entry(
              "MODE", List.of("MODE #ROOM [+o|-o NICK] [+b|-b MASK]", "Room operators and bans.")),
          Map.entry(
              "MONITOR",
              List.of(
                  "MONITOR +|- NICK[,NICK...], MONITOR C|L|S", "Tells when nicks come and go.")),
          Map.entry("MOTD", List.of("MOTD", "There is no message of the day.")),
          Map.entry("NAMES", List.of("NAMES #ROOM", "Lists a room's members.")),
          Map.entry("NICK", List.of("NICK NAME", "Takes another name.")),
          Map.entry("NOTICE", List.of("NOTICE TARGET :TEXT", "Like PRIVMSG, never answered.")),
          Map.entry("PART", List.of("PART #ROOM [:WHY]", "Leaves a room.")),
          Map.entry("PING", List.of("PING TOKEN", "The server answers PONG.")),
          Map.entry(
              "PRIVMSG",
              List.of("PRIVMSG TARGET :TEXT", "Says TEXT in a room, or privately to a nick.")),
          Map.entry("QUIT", List.of("QUIT [:WHY]", "Leaves the server.")),
          Map.entry("TIME", List.of("TIME", "Tells the server's time.")),
          Map.entry("TOPIC", List.of("TOPIC #ROOM [:TEXT]", "Tells or sets a room's topic.")),
          Map.entry("USERHOST", List.of("USERHOST NICK [NICK ...]", "Up to 5 nicks' hosts.")),
          Map.entry("WHO", List.of("WHO #ROOM|MASK [%FIELDS[,TOKEN]]", "Lists members.")),
          Map.entry("WHOIS", List.of("WHOIS NICK", "Tells who a member is and where.")),
          Map.entry("WHOWAS", List.of("WHOWAS NICK [COUNT]", "Tells who last held a nick.")));

  /** The text of INFO, line by line. */
  static final List<String> INFO =
      List.of(
          "Parley: one chat server for nc, telnet, browsers, bots and IRC clients.",
          "Channels are Parley rooms and nicks are Parley names (PROTOCOL.md).");

  static final String END_OF_INFO = "End of /INFO list";

  /** Why a service on the event bus gets no invitation. */
  static String cannotInvite(String name) {
    return name + " is a service on the event bus and cannot be invited";
  }

  static String loggedIn(String account) {
    return "You are now logged in as " + account;
  }

  /** A ban mask Parley cannot hold: wildcards inside a name or a host. */
  static String banMaskUnsupported(String mask) {
    return "Cannot ban "
        + mask
        + ": ban NAME!*@* (an account) or *!*@ADDRESS (an address or CIDR block)";
  }

  /** 432's text: why the nick is not a Parley name. */
  static String erroneousNick(String why) {
    return "Erroneous nickname: " + why;
  }

  static String closingLink(String why) {
    return "Closing link: " + why;
  }

  /** A {@code ! } line's or {@code * } line's text, for a NOTICE or a numeric's last parameter. */
  static String parleyText(String line) {
    return line.startsWith("! ") || line.startsWith("* ") ? line.substring(2) : line;
  }
}
