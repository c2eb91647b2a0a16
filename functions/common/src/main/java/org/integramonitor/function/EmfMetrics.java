package org.integramonitor.function;

import org.integramonitor.metrics.MetricRecord;
import org.integramonitor.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Business metrics as CloudWatch Embedded Metric Format lines on standard output, through AWS's
 * aws-embedded-metrics library: on Lambda, CloudWatch Logs turns each line into metrics in the
 * {@value #NAMESPACE} namespace, with no API call, no extra permission and no added latency. The
 * library's default environment detection probes EC2 and ECS endpoints; the environment is given instead.
 */
public final class EmfMetrics implements Metrics {

    public static final String NAMESPACE = "IntegraMonitor";
    private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);

    private final Environment environment;

    public EmfMetrics(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void emit(MetricRecord record) {
        try {
            MetricsLogger logger = new MetricsLogger(environment);
            logger.setNamespace(NAMESPACE);
            DimensionSet dimensions = new DimensionSet();
            for (var dimension : record.dimensions().entrySet()) {
                dimensions.addDimension(dimension.getKey(), dimension.getValue());
            }
            // with its dimensions and as a dimensionless total; false: not the library's default dimensions
            // (log group, service name), which would only split every figure by deployment
            if (record.dimensions().isEmpty()) {
                logger.setDimensions(false, new DimensionSet());
            } else {
                logger.setDimensions(false, dimensions, new DimensionSet());
            }
            for (MetricRecord.Value value : record.values()) {
                logger.putMetric(value.name(), value.value(), unit(value.unit()));
            }
            logger.flush();
        } catch (Exception failure) {
            // a metric must never fail the request it describes
            LOG.warn("metrics not emitted error={}", failure.getClass().getSimpleName());
        }
    }

    private static Unit unit(MetricRecord.Unit unit) {
        return switch (unit) {
            case COUNT -> Unit.COUNT;
            case MILLISECONDS -> Unit.MILLISECONDS;
            case SECONDS -> Unit.SECONDS;
        };
    }
}
