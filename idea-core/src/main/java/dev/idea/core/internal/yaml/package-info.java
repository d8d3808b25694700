/**
 * YAML 1.2 reading on SnakeYAML Engine, confined here: documents become the JSON trees of {@code
 * dev.idea.core.internal.json}, so that YAML and JSON inputs share one schema check and one
 * canonical form.
 */
package dev.idea.core.internal.yaml;
