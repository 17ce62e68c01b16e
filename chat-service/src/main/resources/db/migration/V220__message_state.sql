-- Where the conversation stands after each assistant message (what it waits for, the one proposal the next shopper
-- message may confirm, the order and products in focus, the language, not-understood turns in a row), as data: the
-- next turn reads it back instead of inferring it from the reply's words. Null for the shopper's messages and for
-- replies stored before this column existed (read as "nothing is live").
alter table message add column state jsonb;
