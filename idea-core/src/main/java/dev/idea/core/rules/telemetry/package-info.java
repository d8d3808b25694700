/**
 * Rule-planning metrics. Micrometer is an optional dependency confined to {@code
 * MicrometerRuleTelemetry}, which is loaded only after {@code RuleTelemetries} has found Micrometer on
 * the class path; without it every call is a no-op.
 */
package dev.idea.core.rules.telemetry;
