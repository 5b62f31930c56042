-- What each Blue Cherry pull took lately, so that its second look behind the watermark (the overlap, by default the
-- last 2 minutes) can tell a record it already took from one that was committed late or stamped by an application
-- server whose clock runs behind: Blue Cherry's last_mod is when a record was written, not when it became visible.
-- One row per record and last_mod taken; rows are deleted once the overlap has looked past them.
create table pull_taken (
    cursor_name varchar(100) not null,
    record_key  varchar(200) not null,
    last_mod    varchar(40)  not null,
    primary key (cursor_name, record_key, last_mod)
);
