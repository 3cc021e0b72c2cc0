-- Loading a room's last lines and deleting old ones go by room and time, and by time alone.
CREATE INDEX parley_history_room_time ON parley_history (room, at_ms, seq);
CREATE INDEX parley_history_time ON parley_history (at_ms);
