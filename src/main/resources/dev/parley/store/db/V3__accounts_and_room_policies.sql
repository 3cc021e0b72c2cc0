-- Accounts (PROTOCOL.md section 12) and room policies (section 13). Like V1 and V2, SQL that
-- PostgreSQL and SQLite both accept: text, bigint and integer columns, primary keys, CHECK and
-- foreign keys (which SQLite enforces with PRAGMA foreign_keys, set on the store's connection).
-- Keys are computed by Parley (Account.key, RoomPolicy.key, Ban.key, Mute.key): two names that
-- Parley takes for one name have one key.

CREATE TABLE parley_accounts (
    account_key   text   NOT NULL PRIMARY KEY, -- the name's collision key
    name          text   NOT NULL,             -- the name as registered, in NFC
    password_hash text   NOT NULL,             -- the encoded slow hash; '' for a token's account
    created_ms    bigint NOT NULL              -- milliseconds since the Unix epoch
);

-- One row per room that has a policy; a room whose policy is empty has no rows at all.
CREATE TABLE parley_rooms (
    room_key    text NOT NULL PRIMARY KEY, -- the room's collision key
    room        text NOT NULL,             -- the room's name as spelled when opened, with its '#'
    topic       text,                      -- NULL when the room has no topic
    topic_by    text,                      -- who set it
    topic_at_ms bigint                     -- when
);

-- In each list, ord is the entry's place in the policy's list, from 0.
CREATE TABLE parley_room_operators (
    room_key    text    NOT NULL REFERENCES parley_rooms (room_key) ON DELETE CASCADE,
    ord         integer NOT NULL,
    account_key text    NOT NULL, -- the account's key
    account     text    NOT NULL, -- the account's name
    PRIMARY KEY (room_key, account_key)
);

CREATE TABLE parley_room_bans (
    room_key text    NOT NULL REFERENCES parley_rooms (room_key) ON DELETE CASCADE,
    ord      integer NOT NULL,
    ban_key  text    NOT NULL, -- kind and target's key
    target   text    NOT NULL, -- an account name, an address or a CIDR block, as given
    kind     text    NOT NULL CHECK (kind IN ('account', 'address', 'cidr')),
    by_name  text    NOT NULL, -- the operator (or service) that banned it
    at_ms    bigint  NOT NULL, -- when
    until_ms bigint  NOT NULL, -- when it ends; 0 for a ban without end
    why      text    NOT NULL, -- '' for no reason
    PRIMARY KEY (room_key, ban_key)
);

CREATE TABLE parley_room_mutes (
    room_key   text    NOT NULL REFERENCES parley_rooms (room_key) ON DELETE CASCADE,
    ord        integer NOT NULL,
    member_key text    NOT NULL, -- the member's name's key
    member     text    NOT NULL, -- the member's name
    by_name    text    NOT NULL, -- the operator (or service) that muted it
    until_ms   bigint  NOT NULL, -- when it ends; 0 for a mute without end
    PRIMARY KEY (room_key, member_key)
);
