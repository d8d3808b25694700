/**
 * The {@code idea} command line: {@link dev.idea.cli.IdeaCommand} and its {@code demo},
 * {@code canon} and {@code verify} subcommands, built with picocli on IDEA's public API only.
 *
 * <p>Every failure becomes one line on standard error that starts with {@code error:} and, for an
 * {@link dev.idea.api.IdeaException}, its {@link dev.idea.api.ErrorCode}; {@code --verbose} adds the
 * stack trace. Exit codes: 0 success, 1 verification failed, 2 any other error.
 */
package dev.idea.cli;
