package dev.parley.session;

/** {@code /join ROOM}: move to another room (PROTOCOL.md section 9). */
final class JoinCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    session.move(argument);
  }
}
