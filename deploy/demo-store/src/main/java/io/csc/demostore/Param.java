package io.csc.demostore;

import java.util.List;

/**
 * One endpoint argument as WordPress validates it from the route's schema: type, enum, bounds, format, required. Only
 * what the recorded store's answers depend on is modelled.
 */
final class Param {

    enum Type {
        INTEGER, NUMBER, STRING, BOOLEAN,
        /** array of integers; a string is split on commas and spaces (wp_parse_list) */
        INTEGER_LIST,
        /** array of strings; a string is split on commas and spaces */
        STRING_LIST, OBJECT, ARRAY
    }

    final String name;
    final Type type;
    Long min;
    Long max;
    List<String> oneOf;
    boolean email;
    boolean dateTime;
    boolean required;
    /** For OBJECT parameters: a nested "email" property that must be an email address (billing.email). */
    boolean nestedEmail;

    private Param(String name, Type type) {
        this.name = name;
        this.type = type;
    }

    static Param integer(String name) {
        return new Param(name, Type.INTEGER);
    }

    static Param number(String name) {
        return new Param(name, Type.NUMBER);
    }

    static Param string(String name) {
        return new Param(name, Type.STRING);
    }

    static Param bool(String name) {
        return new Param(name, Type.BOOLEAN);
    }

    static Param integers(String name) {
        return new Param(name, Type.INTEGER_LIST);
    }

    static Param strings(String name) {
        return new Param(name, Type.STRING_LIST);
    }

    static Param object(String name) {
        return new Param(name, Type.OBJECT);
    }

    static Param array(String name) {
        return new Param(name, Type.ARRAY);
    }

    static Param page() {
        return integer("page").min(1);
    }

    static Param perPage() {
        return integer("per_page").min(1).max(100);
    }

    static Param order() {
        return string("order").oneOf("asc", "desc");
    }

    Param min(long min) {
        this.min = min;
        return this;
    }

    Param max(long max) {
        this.max = max;
        return this;
    }

    Param oneOf(String... values) {
        this.oneOf = List.of(values);
        return this;
    }

    Param email() {
        this.email = true;
        return this;
    }

    Param dateTime() {
        this.dateTime = true;
        return this;
    }

    Param required() {
        this.required = true;
        return this;
    }

    Param withEmail() {
        this.nestedEmail = true;
        return this;
    }
}
