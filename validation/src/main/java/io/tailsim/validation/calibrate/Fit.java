package io.tailsim.validation.calibrate;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.List;

/**
 * An ordinary least-squares fit without intercept (a regressor that is the window length plays the intercept's part, in
 * cores): coefficients with standard errors, and each sample's residual, so the report can show how well the runs agree.
 *
 * @param regressors  one name per coefficient
 * @param samples     one name per observation (calibration run)
 */
public record Fit(String name, List<String> regressors, double[] coefficients, double[] standardErrors, List<String> samples,
                  double[] observed, double[] fitted, double rSquared) {

    public static Fit ols(String name, List<String> regressors, List<String> samples, double[][] x, double[] y) {
        if (x.length != y.length || x.length != samples.size()) throw new IllegalArgumentException(name + ": " + x.length + " rows, " + y.length + " observations, " + samples.size() + " names");
        if (x.length <= regressors.size())
            throw new IllegalArgumentException(name + ": " + x.length + " runs cannot fit " + regressors.size() + " coefficients; more runs are needed");
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        try {
            double[] beta = ols.estimateRegressionParameters();
            double[] se = ols.estimateRegressionParametersStandardErrors();
            double[] fitted = new double[y.length];
            for (int i = 0; i < y.length; i++)
                for (int j = 0; j < beta.length; j++) fitted[i] += beta[j] * x[i][j];
            return new Fit(name, List.copyOf(regressors), beta, se, List.copyOf(samples), y.clone(), fitted, ols.calculateRSquared());
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException(name + ": the runs do not separate the regressors " + regressors
                    + " (singular design); vary them independently", e);
        }
    }

    /**
     * Least squares with every coefficient non-negative (a CPU cost or an idle load cannot be negative): the best OLS fit
     * over the subsets of regressors whose coefficients all come out non-negative; a regressor left out has coefficient 0
     * and standard error NaN. Exhaustive over subsets, which is exact and cheap for the handful of regressors here.
     */
    public static Fit nnls(String name, List<String> regressors, List<String> samples, double[][] x, double[] y) {
        int k = regressors.size();
        if (k > 12) throw new IllegalArgumentException(name + ": too many regressors for an exhaustive non-negative fit");
        Fit best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < (1 << k); mask++) {
            int m = Integer.bitCount(mask);
            if (x.length <= m) continue;
            int[] cols = new int[m];
            for (int j = 0, c = 0; j < k; j++) if ((mask & (1 << j)) != 0) cols[c++] = j;
            double[][] sub = new double[x.length][m];
            for (int i = 0; i < x.length; i++)
                for (int c = 0; c < m; c++) sub[i][c] = x[i][cols[c]];
            Fit f;
            try {
                f = ols(name, pick(regressors, cols), samples, sub, y);
            } catch (IllegalArgumentException singular) {
                continue;
            }
            boolean nonNegative = true;
            for (double b : f.coefficients) nonNegative &= b >= 0;
            if (!nonNegative) continue;
            double sse = 0;
            for (int i = 0; i < y.length; i++) sse += f.residual(i) * f.residual(i);
            if (sse < bestSse - 1e-12) {
                bestSse = sse;
                double[] beta = new double[k], se = new double[k];
                java.util.Arrays.fill(se, Double.NaN);
                for (int c = 0; c < m; c++) {
                    beta[cols[c]] = f.coefficients[c];
                    se[cols[c]] = f.standardErrors[c];
                }
                best = new Fit(name, List.copyOf(regressors), beta, se, List.copyOf(samples), y.clone(), f.fitted, f.rSquared);
            }
        }
        if (best == null)
            throw new IllegalArgumentException(name + ": " + x.length + " usable runs cannot fit " + regressors + "; more runs are needed");
        return best;
    }

    /** Below this many expected events an observation weighs as if it expected this many (see {@link #poissonNnls}). */
    public static final double POISSON_FLOOR = 1;

    /**
     * {@link #nnls} for counts: each observation's variance is its expected count (Poisson), so each is weighed by one over
     * the fitted count (iteratively reweighted least squares, rows scaled by 1 / sqrt(max(fitted, {@link #POISSON_FLOOR})),
     * until the coefficients settle). Unweighted least squares lets the few runs with many events set every coefficient and
     * leaves the many runs with a handful unexplained. The returned fit's fitted values, residuals and R^2 are on the counts
     * themselves; its standard errors are the last weighted fit's.
     */
    public static Fit poissonNnls(String name, List<String> regressors, List<String> samples, double[][] x, double[] y) {
        Fit f = nnls(name, regressors, samples, x, y);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] wx = new double[x.length][];
            double[] wy = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                double s = 1 / Math.sqrt(Math.max(f.fitted()[i], POISSON_FLOOR));
                wx[i] = new double[x[i].length];
                for (int j = 0; j < x[i].length; j++) wx[i][j] = x[i][j] * s;
                wy[i] = y[i] * s;
            }
            Fit w = nnls(name, regressors, samples, wx, wy);
            double[] fitted = new double[y.length];
            for (int i = 0; i < y.length; i++)
                for (int j = 0; j < w.coefficients().length; j++) fitted[i] += w.coefficients()[j] * x[i][j];
            double change = 0, size = 0;
            for (int j = 0; j < w.coefficients().length; j++) {
                change = Math.max(change, Math.abs(w.coefficients()[j] - f.coefficients()[j]));
                size = Math.max(size, Math.abs(w.coefficients()[j]));
            }
            double ss = 0, sse = 0;
            for (int i = 0; i < y.length; i++) {
                ss += y[i] * y[i];
                sse += (y[i] - fitted[i]) * (y[i] - fitted[i]);
            }
            f = new Fit(name, regressors, w.coefficients(), w.standardErrors(), samples, y.clone(), fitted, ss > 0 ? 1 - sse / ss : 1);
            if (change <= 1e-9 * size) break;
        }
        return f;
    }

    private static List<String> pick(List<String> names, int[] cols) {
        String[] out = new String[cols.length];
        for (int c = 0; c < cols.length; c++) out[c] = names.get(cols[c]);
        return List.of(out);
    }

    public double coefficient(String regressor) {
        return coefficients[index(regressor)];
    }

    public double standardError(String regressor) {
        return standardErrors[index(regressor)];
    }

    private int index(String regressor) {
        int i = regressors.indexOf(regressor);
        if (i < 0) throw new IllegalArgumentException(name + " has no regressor " + regressor);
        return i;
    }

    public double residual(int sample) {
        return observed[sample] - fitted[sample];
    }
}
