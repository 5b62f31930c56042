package io.cherrypick.ops.lists;

/**
 * A column of a console list: its key in each row, its heading, its type ({@code text}, {@code number}, {@code time},
 * {@code yesno}), the group of plain words its constants belong to (null for none) and what a value links to (null for
 * nothing; {@code order}, {@code exception}, {@code return}, {@code search}). The console and the CSV both read it.
 */
public record Column(String key, String label, String type, String words, String link) {
    public static final String TEXT = "text";
    public static final String NUMBER = "number";
    public static final String TIME = "time";
    public static final String YES_NO = "yesno";

    public static Column text(String key, String label) {
        return new Column(key, label, TEXT, null, null);
    }

    public static Column number(String key, String label) {
        return new Column(key, label, NUMBER, null, null);
    }

    public static Column time(String key, String label) {
        return new Column(key, label, TIME, null, null);
    }

    public static Column yesNo(String key, String label) {
        return new Column(key, label, YES_NO, null, null);
    }

    /** A constant shown in plain words from the group {@code words} (PlainWords). */
    public static Column word(String key, String label, String words) {
        return new Column(key, label, TEXT, words, null);
    }

    /** A value that opens its record: {@code link} is order, exception, return or search. */
    public static Column link(String key, String label, String link) {
        return new Column(key, label, TEXT, null, link);
    }
}
