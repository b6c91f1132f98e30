# Messages shared by every command: errors and their exit codes.

rejected = input rejected, nothing was written ({ $count ->
    [one] { $count } problem
   *[other] { $count } problems
})
verify-failed = verification failed ({ $count ->
    [one] { $count } mismatch
   *[other] { $count } mismatches
})
and-more = ... and { $count } more
cannot-read = cannot read { $path }
cannot-write = cannot write { $path }
cannot-write-output = cannot write the output
conflict = conflict with decisions already imported, nothing was written
conflict-advice = A decision (number and signing date) can be imported once; to change the catalog, import a new decision that amends it. To fix a mistaken import, tthc import --correct NUMBER@SIGNED FILE replaces its rows and tthc retract NUMBER@SIGNED --reason TEXT takes them out.
