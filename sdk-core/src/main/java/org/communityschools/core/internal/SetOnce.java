package org.communityschools.core.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The two checks of a set-once builder: a setting is given once and never null ({@link #set}), and a required setting
 * was given before {@code build()} ({@link #required}). Messages name the setter to call, so that they say how to fix
 * the call.
 */
public final class SetOnce {
    private SetOnce() {}

    /**
     * {@code value}, after checking that it is not null and that the setting has no value yet.
     *
     * @param current the setting's value so far, null when unset
     * @param value   the new value
     * @param name    the setter's name, for the messages
     * @param <T>     the setting's type
     * @return {@code value}
     * @throws IllegalStateException when the setting was already set
     */
    public static <T> T set(@Nullable T current, T value, String name) {
        Objects.requireNonNull(value, name);
        if (current != null) {
            throw new IllegalStateException(name + " was already set; each setting of a builder is set once");
        }
        return value;
    }

    /**
     * {@code value}, after checking that it was set.
     *
     * @param value  the setting's value, null when unset
     * @param type   the type the builder builds, for the message
     * @param setter the setter's name, for the message
     * @param <T>    the setting's type
     * @return {@code value}
     * @throws IllegalStateException when the setting was not set
     */
    public static <T> T required(@Nullable T value, String type, String setter) {
        if (value == null) {
            throw new IllegalStateException(type + " needs " + setter + "(…) before build()");
        }
        return value;
    }
}
