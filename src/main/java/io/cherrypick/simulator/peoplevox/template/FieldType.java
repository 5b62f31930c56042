package io.cherrypick.simulator.peoplevox.template;

/** Value types of template fields (reference §8.2). */
public enum FieldType { TEXT, INTEGER, DECIMAL, BOOLEAN, DATETIME }
