package org.gridtwin.model;

/** An enum constant with the snake_case key it is written as in scenario files. */
public interface KeyedEnum {
    String key();

    /** The constant written as {@code key}, or {@code null}. */
    static <E extends Enum<E> & KeyedEnum> E fromKey(Class<E> type, String key) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }
}
