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
