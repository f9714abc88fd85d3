//! Where the output goes (`-o`): standard output; a FIFO or device, written into as it is; or
//! a regular file, replaced atomically. The output is opened before any input is read, so a
//! path that cannot be written fails the run at once rather than after the scan.
//!
//! A regular file is written into a temporary file in its own directory (a symbolic link is
//! followed to its target first, and stays a link), given the old file's permissions, and
//! renamed over it once complete, so an interrupted run never leaves a truncated feed. On Linux
//! the temporary file has no name until that moment (`O_TMPFILE`): whatever ends the run, even
//! SIGKILL, leaves nothing behind. Elsewhere it is `.NAME.PID.tmp`, removed on error and on
//! SIGINT, SIGTERM and SIGHUP; one left by a process that no longer exists (SIGKILL, a crash)
//! is removed by the next run writing the same file.

use std::ffi::CString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicPtr, Ordering};

/// An opened output.
#[derive(Debug)]
pub enum Sink {
    /// Standard output (no `-o`, `-o -`, `-o /dev/stdout`).
    Stdout,
    /// Standard error (`-o /dev/stderr`).
    Stderr,
    /// A FIFO, a device or a socket: written into as it is.
    Through {
        /// The path as given.
        path: PathBuf,
        file: File,
    },
    /// A regular file, or one to create: replaced when the output is complete.
    Replace {
        /// The path as given, for messages.
        path: PathBuf,
        /// The file replaced: the path with its symbolic links followed.
        target: PathBuf,
        /// The target's metadata, when it exists (its permissions are kept).
        old: Option<Box<fs::Metadata>>,
        temp: Temp,
    },
}

/// The temporary file a regular file's output is written to.
#[derive(Debug)]
pub enum Temp {
    /// Unnamed (`O_TMPFILE`): it vanishes with the process unless linked in.
    Unnamed(File),
    /// `.NAME.PID.tmp` beside the target, removed on error and on SIGINT/SIGTERM/SIGHUP.
    Named(File, PathBuf),
}

impl Sink {
    /// Opens the output at `path` (`None` or `-`: standard output). Errors name the path.
    pub fn open(path: Option<&Path>) -> io::Result<Sink> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Sink::Stdout);
        };
        let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
        let sink = match resolve(path).map_err(named)? {
            Resolved::Fd(1) => Sink::Stdout,
            Resolved::Fd(_) => Sink::Stderr,
            Resolved::Special(p) => Sink::Through {
                path: path.to_path_buf(),
                file: OpenOptions::new().write(true).open(p).map_err(named)?,
            },
            Resolved::Regular(target, old) => {
                let temp = Temp::create(&target).map_err(named)?;
                Sink::Replace {
                    path: path.to_path_buf(),
                    target,
                    old: old.map(Box::new),
                    temp,
                }
            }
        };
        Ok(sink)
    }

    /// The path as given, or `-` for standard output and error.
    pub fn name(&self) -> String {
        match self {
            Sink::Stdout | Sink::Stderr => "-".into(),
            Sink::Through { path, .. } | Sink::Replace { path, .. } => path.display().to_string(),
        }
    }

    /// Writes the output with `write` (given a writer, which it flushes), then puts a
    /// regular file's output in place. On error a temporary file is removed and the target
    /// left as it was.
    pub fn write<T>(self, write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> io::Result<T> {
        match self {
            Sink::Stdout => write(&mut io::stdout().lock()),
            Sink::Stderr => write(&mut io::stderr().lock()),
            Sink::Through { mut file, .. } => write(&mut file),
            Sink::Replace {
                target, old, temp, ..
            } => {
                let mut file = temp.file();
                let written = write(&mut file).and_then(|w| {
                    file.sync_all()?;
                    Ok(w)
                });
                match written {
                    Ok(w) => temp.commit(&target, old.as_deref()).map(|()| w),
                    Err(e) => {
                        temp.discard();
                        Err(e)
                    }
                }
            }
        }
    }

    /// Gives up the output: a temporary file is removed, the target left as it was.
    pub fn discard(self) {
        if let Sink::Replace { temp, .. } = self {
            temp.discard();
        }
    }
}

