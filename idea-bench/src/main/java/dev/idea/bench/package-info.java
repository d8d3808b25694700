/**
 * JMH benchmarks of IDEA's hot paths, each class holding the measured operation and its raw
 * baseline so that both run in the same fork; run them from {@code idea-bench/run.sh}.
 */
package dev.idea.bench;
