package dev.parley.session;

import dev.parley.protocol.Replies;
import dev.parley.room.RoomList;
import java.util.ArrayList;
import java.util.List;

/** {@code /rooms}: the rooms with members, largest first (PROTOCOL.md section 9). */
final class RoomsCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    session.answer(
        session.room().rooms(),
        reply -> {
          List<String> listed = new ArrayList<>();
          for (RoomList.RoomCount room : reply.rooms()) {
            listed.add(Replies.roomCount(room.name(), room.members()));
          }
          session.send(Replies.rooms(reply.total(), listed));
        });
  }
}
