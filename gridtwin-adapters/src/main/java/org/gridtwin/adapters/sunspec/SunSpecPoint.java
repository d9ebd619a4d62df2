package org.gridtwin.adapters.sunspec;

/**
 * One point of a SunSpec model.
 *
 * @param name        the point's name; points of a nested group are {@code Group.Point}
 * @param offset      registers from the model's first register (its {@code ID}, at 0; {@code L} at 1)
 * @param size        registers it occupies
 * @param scaleFactor the name of the {@code sunssf} point that scales it, or null
 * @param units       its unit as the definition writes it, or null
 * @param writable    whether the definition makes it read-write
 */
public record SunSpecPoint(String name, int offset, int size, PointType type, String scaleFactor, String units,
        boolean writable) {
}
