package dev.parley.bus;

import dev.parley.room.Arrived;
import dev.parley.room.Ban;
import dev.parley.room.Chat;
import dev.parley.room.Entered;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.Moved;
import dev.parley.room.Mute;
import dev.parley.room.PolicyChanged;
import dev.parley.room.PrivateSent;
import dev.parley.room.RecentLines;
import dev.parley.room.Renamed;
import dev.parley.room.RoomList;
import dev.parley.room.RoomPolicy;
import dev.parley.room.RoomSnapshot;
import dev.parley.room.Topic;
import java.util.List;

/**
 * The list of every body type that travels on Parley's event bus, for codec registration. Each is
 * an immutable record.
 */
final class Messages {
  private Messages() {}

  static final List<Class<? extends Record>> TYPES =
      List.of(
          JoinRequest.class,
          Entered.class,
          MoveRequest.class,
          Moved.class,
          RoomsRequest.class,
          RoomList.class,
          RoomList.RoomCount.class,
          HistoryRequest.class,
          RecentLines.class,
          HistoryLine.class,
          SayRequest.class,
          RoomSayRequest.class,
          HostedSay.class,
          NickRequest.class,
          NickReply.class,
          WhoRequest.class,
          RosterReply.class,
          PrivateRequest.class,
          PrivateSent.class,
          LeaveRequest.class,
          DepartRequest.class,
          RoomCountNotice.class,
          ActivityNotice.class,
          Arrived.class,
          Left.class,
          Chat.class,
          Renamed.class,
          PrivateLine.class,
          Evicted.class,
          RoomReady.class,
          RoomPing.class,
          RoomPing.Pong.class,
          RelayedEvent.class,
          RoomSnapshot.class,
          NodeMessages.SnapshotRequest.class,
          NodeMessages.ReportRequest.class,
          NodeMessages.NodeReport.class,
          NodeMessages.EventsRequest.class,
          NodeMessages.EventsReply.class,
          NodeMessages.FlushRequest.class,
          NodeMessages.Flushed.class,
          LocalMember.class,
          PolicyChanged.class,
          RoomPolicy.class,
          Topic.class,
          Ban.class,
          Mute.class,
          ModerationMessages.Act.class,
          ModerationMessages.Answer.class,
          ModerationMessages.BanList.class,
          ModerationMessages.WhoisAnswer.class,
          ModerationMessages.ServerBanned.class,
          ModerationMessages.LineRefused.class,
          ModerationMessages.KickedOut.class,
          ModerationMessages.TakenOver.class,
          Invitation.class,
          ServerBans.class);
}
