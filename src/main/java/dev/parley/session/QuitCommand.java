package dev.parley.session;

/** {@code /quit [reason]}, also {@code quit} and {@code exit}: leave the room. */
final class QuitCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    session.quit(argument);
  }
}
