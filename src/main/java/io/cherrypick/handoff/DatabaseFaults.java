package io.cherrypick.handoff;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import io.cherrypick.store.Columns;

/**
 * What a database failure of a hand-off run says about the records: the database refused a value of one of them (a
 * value longer than its column, a constraint it breaks: SQL states 22xxx and 23xxx), which trying again never mends,
 * or it failed for a while (a lock or statement timeout, a deadlock, a dropped connection: 08xxx, 40xxx), which it may.
 */
final class DatabaseFaults {
    private static final int MESSAGE_WIDTH = 500;

    private DatabaseFaults() {
    }

    /**
     * The database's own words (they name the column or the constraint) when it refused a value, else null. H2 appends
     * the whole statement, PostgreSQL the failing row: cut off, the sentence must fit an exception's message.
     */
    static String refusedData(Throwable failure) {
        boolean integrity = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            integrity |= t instanceof DataIntegrityViolationException;
            if (t instanceof SQLException sql && (integrity || sqlClass(sql, "22") || sqlClass(sql, "23"))) {
                return words(sql.getMessage());
            }
        }
        return integrity ? words(failure.getMessage()) : null;
    }

    /** Whether the failure is one of the database's passing ones: the same statement may well work later. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (sqlClass(sql, "08") || sqlClass(sql, "40"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqlClass(SQLException e, String stateClass) {
        return e.getSQLState() != null && e.getSQLState().startsWith(stateClass);
    }

    private static String words(String message) {
        if (message == null) {
            return "(the database gave no reason)";
        }
        int statement = message.indexOf("; SQL statement:");
        String said = (statement < 0 ? message : message.substring(0, statement)).replaceAll("\\s+", " ").trim();
        return Columns.fit(said, MESSAGE_WIDTH);
    }
}
