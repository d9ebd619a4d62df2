package org.gridtwin.dispatch.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear program in our own form, independent of any solver: minimise {@code c·x} subject to
 * {@code lo_r ≤ a_r·x ≤ up_r} and {@code lb ≤ x ≤ ub}. Solvers read it through the {@link LpSolver} port; the
 * {@link MpsWriter} writes it for other tools. Infinite bounds are {@code ±Double.POSITIVE_INFINITY}.
 */
public final class LpModel {
    private final List<String> varNames = new ArrayList<>();
    private double[] lower = new double[1024];
    private double[] upper = new double[1024];
    private double[] cost = new double[1024];
    private final List<String> rowNames = new ArrayList<>();
    private final List<int[]> rowCols = new ArrayList<>();
    private final List<double[]> rowVals = new ArrayList<>();
    private double[] rowLower = new double[1024];
    private double[] rowUpper = new double[1024];

    /** Adds a variable and returns its index. */
    public int variable(String name, double lb, double ub, double objectiveCoefficient) {
        int j = varNames.size();
        if (j == lower.length) {
            lower = Arrays.copyOf(lower, j * 2);
            upper = Arrays.copyOf(upper, j * 2);
            cost = Arrays.copyOf(cost, j * 2);
        }
        varNames.add(name);
        lower[j] = lb;
        upper[j] = ub;
        cost[j] = objectiveCoefficient;
        return j;
    }

    /** Adds a row {@code lb ≤ Σ coefficients[k] · x[columns[k]] ≤ ub} and returns its index. */
    public int row(String name, double lb, double ub, int[] columns, double[] coefficients) {
        if (columns.length != coefficients.length) {
            throw new IllegalArgumentException("row " + name + ": columns and coefficients differ in length");
        }
        int r = rowNames.size();
        if (r == rowLower.length) {
            rowLower = Arrays.copyOf(rowLower, r * 2);
            rowUpper = Arrays.copyOf(rowUpper, r * 2);
        }
        rowNames.add(name);
        rowCols.add(columns.clone());
        rowVals.add(coefficients.clone());
        rowLower[r] = lb;
        rowUpper[r] = ub;
        return r;
    }

    public void setCost(int j, double objectiveCoefficient) {
        cost[j] = objectiveCoefficient;
    }

    /** Sets the coefficient of column {@code j} in row {@code r}, adding the entry if the row has none. */
    public void setCoefficient(int r, int j, double value) {
        int[] cols = rowCols.get(r);
        for (int k = 0; k < cols.length; k++) {
            if (cols[k] == j) {
                rowVals.get(r)[k] = value;
                return;
            }
        }
        int[] c2 = Arrays.copyOf(cols, cols.length + 1);
        double[] v2 = Arrays.copyOf(rowVals.get(r), cols.length + 1);
        c2[cols.length] = j;
        v2[cols.length] = value;
        rowCols.set(r, c2);
        rowVals.set(r, v2);
    }

    public void setBounds(int j, double lb, double ub) {
        lower[j] = lb;
        upper[j] = ub;
    }

    public void setRowBounds(int r, double lb, double ub) {
        rowLower[r] = lb;
        rowUpper[r] = ub;
    }

    public int variables() {
        return varNames.size();
    }

    public int rows() {
        return rowNames.size();
    }

    public String variableName(int j) {
        return varNames.get(j);
    }

    public double lower(int j) {
        return lower[j];
    }

    public double upper(int j) {
        return upper[j];
    }

    public double cost(int j) {
        return cost[j];
    }

    public String rowName(int r) {
        return rowNames.get(r);
    }

    public int[] rowColumns(int r) {
        return rowCols.get(r);
    }

    public double[] rowCoefficients(int r) {
        return rowVals.get(r);
    }

    public double rowLower(int r) {
        return rowLower[r];
    }

    public double rowUpper(int r) {
        return rowUpper[r];
    }

    /** The objective of a point, {@code c·x}. */
    public double objective(double[] x) {
        double s = 0;
        for (int j = 0; j < varNames.size(); j++) {
            s += cost[j] * x[j];
        }
        return s;
    }
}
