/** JMH benchmarks of IDEA's hot paths, each beside a raw baseline measured in the same run. */
package dev.idea.bench;
