package io.cherrypick.ops.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A console list read from one table (or join): each column is an SQL expression, each filter an SQL condition on its
 * own named parameter, and the order fixed. Only the parameters' values come from the request; the SQL is the
 * definition's.
 */
public final class SqlList implements ConsoleList {
    /** A column and the SQL expression that gives it. */
    public record Field(Column column, String sql) {
    }

    /**
     * A filter and the SQL condition it adds when given; the condition names the parameter {@code :<filter name>}, whose
     * value is the request's text turned by {@code value} (which refuses a bad one with IllegalArgumentException).
     */
    public record Condition(Filter filter, String sql, Function<String, Object> value) {
        public static Condition equal(Filter filter, String column) {
            return new Condition(filter, column + " = :" + filter.name(), v -> v);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final String name;
    private final String title;
    private final String from;
    private final String where;
    private final String orderBy;
    private final List<Field> fields;
    private final List<Condition> conditions;

    public SqlList(NamedParameterJdbcTemplate jdbc, String name, String title, String from, String where, String orderBy,
                   List<Field> fields, List<Condition> conditions) {
        this.jdbc = jdbc;
        this.name = name;
        this.title = title;
        this.from = from;
        this.where = where;
        this.orderBy = orderBy;
        this.fields = List.copyOf(fields);
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<Column> columns() {
        return fields.stream().map(Field::column).toList();
    }

    @Override
    public List<Filter> filters() {
        return conditions.stream().map(Condition::filter).toList();
    }

    @Override
    public Page page(Map<String, String> filters, int offset, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("offset", offset).addValue("limit", limit);
        StringBuilder where = new StringBuilder(" where ").append(this.where);
        for (Condition c : conditions) {
            String value = filters.get(c.filter().name());
            if (value != null && !value.isBlank()) {
                c.filter().check(value.trim());
                where.append(" and (").append(c.sql()).append(')');
                p.addValue(c.filter().name(), c.value().apply(value.trim()));
            }
        }
        Long total = jdbc.queryForObject("select count(*) from " + from + where, p, Long.class);
        String select = String.join(", ", fields.stream().map(Field::sql).toList());
        List<Map<String, Object>> rows = jdbc.query("select " + select + " from " + from + where + " order by " + orderBy
                + " limit :limit offset :offset", p, (rs, i) -> row(rs));
        return new Page(total == null ? 0 : total, rows);
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Column c = fields.get(i).column();
            Object value = switch (c.type()) {
                case Column.TIME -> {
                    OffsetDateTime t = rs.getObject(i + 1, OffsetDateTime.class);
                    yield t == null ? null : t.toInstant();
                }
                case Column.YES_NO -> rs.getBoolean(i + 1);
                case Column.NUMBER -> {
                    long n = rs.getLong(i + 1);
                    yield rs.wasNull() ? null : n;
                }
                default -> rs.getString(i + 1);
            };
            row.put(c.key(), value);
        }
        return row;
    }

    /** Builds a list: columns and filters in the order given. */
    public static Builder of(NamedParameterJdbcTemplate jdbc, String name, String title, String from, String orderBy) {
        return new Builder(jdbc, name, title, from, orderBy);
    }

    public static final class Builder {
        private final NamedParameterJdbcTemplate jdbc;
        private final String name;
        private final String title;
        private final String from;
        private final String orderBy;
        private String where = "1 = 1";
        private final List<Field> fields = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(NamedParameterJdbcTemplate jdbc, String name, String title, String from, String orderBy) {
            this.jdbc = jdbc;
            this.name = name;
            this.title = title;
            this.from = from;
            this.orderBy = orderBy;
        }

        /** A condition every row of the list meets. */
        public Builder where(String condition) {
            where = condition;
            return this;
        }

        public Builder column(Column column, String sql) {
            fields.add(new Field(column, sql));
            return this;
        }

        public Builder filter(Condition condition) {
            conditions.add(condition);
            return this;
        }

        public SqlList build() {
            return new SqlList(jdbc, name, title, from, where, orderBy, fields, conditions);
        }
    }
}
