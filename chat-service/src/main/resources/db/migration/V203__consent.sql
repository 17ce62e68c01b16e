-- The spec's consent step: before a guest's email address is used to find their orders, the assistant asks for
-- consent. When the shopper agreed (recorded with verification-service too, with the text's version); the question is
-- a pending proposal like an order change, answered with the button or a clear yes/no, so it has no order.
alter table conversation add column consent_at timestamp with time zone;
alter table pending_action drop constraint pending_action_kind_check;
alter table pending_action add constraint pending_action_kind_check
    check (kind in ('cancel', 'address_change', 'refund_request', 'consent'));
alter table pending_action alter column order_id drop not null;
