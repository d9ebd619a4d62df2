package org.gridtwin.model.yaml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gridtwin.model.ProfileSeries;
import org.gridtwin.model.TextFile;

/**
 * Reads one column of a typical-year CSV file: a header line, then equally spaced rows from January 1 00:00 local
 * time. The row count fixes the interval (8,760 rows = hourly, 35,040 = 15 minutes, 525,600 = 1 minute).
 * Errors name the CSV file, line and column.
 */
final class ProfileFileReader {
    private static final int MINUTES_PER_YEAR = 365 * 1440;

    private ProfileFileReader() {
    }

    /**
     * Reads {@code file} and {@code column} from the mapping.
     *
     * @param requiredIntervalMinutesOrAny 60 to require hourly values, 1 to accept any interval dividing an hour
     */
    static ProfileSeries read(YamlMap m, Path baseDir, NumberRule rule, int requiredIntervalMinutesOrAny) {
        YamlNode fileNode = m.get("file");
        String fileName = fileNode.asText();
        String column = m.text("column");
        if (fileName == null || column == null) {
            return null;
        }
        if (baseDir == null) {
            fileNode.report("cannot be read: relative files need a scenario file on disk (use 'gridtwin init')");
            return null;
        }
        Path file = baseDir.resolve(fileName);
        Problems problems = m.node().problems();
        try (BufferedReader in = new BufferedReader(new StringReader(TextFile.readUtf8(file)))) {
            String header = in.readLine();
            if (header == null) {
                problems.add(fileName, 1, 1, "(file)", null, "is empty; expected a header line and one row per interval");
                return null;
            }
            List<String> names = Arrays.asList(header.strip().split(","));
            int col = names.indexOf(column);
            if (col < 0) {
                String hint = org.gridtwin.model.DidYouMeanHint.closest(column, names);
                m.get("column").report("is not a column of " + fileName + " (columns: " + header.strip() + ")"
                        + (hint == null ? "" : "; did you mean '" + hint + "'?"));
                return null;
            }
            double[] values = new double[1024];
            int n = 0;
            int lineNo = 1;
            int errors = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                double v = Double.NaN;
                String cell = col < cells.length ? cells[col].strip() : null;
                String why = null;
                if (cell == null) {
                    why = "is missing (row has " + cells.length + " columns)";
                } else {
                    try {
                        v = Double.parseDouble(cell);
                        if (!Double.isFinite(v)) {
                            why = "must be a finite number";
                        } else if (!rule.test().test(v)) {
                            why = rule.text();
                        }
                    } catch (NumberFormatException e) {
                        why = "must be a number";
                    }
                }
                if (why != null) {
                    if (errors++ < 10) {
                        problems.add(fileName, lineNo, col + 1, column, cell, why);
                    }
                    continue;
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = v;
            }
            if (errors > 0) {
                return null;
            }
            int interval = n == 0 ? 0 : MINUTES_PER_YEAR / n;
            boolean ok = n > 0 && MINUTES_PER_YEAR % n == 0 && 60 % interval == 0
                    && (requiredIntervalMinutesOrAny == 1 || interval == requiredIntervalMinutesOrAny);
            if (!ok) {
                String expected = requiredIntervalMinutesOrAny == 60 ? "8760 hourly rows"
                        : "one year of rows at an interval dividing an hour (8760, 35040, 105120 or 525600 rows)";
                problems.add(fileName, lineNo, 0, column, Integer.toString(n) + " rows", "must have " + expected);
                return null;
            }
            return new ProfileSeries(Arrays.copyOf(values, n), interval, fileName);
        } catch (TextFile.NotUtf8Exception e) {
            problems.add(fileName, e.line(), e.column(), "(file)", null, "is not UTF-8 text: the byte here does not "
                    + "start or continue a character (save the file as UTF-8)");
            return null;
        } catch (NoSuchFileException e) {
            fileNode.report("does not exist (looked for " + file + ")");
            return null;
        } catch (IOException e) {
            fileNode.report("cannot be read: " + e.getMessage());
            return null;
        }
    }

    /** Numeric columns of a small CSV table with the line number of every row. */
    record Table(String file, double[][] columns, int[] lines) {
        int rows() {
            return lines.length;
        }

        double value(int row, int column) {
            return columns[column][row];
        }

        int line(int row) {
            return lines[row];
        }
    }

    /** Reads the named columns of the CSV under the mapping's {@code file}; null after reporting problems. */
    static Table readColumns(YamlMap m, Path baseDir, List<String> names) {
        YamlNode fileNode = m.get("file");
        String fileName = fileNode.asText();
        if (fileName == null || names.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        if (baseDir == null) {
            fileNode.report("cannot be read: relative files need a scenario file on disk (use 'gridtwin init')");
            return null;
        }
        Problems problems = m.node().problems();
        try (BufferedReader in = new BufferedReader(new StringReader(TextFile.readUtf8(baseDir.resolve(fileName))))) {
            String header = in.readLine();
            List<String> cols = header == null ? List.of() : Arrays.asList(header.strip().split(","));
            int[] idx = new int[names.size()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = cols.indexOf(names.get(k));
                if (idx[k] < 0) {
                    problems.add(fileName, 1, 0, names.get(k), null, "is not a column of the header ("
                            + String.join(", ", cols) + ")");
                    return null;
                }
            }
            List<double[]> rows = new java.util.ArrayList<>();
            List<Integer> lines = new java.util.ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                double[] row = new double[idx.length];
                for (int k = 0; k < idx.length; k++) {
                    String cell = idx[k] < cells.length ? cells[idx[k]].strip() : "";
                    try {
                        row[k] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        problems.add(fileName, lineNo, idx[k] + 1, names.get(k), cell, "must be a number");
                        return null;
                    }
                }
                rows.add(row);
                lines.add(lineNo);
            }
            double[][] columns = new double[idx.length][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int k = 0; k < idx.length; k++) {
                    columns[k][r] = rows.get(r)[k];
                }
            }
            return new Table(fileName, columns, lines.stream().mapToInt(Integer::intValue).toArray());
        } catch (TextFile.NotUtf8Exception e) {
            problems.add(fileName, e.line(), e.column(), "(file)", null, "is not UTF-8 text: the byte here does not "
                    + "start or continue a character (save the file as UTF-8)");
            return null;
        } catch (NoSuchFileException e) {
            fileNode.report("does not exist (looked for " + baseDir.resolve(fileName) + ")");
        } catch (IOException e) {
            fileNode.report("cannot be read: " + e.getMessage());
        }
        return null;
    }
}
