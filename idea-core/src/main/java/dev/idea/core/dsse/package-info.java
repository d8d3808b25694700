/**
 * DSSE (Dead Simple Signing Envelope) signing and t-of-n verification over the DSSE v1
 * pre-authentication encoding.
 */
package dev.idea.core.dsse;
