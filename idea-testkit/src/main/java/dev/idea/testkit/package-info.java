/**
 * Test support for IDEA users and SPI authors: a {@link dev.idea.testkit.MutableClock}, jqwik
 * {@link dev.idea.testkit.IdeaArbitraries} and {@link dev.idea.testkit.JdkSignatures} for checking
 * signatures with the JDK alone; fakes and contract kits live in the sub-packages.
 */
package dev.idea.testkit;