/// What an output path leads to.
enum Resolved {
    /// Standard output (1) or error (2).
    Fd(i32),
    /// Not a regular file: a FIFO, a device, a socket.
    Special(PathBuf),
    /// A regular file (with its metadata) or none yet, symbolic links followed.
    Regular(PathBuf, Option<fs::Metadata>),
}

/// Follows `path` through symbolic links (at most 40, as the kernel does) to what it names.
fn resolve(path: &Path) -> io::Result<Resolved> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        if let Some(fd) = standard_stream(&p) {
            return Ok(Resolved::Fd(fd));
        }
        let meta = match fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Resolved::Regular(p, None)),
            Err(e) => return Err(e),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let to = fs::read_link(&p)?;
            p = match p.parent() {
                Some(dir) if to.is_relative() => dir.join(to),
                _ => to,
            };
        } else if kind.is_file() {
            return Ok(Resolved::Regular(p, Some(meta)));
        } else if kind.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "expected a file to write, but found a directory",
            ));
        } else {
            return Ok(Resolved::Special(p));
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The standard stream a path names, whatever the spelling (`/dev/stdout`, `/dev/fd/1`,
/// `/proc/self/fd/1`, and the same for 2): written through the process's own descriptor, so
/// that `>>` and pipes behave as the shell set them up.
fn standard_stream(path: &Path) -> Option<i32> {
    let p = path.as_os_str().as_bytes();
    let fd = p
        .strip_prefix(b"/dev/fd/")
        .or_else(|| p.strip_prefix(b"/proc/self/fd/"))
        .or_else(|| p.strip_prefix(b"/proc/thread-self/fd/"));
    match (p, fd) {
        (b"/dev/stdout", _) | (_, Some(b"1")) => Some(1),
        (b"/dev/stderr", _) | (_, Some(b"2")) => Some(2),
        _ => None,
    }
}

impl Temp {
    /// A temporary file in `target`'s directory: unnamed where the system allows it.
    fn create(target: &Path) -> io::Result<Temp> {
        let dir = directory_of(target);
        remove_stale(dir, target);
        if let Some(file) = unnamed_in(dir)? {
            return Ok(Temp::Unnamed(file));
        }
        let path = temp_name(target);
        cleanup::register(&path);
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o666)
            .open(&path);
        match file {
            Ok(file) => Ok(Temp::Named(file, path)),
            Err(e) => {
                cleanup::unregister();
                Err(e)
            }
        }
    }

    fn file(&self) -> &File {
        match self {
            Temp::Unnamed(file) | Temp::Named(file, _) => file,
        }
    }

    /// Moves the written file over `target`, with the permissions (and, where allowed, the
    /// owner) of the file it replaces.
    fn commit(self, target: &Path, old: Option<&fs::Metadata>) -> io::Result<()> {
        if let Some(old) = old {
            let file = self.file();
            file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))?;
            if file
                .metadata()
                .is_ok_and(|m| (m.uid(), m.gid()) != (old.uid(), old.gid()))
            {
                // Only root (or the owner, for the group) may: best effort, as `cp -p` does.
                let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
            }
        }
        let (file, path) = match self {
            Temp::Named(file, path) => (file, path),
            Temp::Unnamed(file) => {
                let path = temp_name(target);
                cleanup::register(&path);
                if let Err(e) = link_unnamed(&file, &path) {
                    cleanup::unregister();
                    return Err(e);
                }
                (file, path)
            }
        };
        drop(file);
        let renamed = fs::rename(&path, target);
        if renamed.is_err() {
            let _ = fs::remove_file(&path);
        }
        cleanup::unregister();
        renamed
    }

    fn discard(self) {
        if let Temp::Named(file, path) = self {
            drop(file);
            let _ = fs::remove_file(path);
            cleanup::unregister();
        }
    }
}

