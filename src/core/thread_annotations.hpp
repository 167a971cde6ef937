// Lock annotations for Clang's thread-safety analysis (-Wthread-safety).
//
// Contract:
// - A member written `T x_ GUARDED_BY(mu_);` is read or written only while mu_ is held; a
//   pointer written `T* p_ PT_GUARDED_BY(mu_);` may itself be read freely, what it points to only
//   under mu_.
// - A function declared REQUIRES(mu_) is called only with mu_ held (the `…Locked` helpers);
//   EXCLUDES(mu_) only without it (it takes mu_ itself).
// - Clang checks these at compile time (the `thread-safety` preset makes every finding an
//   error). On compilers without the attributes (GCC) every macro expands to nothing, so the
//   annotations cost nothing and change no code.
// - The analysis is intraprocedural and sees no lambda's caller: a lambda that runs under a lock
//   its enclosing function holds (sql::InTransaction's body, a condition variable's predicate)
//   says so itself, `[&]() REQUIRES(mu_) -> Status { … }`.
// - libstdc++'s std::mutex carries no annotations, so guarded state uses hearth::Mutex,
//   hearth::MutexLock and hearth::CondVar (core/mutex.hpp) instead.
// - NO_THREAD_SAFETY_ANALYSIS is the last resort, for a function whose locking the analysis
//   cannot follow; each use says why.
//
// The macros follow Clang's documented attribute names (clang.llvm.org, "Thread Safety
// Analysis"). Standard library only.
#pragma once

#if defined(__has_attribute)
#if __has_attribute(capability)
#define HEARTH_THREAD_ANNOTATION_(x) __attribute__((x))
#endif
#endif
#ifndef HEARTH_THREAD_ANNOTATION_
#define HEARTH_THREAD_ANNOTATION_(x)  // no thread-safety analysis on this compiler
#endif

// --- Types ----------------------------------------------------------------------------------

/// The class is a lock (a capability); `name` appears in the diagnostics ("mutex").
#define CAPABILITY(name) HEARTH_THREAD_ANNOTATION_(capability(name))

/// The class is an RAII guard: its constructor acquires, its destructor releases.
#define SCOPED_CAPABILITY HEARTH_THREAD_ANNOTATION_(scoped_lockable)

// --- Data -----------------------------------------------------------------------------------

/// The member is accessed only with `mu` held (shared for reads, exclusive for writes).
#define GUARDED_BY(mu) HEARTH_THREAD_ANNOTATION_(guarded_by(mu))

/// What the pointer (raw or smart) points to is accessed only with `mu` held.
#define PT_GUARDED_BY(mu) HEARTH_THREAD_ANNOTATION_(pt_guarded_by(mu))

/// Lock order: this lock is taken before / after the ones named.
#define ACQUIRED_BEFORE(...) HEARTH_THREAD_ANNOTATION_(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) HEARTH_THREAD_ANNOTATION_(acquired_after(__VA_ARGS__))

// --- Functions ------------------------------------------------------------------------------

/// The caller must hold the locks named, exclusively / at least shared.
#define REQUIRES(...) HEARTH_THREAD_ANNOTATION_(requires_capability(__VA_ARGS__))
#define REQUIRES_SHARED(...) HEARTH_THREAD_ANNOTATION_(requires_shared_capability(__VA_ARGS__))

/// The function acquires the locks named (none: `this`) and returns holding them.
#define ACQUIRE(...) HEARTH_THREAD_ANNOTATION_(acquire_capability(__VA_ARGS__))
#define ACQUIRE_SHARED(...) HEARTH_THREAD_ANNOTATION_(acquire_shared_capability(__VA_ARGS__))

/// The function releases the locks named (none: `this`), which the caller held.
#define RELEASE(...) HEARTH_THREAD_ANNOTATION_(release_capability(__VA_ARGS__))
#define RELEASE_SHARED(...) HEARTH_THREAD_ANNOTATION_(release_shared_capability(__VA_ARGS__))
#define RELEASE_GENERIC(...) HEARTH_THREAD_ANNOTATION_(release_generic_capability(__VA_ARGS__))

/// The function tries to acquire; it holds the lock exactly when it returns `success`.
#define TRY_ACQUIRE(...) HEARTH_THREAD_ANNOTATION_(try_acquire_capability(__VA_ARGS__))
#define TRY_ACQUIRE_SHARED(...) \
  HEARTH_THREAD_ANNOTATION_(try_acquire_shared_capability(__VA_ARGS__))

/// The caller must not hold the locks named (the function takes them itself).
#define EXCLUDES(...) HEARTH_THREAD_ANNOTATION_(locks_excluded(__VA_ARGS__))

/// The function checks at run time that the lock is held; afterwards the analysis assumes it.
#define ASSERT_CAPABILITY(x) HEARTH_THREAD_ANNOTATION_(assert_capability(x))
#define ASSERT_SHARED_CAPABILITY(x) HEARTH_THREAD_ANNOTATION_(assert_shared_capability(x))

/// The function returns a reference to the lock named.
#define RETURN_CAPABILITY(x) HEARTH_THREAD_ANNOTATION_(lock_returned(x))

/// The analysis skips the function. Say why wherever it is used.
#define NO_THREAD_SAFETY_ANALYSIS HEARTH_THREAD_ANNOTATION_(no_thread_safety_analysis)
