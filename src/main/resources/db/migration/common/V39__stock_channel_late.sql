-- A push to a sales channel that broke off without an answer (a timeout) may still be applied by the channel, late,
-- over a newer level pushed meanwhile: a channel sets the level it is given, whatever it held. late_until: until then
-- the levels of that push are pushed whatever the channel was told, and once more at that time, so the last level the
-- channel applies is the one Cherrypick holds.
alter table stock_channel add column late_until timestamp with time zone;
