//! Putting a new site in place of the published one in one step, where
//! the system can.

#[cfg(target_os = "linux")]
use std::fs;
use std::path::Path;

/// Puts `new` in place of `output` in one step where the system can, and
/// moves the old site to `spare`.
pub(super) fn swap(new: &Path, output: &Path, spare: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if exchange(new, output).is_ok() {
        return fs::rename(new, spare);
    }
    // Two renames: for a moment there is no output folder, but never a
    // mixed one.
    fs::rename(output, spare)?;
    if let Err(e) = fs::rename(new, output) {
        let _ = fs::rename(spare, output);
        return Err(e);
    }
    Ok(())
}

/// Exchanges two folders atomically (Linux `renameat2` with
/// `RENAME_EXCHANGE`): a reader sees one site or the other.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let path = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (path(a)?, path(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that live for the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
