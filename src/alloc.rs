//! The command line's allocator: mimalloc, tuned for a long scan whose live data is the
//! deduplication state and whose per-document memory is short-lived. PERFORMANCE.md has the
//! measurements behind each setting.

/// mimalloc rather than the system allocator: the scan makes many small short-lived
/// allocations on every core.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tunes the allocator for the scan; call first thing in `main`, before any thread exists.
///
/// - Transparent huge pages off for the process (what mimalloc's `allow_thp=0` does, which it
///   reads only from the environment at start-up): each 4 KB touched in a fresh 2 MB region
///   would otherwise fault in, and zero, the whole 2 MB.
/// - Freed memory handed back to the OS after 50 ms instead of mimalloc's 1 s, so batches of
///   documents scanned a moment ago do not add up in the peak.
///
/// Failure (another OS, an old kernel) changes nothing else.
pub fn tune() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    #[cfg(feature = "mimalloc")]
    // SAFETY: called first thing in `main`, before any other thread exists (the option setters
    // are not thread-safe); the option is a plain number.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 50);
    }
}

/// `mi_option_purge_delay` of mimalloc.h (v3), which libmimalloc-sys leaves unnamed: between
/// `mi_option_deprecated_eager_commit_delay` (14) and `mi_option_use_numa_nodes` (16).
#[cfg(feature = "mimalloc")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[cfg(all(test, feature = "mimalloc"))]
mod tests {
    #[test]
    fn purge_delay_is_the_option_we_think() {
        // SAFETY: reads a plain number; no other test touches mimalloc's options.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "mimalloc v3's default purge delay (ms)");
        // Its neighbour is `use_numa_nodes`, 0 by default.
        let numa =
            unsafe { libmimalloc_sys::mi_option_get(libmimalloc_sys::mi_option_use_numa_nodes) };
        assert_eq!(numa, 0);
    }
}
