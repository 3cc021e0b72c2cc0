-- Each room's chat lines (docs/protocol.md section 11), one row per line the room ordered.
CREATE TABLE parley_history (
    run   text   NOT NULL, -- the id of the order the line is in
    seq   bigint NOT NULL, -- its sequence number in that order
    room  text   NOT NULL, -- the room, as it was spelled then
    at_ms bigint NOT NULL, -- when the room ordered it, milliseconds since the Unix epoch
    name  text   NOT NULL, -- the sender's name then
    text  text   NOT NULL, -- the text as delivered
    PRIMARY KEY (run, seq)
);