/// The directory a file is in (`.` for a bare name).
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `.NAME.PID.tmp` beside `target`.
fn temp_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Removes the `.NAME.PID.tmp` files of `target` left by processes that no longer exist.
fn remove_stale(dir: &Path, target: &Path) {
    let Some(name) = target.file_name() else {
        return;
    };
    let prefix = [b".", name.as_bytes(), b"."].concat();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let pid = file
            .as_bytes()
            .strip_prefix(&prefix[..])
            .and_then(|rest| rest.strip_suffix(b".tmp"))
            .and_then(|pid| std::str::from_utf8(pid).ok()?.parse::<u32>().ok());
        if let Some(pid) = pid {
            if pid != std::process::id() && !process_exists(pid) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Whether a process with this id exists (signal 0 checks without sending anything).
fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 sends nothing; it only reports whether the process exists.
    let status = unsafe { libc::kill(pid, 0) };
    status == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// An unnamed file in `dir` (`O_TMPFILE`), or `None` where the system or the file system
/// cannot make one (or `/proc`, needed to name it, is missing).
#[cfg(target_os = "linux")]
fn unnamed_in(dir: &Path) -> io::Result<Option<File>> {
    if named_temp_forced() || !Path::new("/proc/self/fd").is_dir() {
        return Ok(None);
    }
    let file = OpenOptions::new()
        .write(true)
        .mode(0o666)
        .custom_flags(libc::O_TMPFILE)
        .open(dir);
    match file {
        Ok(file) => Ok(Some(file)),
        // Not supported by this kernel (EISDIR, EINVAL) or file system (EOPNOTSUPP).
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL)
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn unnamed_in(_dir: &Path) -> io::Result<Option<File>> {
    Ok(None)
}

/// Whether the tests asked for the named temporary file (`EMBEDSCAN_TEST_NAMED_TEMP`), to
/// exercise it where `O_TMPFILE` works. Debug builds only.
fn named_temp_forced() -> bool {
    cfg!(debug_assertions) && std::env::var_os("EMBEDSCAN_TEST_NAMED_TEMP").is_some()
}

/// Gives an unnamed file the name `path`.
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, path: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let from = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))?;
    let to = CString::new(path.as_os_str().as_bytes())?;
    let _ = fs::remove_file(path);
    // SAFETY: both are NUL-terminated strings that outlive the call; linkat reads them only.
    let status = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if status == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn link_unnamed(_file: &File, _path: &Path) -> io::Result<()> {
    Err(io::Error::other("unnamed files are Linux-only"))
}

/// Removing the named temporary file when the run is interrupted (SIGINT, SIGTERM, SIGHUP):
/// the handler unlinks the registered path, then lets the signal end the process as it would
/// have.
mod cleanup {
    use super::*;

    /// The path to remove, NUL-terminated; null when there is none.
    static PATH: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    /// Removes `path` if a signal ends the run from now on.
    pub fn register(path: &Path) {
        let Ok(path) = CString::new(path.as_os_str().as_bytes()) else {
            return;
        };
        // Leaked on purpose: a handler may be reading the previous one at any time.
        PATH.store(path.into_raw(), Ordering::SeqCst);
        install();
    }

    /// Nothing to remove any more.
    pub fn unregister() {
        PATH.store(std::ptr::null_mut(), Ordering::SeqCst);
    }

    fn install() {
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            for signal in SIGNALS {
                // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value; the
                // handler only calls async-signal-safe functions (unlink, signal, raise) and
                // reads an atomic.
                unsafe {
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction = on_signal as *const () as libc::sighandler_t;
                    libc::sigemptyset(&mut action.sa_mask);
                    libc::sigaction(signal, &action, std::ptr::null_mut());
                }
            }
        });
    }

    extern "C" fn on_signal(signal: libc::c_int) {
        let path = PATH.swap(std::ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: `path` is null or a leaked, never-freed CString; unlink, signal and raise are
        // async-signal-safe. Restoring the default action and raising again ends the process
        // by the signal, so the parent sees it.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_streams_by_any_name() {
        for (p, fd) in [
            ("/dev/stdout", Some(1)),
            ("/dev/fd/1", Some(1)),
            ("/proc/self/fd/1", Some(1)),
            ("/dev/stderr", Some(2)),
            ("/proc/self/fd/2", Some(2)),
            ("/dev/fd/10", None),
            ("/dev/null", None),
            ("out.json", None),
        ] {
            assert_eq!(standard_stream(Path::new(p)), fd, "{p}");
        }
    }
}
