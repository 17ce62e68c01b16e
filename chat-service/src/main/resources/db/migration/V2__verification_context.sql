-- What a simple match proved (which order, which email) and where the last one-time code went: the grant in
-- verification-service holds the email and level, not the matched order, and a shopper typing only the code should
-- not have to repeat the email. Personal data: removed with the conversation (retention, privacy delete).
alter table conversation add column matched_order_id bigint;
alter table conversation add column matched_email varchar(254);
alter table conversation add column code_email varchar(254);
