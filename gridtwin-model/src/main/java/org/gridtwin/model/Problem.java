package org.gridtwin.model;

/**
 * One thing wrong with a user's input, located precisely enough to fix it without reading code.
 *
 * @param file   the file name as the user gave it (or a built-in scenario's name)
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path   the item, as a YAML path such as {@code sites[0].battery.soc_min_fraction}
 * @param value  the offending value as written, or {@code null} when the item is missing
 * @param rule   what the value must satisfy, phrased so that it reads after the value
 */
public record Problem(String file, int line, int column, String path, String value, String rule) {

    /** Formats as {@code file:line:column: path = value rule}, the form editors and CI logs link to. */
    public String message() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(path);
        if (value != null) {
            sb.append(" = ").append(value);
        }
        sb.append(' ').append(rule);
        return sb.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
