package org.pingzhi.common.directory;

import java.io.Serializable;

/**
 * A unified category.
 *
 * @param code the code written to documents, e.g. {@code FIRE_SAFETY}
 * @param name its Chinese name for people, e.g. {@code 消防安全}
 */
public record Category(String code, String name) implements Serializable {

    private static final long serialVersionUID = 1L;
}
