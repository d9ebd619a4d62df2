package org.gridtwin.dispatch.lp;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link LpModel} in free MPS format, which GLPK ({@code glpsol --freemps}), COIN-OR CBC/CLP and most
 * other LP solvers read. Numbers are written at full double precision, so a solver reading the file solves exactly
 * the model GridTwin solved. Rows with two finite, different bounds are written as 'G' rows with a RANGES entry.
 */
public final class MpsWriter {
    private MpsWriter() {
    }

    public static void write(LpModel m, String name, Writer out) throws IOException {
        // "FREE" after the name tells COIN-OR readers (CBC, CLP) that fields are separated by blanks, not columns
        out.write("NAME " + name + " FREE\nROWS\n N obj\n");
        for (int r = 0; r < m.rows(); r++) {
            out.write(" " + rowType(m.rowLower(r), m.rowUpper(r)) + " " + m.rowName(r) + "\n");
        }
        // columns need their entries grouped by column: transpose the rows once
        List<List<int[]>> byColumn = new ArrayList<>(m.variables());
        for (int j = 0; j < m.variables(); j++) {
            byColumn.add(new ArrayList<>(4));
        }
        List<double[]> coefficients = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            int[] cols = m.rowColumns(r);
            double[] vals = m.rowCoefficients(r);
            for (int k = 0; k < cols.length; k++) {
                byColumn.get(cols[k]).add(new int[] {r, coefficients.size()});
                coefficients.add(new double[] {vals[k]});
            }
        }
        out.write("COLUMNS\n");
        for (int j = 0; j < m.variables(); j++) {
            String col = m.variableName(j);
            if (m.cost(j) != 0) {
                out.write(" " + col + " obj " + num(m.cost(j)) + "\n");
            }
            for (int[] e : byColumn.get(j)) {
                out.write(" " + col + " " + m.rowName(e[0]) + " " + num(coefficients.get(e[1])[0]) + "\n");
            }
            if (m.cost(j) == 0 && byColumn.get(j).isEmpty()) {
                // a column must appear to exist
                out.write(" " + col + " obj 0\n");
            }
        }
        out.write("RHS\n");
        for (int r = 0; r < m.rows(); r++) {
            double lo = m.rowLower(r);
            double up = m.rowUpper(r);
            double rhs = Double.isFinite(lo) ? lo : up;
            if (rhs != 0 && Double.isFinite(rhs)) {
                out.write(" rhs " + m.rowName(r) + " " + num(rhs) + "\n");
            }
        }
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < m.rows(); r++) {
            double lo = m.rowLower(r);
            double up = m.rowUpper(r);
            if (Double.isFinite(lo) && Double.isFinite(up) && lo != up) {
                ranges.append(" rng ").append(m.rowName(r)).append(' ').append(num(up - lo)).append('\n');
            }
        }
        if (ranges.length() > 0) {
            out.write("RANGES\n");
            out.write(ranges.toString());
        }
        out.write("BOUNDS\n");
        for (int j = 0; j < m.variables(); j++) {
            String col = m.variableName(j);
            double lb = m.lower(j);
            double ub = m.upper(j);
            if (lb == ub) {
                out.write(" FX bnd " + col + " " + num(lb) + "\n");
                continue;
            }
            if (lb == Double.NEGATIVE_INFINITY && ub == Double.POSITIVE_INFINITY) {
                out.write(" FR bnd " + col + "\n");
                continue;
            }
            if (lb == Double.NEGATIVE_INFINITY) {
                out.write(" MI bnd " + col + "\n");
            } else if (lb != 0) {
                out.write(" LO bnd " + col + " " + num(lb) + "\n");
            }
            if (ub != Double.POSITIVE_INFINITY) {
                out.write(" UP bnd " + col + " " + num(ub) + "\n");
            }
        }
        out.write("ENDATA\n");
    }

    static String rowType(double lo, double up) {
        if (lo == up) {
            return "E";
        }
        if (Double.isFinite(lo)) {
            return "G";
        }
        return Double.isFinite(up) ? "L" : "N";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
