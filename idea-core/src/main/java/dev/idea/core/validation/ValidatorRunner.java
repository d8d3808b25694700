package dev.idea.core.validation;

import dev.idea.api.ValidationFinding;
import dev.idea.api.ValidatorResult;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a package's validators in parallel, each on its own daemon thread, at most {@code parallelism}
 * at a time, each under its own timeout (counted from its start) and all under one global budget
 * (counted from the first start).
 *
 * <p>A validator that throws gets status {@link ValidatorResult.Status#ERROR}; one that does not finish
 * in time gets {@link ValidatorResult.Status#TIMEOUT} and is interrupted, and its thread is abandoned
 * (it is a daemon and holds no lock of the pipeline), so a hung validator never hangs a submission.
 * Results are returned sorted by validator id with findings sorted by
 * {@link ValidationFinding#ORDER}, whatever order the threads finished in. Thread-safe and stateless
 * between runs.
 */
final class ValidatorRunner {
    private final int parallelism;
    private final Duration timeout;
    private final Duration budget;

    ValidatorRunner(int parallelism, Duration timeout, Duration budget) {
        this.parallelism = parallelism;
        this.timeout = timeout;
        this.budget = budget;
    }

    List<ValidatorResult> run(List<ConfiguredValidator> validators, PackageView view) {
        Semaphore permits = new Semaphore(parallelism);
        List<Task> tasks = new ArrayList<>();
        for (ConfiguredValidator v : validators) {
            Task task = new Task(v, view, permits);
            tasks.add(task);
            Thread thread = new Thread(task::run, "idea-validator-" + v.validator().id());
            thread.setDaemon(true);
            task.thread = thread;
            thread.start();
        }
        long budgetEnd = System.nanoTime() + budget.toNanos();
        List<ValidatorResult> results = new ArrayList<>();
        for (Task task : tasks) {
            results.add(await(task, budgetEnd));
        }
        return List.copyOf(results);
    }

    private ValidatorResult await(Task task, long budgetEnd) {
        try {
            long started = task.started.get(Math.max(0, budgetEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
            long end = Math.min(budgetEnd, started + timeout.toNanos());
            ValidatorOutcome outcome = task.done.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            return result(task.validator, outcome);
        } catch (TimeoutException e) {
            task.abandon();
            return failed(task.validator, ValidatorResult.Status.TIMEOUT, "did not finish within its timeout of " + timeout
                    + " or the validation budget of " + budget + " (ValidationLimits.validatorTimeout / validationBudget)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return failed(task.validator, ValidatorResult.Status.ERROR, "threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.abandon();
            return failed(task.validator, ValidatorResult.Status.ERROR, "validation was interrupted");
        }
    }

    private static ValidatorResult result(ConfiguredValidator c, ValidatorOutcome outcome) {
        if (outcome == null) {
            return failed(c, ValidatorResult.Status.ERROR, "returned no outcome (null)");
        }
        List<ValidationFinding> findings = new ArrayList<>();
        for (Finding f : outcome.findings()) {
            findings.add(new ValidationFinding(ValidationFinding.Severity.valueOf(f.severity().name()), f.rule(), f.message(),
                    f.path(), f.line(), f.offset()));
        }
        findings.sort(ValidationFinding.ORDER);
        ValidatorResult.Status status = outcome.passed() ? ValidatorResult.Status.PASSED : ValidatorResult.Status.FAILED;
        return new ValidatorResult(c.validator().id(), version(c), c.settingsDigest(), status, findings,
                List.copyOf(new TreeSet<>(outcome.reasons())), "");
    }

    private static ValidatorResult failed(ConfiguredValidator c, ValidatorResult.Status status, String detail) {
        return new ValidatorResult(c.validator().id(), version(c), c.settingsDigest(), status, List.of(), List.of(), detail);
    }

    private static String version(ConfiguredValidator c) {
        try {
            return String.valueOf(c.validator().version());
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** One validator's run: waits for a permit, records its start, validates, releases the permit once. */
    private static final class Task {
        final ConfiguredValidator validator;
        final PackageView view;
        final Semaphore permits;
        final CompletableFuture<Long> started = new CompletableFuture<>();
        final CompletableFuture<ValidatorOutcome> done = new CompletableFuture<>();
        final AtomicBoolean released = new AtomicBoolean();
        volatile Thread thread;

        Task(ConfiguredValidator validator, PackageView view, Semaphore permits) {
            this.validator = validator;
            this.view = view;
            this.permits = permits;
        }

        void run() {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                done.completeExceptionally(e);
                return;
            }
            try {
                started.complete(System.nanoTime());
                done.complete(validator.validator().validate(view, validator.settings()));
            } catch (Throwable t) { // a validator's failure of any kind is recorded, never propagated
                done.completeExceptionally(t);
            } finally {
                release();
            }
        }

        void abandon() {
            if (started.isDone()) {
                release();
            }
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
