/**
 * Contract kits for SPI authors: abstract JUnit 5 test classes that state what every provider must
 * do. Extend one in your adapter's tests and implement its factory methods.
 */
package dev.idea.testkit.contract;
