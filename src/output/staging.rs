//! The copy of the site a build writes into beside the output folder,
//! brought in step with the published site by hard links, written only
//! where bytes differ, and swapped in whole (see the module above).

use super::compare::{holds, inode, only_copy, same_bytes, same_device, same_file};
use super::swap::swap;
use super::{
    Bytes, MARKER, Stream, WriteError, beside, refuse_foreign, remove_empty_folders, temporary,
};
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use walkdir::WalkDir;

const MARKER_TEXT: &str = "This folder is written by renewal and replaced on every build.\n";
/// From this size, a file that only the copy holds is written over in
/// place rather than replaced (see [`Staging::link`]).
const OVERWRITE_FROM: u64 = 1 << 20;
/// The first line of the list of files where the spare differs.
const DIFFERS_HEAD: &str = "renewal: files the spare lacks or holds otherwise than the output";

/// How many copies have been opened, to tell them apart.
static COPIES: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The folder of a copy (by [`Staging::id`], then the folder) in which
    /// this thread last put a file, made or found to be a folder all the
    /// way down: the next file put in it (a page's files are written one
    /// after another, on one thread) needs only its own place cleared.
    static READY: std::cell::RefCell<(u64, String)> =
        const { std::cell::RefCell::new((u64::MAX, String::new())) };
}

/// A copy of the site being brought up to date beside the output folder
/// it will replace.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    spare: PathBuf,
    /// Every file the new site has (`/`-separated, relative to its root),
    /// by a 128-bit hash of its path ([`produced_key`]): a site of 600,000
    /// files holds 16 bytes a file here rather than a string.
    produced: Mutex<HashSet<u128>>,
    /// The files written or removed so far, a line each: where the copy
    /// now differs from the published site.
    changed: Mutex<String>,
    /// Large files the copy alone holds, an older version of the published
    /// one, that are not yet in step (see [`Staging::link`]).
    behind: Mutex<HashSet<String>>,
    /// Tells this copy's folders apart from another's in [`READY`].
    id: u64,
    written: AtomicUsize,
    /// Whether the copy was the same as the published site before this
    /// build changed it (so that `changed` says all it differs by).
    synced: bool,
    /// Whether the copy held no file when the build began to write into
    /// it (a first build, or one into an output taken away): then nothing
    /// can be in the way of a file, nor hold its bytes already, and a file
    /// is made without first looking at what is there.
    empty: bool,
    committed: bool,
}

impl Staging {
    /// Prepares to replace `output`; refuses a folder renewal did not write.
    pub fn open(output: &Path) -> Result<Staging, WriteError> {
        refuse_foreign(output)?;
        let dir = beside(output, &format!("next-{}", std::process::id()));
        if let Some(parent) = dir.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| WriteError(cannot("write-create", parent, &e)))?;
        }
        let spare = beside(output, "spare");
        let _ = fs::remove_dir_all(&dir);
        // What the spare differs by holds until the copy is changed: from
        // here on it is unknown, until this build ends.
        let listed = beside(output, "spare-differs");
        let differs = read_list(&listed);
        let _ = fs::remove_file(&listed);
        // The spare becomes the copy to update; without one (a first build,
        // or a spare that is not renewal's), the copy starts empty.
        let adopted = spare.join(MARKER).is_file() && fs::rename(&spare, &dir).is_ok();
        if !adopted {
            fs::create_dir_all(&dir).map_err(|e| WriteError(cannot("write-create", &dir, &e)))?;
        }
        let mut staging = Staging {
            output: output.to_path_buf(),
            dir,
            spare,
            produced: Mutex::new(HashSet::default()),
            changed: Mutex::new(String::new()),
            behind: Mutex::new(HashSet::default()),
            id: COPIES.fetch_add(1, Ordering::Relaxed),
            written: AtomicUsize::new(0),
            synced: false,
            empty: false,
            committed: false,
        };
        // The list holds only while the published site is there.
        let published = output.join(MARKER).is_file();
        staging.synced = match (adopted && published, differs) {
            (true, Some(paths)) => staging.link_listed(&paths),
            _ => staging.link_all(),
        };
        Ok(staging)
    }

    /// Makes the copy the same as the published site where `paths` say it
    /// may differ. Whether it succeeded.
    fn link_listed(&self, paths: &[String]) -> bool {
        paths
            .par_iter()
            .filter(|p| safe_relative(p))
            .all(|path| self.link(path, false))
    }

    /// Makes the copy the same as the published site, file by file: a file
    /// that is not the published one (by its inode, as the folder lists it)
    /// is linked to it unless it has the same bytes, and a file the site
    /// lacks is removed. Whether it succeeded.
    fn link_all(&mut self) -> bool {
        let files = |root: &Path| -> Vec<(String, u64)> {
            WalkDir::new(root)
                .min_depth(1)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| (crate::diagnostic::shown_path(root, e.path()), inode(&e)))
                .collect()
        };
        let published = if self.output.is_dir() {
            files(&self.output)
        } else {
            Vec::new()
        };
        // Inode numbers tell files apart only on one file system.
        let one_device = match (fs::metadata(&self.output), fs::metadata(&self.dir)) {
            (Ok(a), Ok(b)) => same_device(&a, &b),
            _ => false,
        };
        let mine: rustc_hash::FxHashMap<String, u64> = files(&self.dir).into_iter().collect();
        let names: HashSet<&str> = published.iter().map(|(p, _)| p.as_str()).collect();
        let stale: Vec<&String> = mine
            .keys()
            .filter(|p| !names.contains(p.as_str()))
            .collect();
        let removed = stale.par_iter().all(|path| self.link(path, true));
        let synced = removed
            && published
                .par_iter()
                .filter(|(path, ino)| !one_device || mine.get(path) != Some(ino))
                .all(|(path, _)| self.link(path, true));
        self.empty = synced && published.is_empty();
        synced
    }

    /// Makes the copy's `path` the published site's file (a hard link to
    /// it, or a copy where links cannot be made), or removes it if the
    /// site has none. With `compare`, a file with the same bytes is left as
    /// it is. Without, a large file that only the copy holds (a site-wide
    /// download as the build before last wrote it) is left as it is too,
    /// until the build writes it or ends: removing tens of MiB from a disk
    /// takes tens of milliseconds, and writing the new bytes over the old
    /// ones takes less than writing them to a new file. Whether it
    /// succeeded.
    fn link(&self, path: &str, compare: bool) -> bool {
        let from = self.output.join(path);
        let to = self.dir.join(path);
        let Some(meta) = fs::symlink_metadata(&from).ok().filter(|m| m.is_file()) else {
            return match fs::symlink_metadata(&to) {
                Ok(m) if m.is_dir() => true,
                Ok(_) => {
                    let _ = fs::remove_file(&to);
                    remove_empty_folders(&self.dir, &to);
                    true
                }
                Err(_) => true,
            };
        };
        // The same file, or one with the same bytes (a copy that was never
        // linked, when every file is compared: relinking every file costs
        // more than reading it), is left as it is.
        if let Ok(m) = fs::symlink_metadata(&to)
            && (same_file(&m, &meta)
                || (compare && m.is_file() && m.len() == meta.len() && same_bytes(&from, &to)))
        {
            return true;
        }
        if !compare
            && let Ok(m) = fs::symlink_metadata(&to)
            && only_copy(&m)
            && m.len() >= OVERWRITE_FROM
            && let Ok(mut behind) = self.behind.lock()
        {
            // Until then, the copy differs there.
            self.note_changed(path);
            behind.insert(path.to_string());
            return true;
        }
        self.link_anew(path)
    }

    /// Replaces whatever the copy has at `path` with a link to the
    /// published file. Whether it succeeded.
    fn link_anew(&self, path: &str) -> bool {
        let from = self.output.join(path);
        self.place(path, None, |to| {
            fs::hard_link(&from, to).or_else(|_| fs::copy(&from, to).map(drop))
        })
        .is_ok()
    }

    /// Whether the copy's file at `path` was left behind the published one
    /// (see [`Staging::link`]); it is not, from now on.
    fn was_behind(&self, path: &str) -> bool {
        self.behind.lock().is_ok_and(|mut b| b.remove(path))
    }

    /// Puts one file of the new site in place (`path` relative to the
    /// output folder, `/`-separated), writing it only if the copy does not
    /// already hold exactly these bytes. Safe to call from several threads.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.write_with(
            path,
            bytes.len(),
            |full| holds(full, bytes),
            |file| file.write_all(bytes),
        )
    }

    /// As [`Staging::write`], for bytes made whole, joined from pieces or
    /// made as they are written: how many bytes the file has.
    pub fn put(&self, path: &str, bytes: Bytes) -> Result<u64, WriteError> {
        let len = bytes.known_len().unwrap_or_default() as u64;
        match bytes {
            Bytes::Whole(bytes) => self.write(path, &bytes).map(|()| len),
            Bytes::Joined(joined) => self
                .write_with(
                    path,
                    joined.len(),
                    |full| joined.held_by(full),
                    |file| joined.write_to(file),
                )
                .map(|()| len),
            Bytes::Stream(stretches) => self.stream(path, stretches),
        }
    }

    /// As [`Staging::write`], for a file made a stretch at a time: each is
    /// compared with the file there as it comes, and from the first that
    /// differs on, the file is written anew (what came before copied from
    /// the file compared with), so that neither the file nor the one there
    /// is ever held whole. How many bytes the file has.
    fn stream(&self, path: &str, stretches: Stream) -> Result<u64, WriteError> {
        use std::io::{Read, Seek, SeekFrom};
        if let Ok(mut produced) = self.produced.lock() {
            produced.insert(produced_key(path));
        }
        let full = self.dir.join(path);
        let cannot = |e: std::io::Error| WriteError(cannot("write-file", &full, &e));
        // Compared with the published file where the copy's is an older
        // one of its own, else with the copy's.
        let behind = self.was_behind(path);
        let like = match behind {
            true => self.output.join(path),
            false => full.clone(),
        };
        let mut compared = fs::File::open(&like)
            .ok()
            .filter(|f| f.metadata().is_ok_and(|m| m.is_file()));
        let mut at = 0u64;
        let mut buffer = Vec::new();
        let mut out: Option<fs::File> = None;
        // The file written anew, with the `at` bytes the one compared with
        // has in common with it.
        let start = |compared: Option<&mut fs::File>, at: u64| {
            let mut file = self.anew(path, None)?;
            if let Some(old) = compared.filter(|_| at > 0) {
                old.seek(SeekFrom::Start(0))
                    .and_then(|_| std::io::copy(&mut old.take(at), &mut file))
                    .and_then(|n| match n == at {
                        true => Ok(()),
                        false => Err(std::io::ErrorKind::UnexpectedEof.into()),
                    })
                    .map_err(cannot)?;
            }
            Ok::<_, WriteError>(file)
        };
        let made = (|| {
            for stretch in stretches {
                let stretch = stretch.map_err(cannot)?;
                if out.is_none() {
                    let same = compared.as_mut().is_some_and(|old| {
                        buffer.resize(stretch.len(), 0);
                        old.read_exact(&mut buffer).is_ok() && buffer == stretch
                    });
                    if same {
                        at += stretch.len() as u64;
                        continue;
                    }
                    out = Some(start(compared.as_mut(), at)?);
                }
                if let Some(file) = out.as_mut() {
                    file.write_all(&stretch).map_err(cannot)?;
                }
                at += stretch.len() as u64;
            }
            // Every stretch alike: the file compared with is the same only
            // if it has no more.
            let longer = compared
                .as_ref()
                .is_none_or(|old| old.metadata().map_or(true, |m| m.len() != at));
            if out.is_none() && longer {
                out = Some(start(compared.as_mut(), at)?);
            }
            Ok(())
        })();
        if let Err(e) = made {
            if out.is_some() {
                let _ = fs::remove_file(&full);
            }
            return Err(e);
        }
        match out {
            Some(_) => {
                self.written.fetch_add(1, Ordering::Relaxed);
            }
            // The published file's bytes: the copy takes it.
            None if behind && !self.link_anew(path) => {
                return Err(WriteError(crate::say!(
                    "write-link",
                    path = full.display().to_string()
                )));
            }
            None => {}
        }
        Ok(at)
    }

    /// Writes the file at `path` of `len` bytes with `put`, unless the
    /// file there already has them, as `same` tells.
    fn write_with(
        &self,
        path: &str,
        len: usize,
        same: impl Fn(&Path) -> bool,
        put: impl Fn(&mut fs::File) -> std::io::Result<()>,
    ) -> Result<(), WriteError> {
        if let Ok(mut produced) = self.produced.lock() {
            produced.insert(produced_key(path));
        }
        let full = self.dir.join(path);
        let holds = |there: &std::io::Result<fs::Metadata>, file: &Path| {
            there
                .as_ref()
                .is_ok_and(|m| m.is_file() && m.len() == len as u64)
                && same(file)
        };
        let cannot = |e: std::io::Error| WriteError(cannot("write-file", &full, &e));
        let mut there = None;
        if self.was_behind(path) {
            // As published: the copy is put in step as it would have been.
            let published = self.output.join(path);
            if holds(&fs::symlink_metadata(&published), &published) {
                return match self.link_anew(path) {
                    true => Ok(()),
                    false => Err(WriteError(crate::say!(
                        "write-link",
                        path = full.display().to_string()
                    ))),
                };
            }
            // Else the new bytes go over the old, if the file is still the
            // copy's alone (else it is replaced, below). Should that fail,
            // the copy is already noted to differ there.
            let over = fs::OpenOptions::new().write(true).open(&full);
            if let Ok(mut file) = over
                && file.metadata().is_ok_and(|m| only_copy(&m))
            {
                put(&mut file)
                    .and_then(|()| file.set_len(len as u64))
                    .map_err(cannot)?;
                self.written.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        } else if self.empty {
            there = Some(Err(std::io::ErrorKind::NotFound.into()));
        } else {
            let found = fs::symlink_metadata(&full);
            if holds(&found, &full) {
                return Ok(());
            }
            there = Some(found);
        }
        // What could not be written whole is not left behind.
        self.anew(path, there).and_then(|mut file| {
            put(&mut file).map_err(|e| {
                let _ = fs::remove_file(&full);
                cannot(e)
            })
        })?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// A new, empty file at `path` in the copy, in place of whatever was
    /// there (`there`, as `fs::symlink_metadata` found it, if known), its
    /// folders made.
    fn anew(
        &self,
        path: &str,
        there: Option<std::io::Result<fs::Metadata>>,
    ) -> Result<fs::File, WriteError> {
        // The copy differs here from now on, whatever comes of the write.
        self.note_changed(path);
        // A file there may be the published one too (a hard link): it is
        // unlinked from the copy and a new one made, never written into.
        // (Not written beside it and renamed over it: the copy is not
        // published, and on ext4 a rename over a file makes the kernel
        // put the new one on disk at once.)
        self.place(path, there, |to: &Path| fs::File::create(to))
            .map_err(|e| WriteError(cannot("write-file", &self.dir.join(path), &e)))
    }

    /// Makes something new at `path` in the copy with `make`, once its
    /// folders are made and whatever stood at `path` (`there`, if known)
    /// is removed.
    fn place<T>(
        &self,
        path: &str,
        there: Option<std::io::Result<fs::Metadata>>,
        make: impl Fn(&Path) -> std::io::Result<T>,
    ) -> std::io::Result<T> {
        let full = self.dir.join(path);
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        let ready = folder.is_empty()
            || READY.with_borrow(|(copy, last)| *copy == self.id && last == folder);
        if ready {
            // Only the place itself can be in the way.
            match there.unwrap_or_else(|| fs::symlink_metadata(&full)) {
                Ok(m) if m.is_dir() => fs::remove_dir_all(&full)?,
                Ok(_) => fs::remove_file(&full)?,
                Err(_) => {}
            }
            // Else the folder has gone since (see [`Staging::remove`]), or
            // a file was put in its place: the way is cleared as below.
            if let Ok(made) = make(&full) {
                return Ok(made);
            }
        } else if self.empty
            && full
                .parent()
                .is_none_or(|dir| fs::create_dir_all(dir).is_ok())
            && let Ok(made) = make(&full)
        {
            // In a copy that held nothing, only its own files can be there,
            // and a file is made over one of its own.
            self.ready_in(folder);
            return Ok(made);
        }
        self.clear_way(path);
        // A file that stays would be written into, and it may be the
        // published one.
        match fs::remove_file(&full) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        if let Some(dir) = full.parent() {
            fs::create_dir_all(dir)?;
        }
        self.ready_in(folder);
        make(&full)
    }

    /// Notes `folder` of the copy as this thread's [`READY`] one.
    fn ready_in(&self, folder: &str) {
        READY.with_borrow_mut(|(copy, last)| {
            *copy = self.id;
            last.clear();
            last.push_str(folder);
        });
    }

    /// Removes one file from the copy (`path` as for [`Staging::write`]),
    /// with the folders it leaves empty: for a build that writes only what
    /// changed, and so removes what it no longer has one by one.
    pub fn remove(&self, path: &str) {
        if !safe_relative(path) {
            return;
        }
        let full = self.dir.join(path);
        self.was_behind(path);
        if fs::symlink_metadata(&full).is_ok_and(|m| !m.is_dir()) {
            let _ = fs::remove_file(&full);
            remove_empty_folders(&self.dir, &full);
            self.note_changed(path);
        }
    }

    /// Whether the copy was made the same as the published site before
    /// it was written to: only then may a build write just what changed
    /// ([`Staging::commit_changes`]).
    pub fn in_step(&self) -> bool {
        self.synced
    }

    fn note_changed(&self, path: &str) {
        if let Ok(mut changed) = self.changed.lock() {
            changed.push_str(path);
            changed.push('\n');
        }
    }

    /// Removes what stands where `path` must go in the copy: a folder or
    /// link at its place, or a file where one of its folders must be.
    fn clear_way(&self, path: &str) {
        let mut at = self.dir.clone();
        let parts: Vec<&str> = path.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            at.push(part);
            let Ok(meta) = fs::symlink_metadata(&at) else {
                return;
            };
            let last = i + 1 == parts.len();
            if meta.is_symlink() || (last && meta.is_dir()) || (!last && !meta.is_dir()) {
                let _ = if meta.is_dir() {
                    fs::remove_dir_all(&at)
                } else {
                    fs::remove_file(&at)
                };
                return;
            }
        }
    }

    /// How many files have been written so far (the rest were already right).
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Marks the new site as renewal's, removes the files it no longer
    /// has, and swaps it in for the old one, which becomes the spare.
    /// Returns how many files were written.
    pub fn commit(self) -> Result<usize, WriteError> {
        self.finish(true)
    }

    /// As [`Staging::commit`], for a build that wrote only the files that
    /// may have changed and removed those it no longer has: every other
    /// file stays as published.
    pub fn commit_changes(self) -> Result<usize, WriteError> {
        self.finish(false)
    }

    fn finish(mut self, prune: bool) -> Result<usize, WriteError> {
        // The large files this build did not write are put in step now.
        let behind = std::mem::take(self.behind.get_mut().unwrap_or_else(|p| p.into_inner()));
        if let Some(path) = behind.iter().find(|path| !self.link_anew(path)) {
            let path = self.dir.join(path).display().to_string();
            return Err(WriteError(crate::say!("write-link", path = path)));
        }
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
        // A copy that held nothing holds only what this build made.
        if prune && !self.empty {
            self.prune();
        }
        let output = &self.output;
        if output.exists() {
            let _ = fs::remove_dir_all(&self.spare);
            swap(&self.dir, output, &self.spare)
                .map_err(|e| WriteError(cannot("write-swap", output, &e)))?;
        } else {
            fs::rename(&self.dir, output)
                .map_err(|e| WriteError(cannot("write-swap", output, &e)))?;
        }
        self.committed = true;
        self.list_differences();
        Ok(self.written())
    }

    /// Writes down where the spare (the copy, before a swap; the old site,
    /// after one) differs from the published site, for the next build.
    fn list_differences(&self) {
        if !self.synced {
            return;
        }
        let changed = match self.changed.lock() {
            Ok(changed) => changed,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut text = String::with_capacity(DIFFERS_HEAD.len() + 1 + changed.len());
        text.push_str(DIFFERS_HEAD);
        text.push('\n');
        text.push_str(&changed);
        let listed = beside(&self.output, "spare-differs");
        let temp = temporary(&listed);
        if fs::write(&temp, text).is_ok() {
            let _ = fs::rename(&temp, &listed);
        }
    }

    /// Removes every file and folder of the copy that the new site lacks.
    fn prune(&self) {
        let produced = match self.produced.lock() {
            Ok(produced) => produced,
            Err(poisoned) => poisoned.into_inner(),
        };
        for entry in WalkDir::new(&self.dir)
            .min_depth(1)
            .contents_first(true)
            .into_iter()
            .filter_map(Result::ok)
        {
            let rel = crate::diagnostic::shown_path(&self.dir, entry.path());
            if entry.file_type().is_dir() {
                // Only empty folders go; `remove_dir` refuses the others.
                let _ = fs::remove_dir(entry.path());
            } else if !produced.contains(&produced_key(&rel))
                && fs::remove_file(entry.path()).is_ok()
            {
                self.note_changed(&rel);
            }
        }
    }
}

impl Drop for Staging {
    /// A copy that was not swapped in becomes the spare again: its files
    /// are compared before they are used, so a half-updated copy is fine.
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        if fs::rename(&self.dir, &self.spare).is_ok() {
            self.list_differences();
        } else {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// The key of a produced file's path: two 64-bit SipHashes of it, told
/// apart by a prefix, so that two paths of one site share a key with a
/// chance of about 2^-90 at 600,000 files (a stale file would then stay).
fn produced_key(path: &str) -> u128 {
    crate::fingerprint::of(path.as_bytes())
}

/// Whether `path` stays below the folder it is relative to.
fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// The paths listed in the file at `at`, if it is such a list.
fn read_list(at: &Path) -> Option<Vec<String>> {
    let text = fs::read_to_string(at).ok()?;
    let mut lines = text.lines();
    (lines.next() == Some(DIFFERS_HEAD)).then(|| lines.map(String::from).collect())
}

/// "cannot write PATH: why", and the like: message `id` about `path`,
/// with the system's reason.
pub(super) fn cannot(id: &str, path: &Path, error: &std::io::Error) -> String {
    crate::i18n::messages::message(
        id,
        &[
            ("path", path.display().to_string().into()),
            ("error", crate::i18n::messages::reason(error).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::super::{forget, write_in_place};
    use super::*;

    #[test]
    fn a_site_is_swapped_in_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let first = Staging::open(&output).unwrap();
        first.write("index.html", b"one").unwrap();
        first.write("reports/a/index.html", b"a").unwrap();
        first.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"one");
        assert!(output.join(MARKER).is_file());

        // A build that stops before its commit leaves the site as it was.
        let abandoned = Staging::open(&output).unwrap();
        abandoned.write("index.html", b"two").unwrap();
        drop(abandoned);
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"one");
        let left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("renewal-next"))
            .collect();
        assert_eq!(left, Vec::<String>::new(), "no half-built copy is left");

        let second = Staging::open(&output).unwrap();
        second.write("index.html", b"two").unwrap();
        second.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"two");
        assert!(
            !output.join("reports").exists(),
            "files the new site lacks are gone"
        );
    }

    #[test]
    fn a_copy_that_held_nothing_takes_every_file_as_last_written() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let first = Staging::open(&output).unwrap();
        assert!(first.empty, "a first build's copy holds nothing");
        first.write("a/index.html", b"a long first text").unwrap();
        first.write("a/index.html", b"short").unwrap();
        // A file where a folder of the copy's own stands, and a folder
        // where a file stood.
        first.write("b/c/index.html", b"c").unwrap();
        first.write("b/c", b"now a file").unwrap();
        first.write("d", b"a file").unwrap();
        first.write("d/index.html", b"now a folder").unwrap();
        first.commit().unwrap();
        assert_eq!(fs::read(output.join("a/index.html")).unwrap(), b"short");
        assert_eq!(fs::read(output.join("b/c")).unwrap(), b"now a file");
        assert_eq!(
            fs::read(output.join("d/index.html")).unwrap(),
            b"now a folder"
        );
        // Nothing else, not even an empty folder.
        let mut held: Vec<String> = WalkDir::new(&output)
            .min_depth(1)
            .into_iter()
            .map(|e| crate::diagnostic::shown_path(&output, e.unwrap().path()))
            .collect();
        held.sort();
        let expected = [MARKER, "a", "a/index.html", "b", "b/c", "d", "d/index.html"];
        assert_eq!(held, expected);
        // A copy of a published site holds its files; once the site is
        // taken away, the spare the next build adopts holds none.
        let second = Staging::open(&output).unwrap();
        assert!(!second.empty);
        second.write("a/index.html", b"second").unwrap();
        second.commit().unwrap();
        assert!(output.with_file_name(".site.renewal-spare").is_dir());
        fs::remove_dir_all(&output).unwrap();
        let again = Staging::open(&output).unwrap();
        assert!(again.empty, "the spare's files are removed");
        again.write("a/index.html", b"again").unwrap();
        again.commit().unwrap();
        assert_eq!(fs::read(output.join("a/index.html")).unwrap(), b"again");
        assert!(!output.join("b/c").exists());
    }

    #[test]
    fn only_files_whose_bytes_changed_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let pages = |changed: &[u8]| {
            let staging = Staging::open(&output).unwrap();
            staging.write("index.html", b"home").unwrap();
            staging.write("reports/a/index.html", changed).unwrap();
            staging.write("reports/b/index.html", b"b").unwrap();
            staging.commit().unwrap()
        };
        assert_eq!(pages(b"a"), 4, "every file and the marker");
        // The second build has no spare: its copy links to the site's files.
        assert_eq!(pages(b"a"), 0, "nothing changed, nothing written");
        assert_eq!(pages(b"a"), 0);
        assert_eq!(pages(b"a2"), 1);
        assert_eq!(
            fs::read(output.join("reports/a/index.html")).unwrap(),
            b"a2"
        );
        // The spare, a build behind, is brought up to date by a link.
        assert_eq!(pages(b"a2"), 0);
        assert_eq!(pages(b"a3"), 1);
        assert_eq!(pages(b"a"), 1);
        assert_eq!(fs::read(output.join("reports/a/index.html")).unwrap(), b"a");

        // A page that becomes a folder, and a folder that becomes a page.
        let staging = Staging::open(&output).unwrap();
        staging.write("index.html/x", b"x").unwrap();
        staging.write("reports", b"r").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html/x")).unwrap(), b"x");
        assert_eq!(fs::read(output.join("reports")).unwrap(), b"r");

        // A folder emptied and removed while the build runs is made again
        // for the next file that goes in it.
        let staging = Staging::open(&output).unwrap();
        staging.write("topics/a/index.html", b"a").unwrap();
        staging.remove("topics/a/index.html");
        assert!(!staging.dir.join("topics").exists());
        staging.write("topics/a/data.csv", b"c").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read(output.join("topics/a/data.csv")).unwrap(), b"c");
        assert!(!output.join("topics/a/index.html").exists());
    }

    #[test]
    fn the_copy_shares_the_published_files_but_never_writes_into_them() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let read = |path: &str| fs::read(output.join(path)).unwrap();
        let build = |a: &[u8], b: Option<&[u8]>, finish: bool| {
            let staging = Staging::open(&output).unwrap();
            assert!(staging.in_step());
            staging.write("reports/a/index.html", a).unwrap();
            if let Some(b) = b {
                staging.write("reports/b/index.html", b).unwrap();
            }
            // What is published stays as it was until the swap.
            if output.join("reports/a/index.html").exists() {
                assert_ne!(read("reports/a/index.html"), b"written into".to_vec());
            }
            if finish {
                Some(staging.commit().unwrap())
            } else {
                None
            }
        };
        build(b"a", Some(b"b"), true);
        build(b"a", Some(b"b"), true);
        build(b"written into", Some(b"b"), false);
        assert_eq!(read("reports/a/index.html"), b"a");
        // The abandoned copy is the spare; the next build puts it in step.
        assert_eq!(build(b"a", Some(b"b"), true), Some(0));
        assert_eq!(build(b"a2", None, true), Some(1));
        assert!(!output.join("reports/b").exists());
        // Changed outside a build: the next one compares every file.
        fs::write(output.join("reports/a/index.html"), b"edited by hand").unwrap();
        forget(&output);
        assert_eq!(build(b"a2", None, true), Some(1));
        assert_eq!(read("reports/a/index.html"), b"a2");
        assert_eq!(build(b"a3", Some(b"b"), true), Some(2));
        assert_eq!(build(b"a3", Some(b"b"), true), Some(0));
        assert_eq!(read("reports/b/index.html"), b"b");
        // A build that writes only what changed keeps every other file.
        let staging = Staging::open(&output).unwrap();
        staging.write("reports/c/index.html", b"c").unwrap();
        staging.remove("reports/a/index.html");
        assert_eq!(staging.commit_changes().unwrap(), 1);
        assert_eq!(read("reports/b/index.html"), b"b");
        assert_eq!(read("reports/c/index.html"), b"c");
        assert!(!output.join("reports/a").exists());
        let spare = beside(&output, "spare");
        assert_eq!(fs::read(spare.join("reports/a/index.html")).unwrap(), b"a3");
        // A live preview's change in place is noted for the spare too.
        write_in_place(&output, "reports/b/index.html", b"b2", &|| false).unwrap();
        let staging = Staging::open(&output).unwrap();
        assert!(!staging.dir.join("reports/a").exists());
        assert!(staging.dir.join("reports/c/index.html").is_file());
        assert_eq!(
            fs::read(staging.dir.join("reports/b/index.html")).unwrap(),
            b"b2"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_large_file_the_copy_alone_holds_is_written_over_and_never_the_published_one() {
        use std::io::Read;
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let big = |n: u8| vec![n; OVERWRITE_FROM as usize + usize::from(n)];
        let inode = |at: &Path| fs::metadata(at).unwrap().ino();
        let data = "data/all.csv";
        let build = |bytes: Option<Vec<u8>>, finish: bool| {
            let staging = Staging::open(&output).unwrap();
            staging.write("index.html", b"home").unwrap();
            if let Some(bytes) = bytes {
                staging.write(data, &bytes).unwrap();
            }
            // The published file stays as it was until the swap.
            let published = fs::read(output.join(data)).ok();
            let spare = staging.dir.join(data);
            let copy = fs::metadata(&spare).ok().map(|m| (m.ino(), m.nlink()));
            let written = finish.then(|| staging.commit_changes().unwrap());
            (published, copy, written)
        };
        build(Some(big(1)), true);
        build(Some(big(2)), true);
        // The spare holds the first version alone: it is written over
        // (what is read through it, opened before, changes).
        let spare = beside(&output, "spare");
        let mut opened = fs::File::open(spare.join(data)).unwrap();
        let first = inode(&spare.join(data));
        let (published, copy, written) = build(Some(big(3)), true);
        assert_eq!(published, Some(big(2)));
        assert_eq!(copy, Some((first, 1)));
        assert_eq!(written, Some(1));
        assert_eq!(fs::read(output.join(data)).unwrap(), big(3));
        let mut through = Vec::new();
        opened.read_to_end(&mut through).unwrap();
        assert_eq!(through, big(3), "written over, not replaced");
        // Shorter bytes leave nothing of the longer ones.
        build(Some(big(4)), true);
        build(Some(big(0)), true);
        assert_eq!(fs::read(output.join(data)).unwrap(), big(0));
        // The same bytes as published: linked, not written.
        let (_, copy, written) = build(Some(big(0)), true);
        assert_eq!(copy.map(|(_, links)| links), Some(2));
        assert_eq!(written, Some(0));
        // Not written by a build: put in step before the swap.
        build(Some(big(5)), true);
        let (_, _, written) = build(None, true);
        assert_eq!(written, Some(0));
        assert_eq!(fs::read(output.join(data)).unwrap(), big(5));
        assert_eq!(fs::read(spare.join(data)).unwrap(), big(5));
        // A build that stops: the copy, part written, is put in step by
        // the next one.
        build(Some(big(6)), true);
        build(Some(big(7)), false);
        assert_eq!(fs::read(output.join(data)).unwrap(), big(6));
        let (_, _, written) = build(None, true);
        assert_eq!(written, Some(0));
        assert_eq!(fs::read(output.join(data)).unwrap(), big(6));
        // A file the site no longer has stays gone.
        build(Some(big(8)), true);
        let staging = Staging::open(&output).unwrap();
        staging.remove(data);
        staging.commit_changes().unwrap();
        assert!(!output.join(data).exists());
    }

    /// A file made in stretches, as [`Bytes::Stream`] hands it out.
    fn stretches(parts: &[&[u8]]) -> Bytes<'static> {
        let parts: Vec<std::io::Result<Vec<u8>>> = parts.iter().map(|p| Ok(p.to_vec())).collect();
        Bytes::Stream(Box::new(parts.into_iter()))
    }

    #[cfg(unix)]
    #[test]
    fn a_file_made_as_it_is_written_is_compared_stretch_by_stretch() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let data = "data/all.json";
        let published = || fs::read(output.join(data)).unwrap();
        // Each build: how many bytes the file has, and how many files the
        // swap wrote.
        let build = |parts: &[&[u8]]| {
            let staging = Staging::open(&output).unwrap();
            let len = staging.put(data, stretches(parts)).unwrap();
            (len, staging.commit().unwrap())
        };
        assert_eq!(build(&[b"ab", b"cd"]).0, 4);
        assert_eq!(published(), b"abcd");
        assert_eq!(build(&[b"ab", b"cd"]), (4, 0), "the same bytes");
        assert_eq!(build(&[b"a", b"bc", b"d"]), (4, 0), "cut otherwise");
        // A stretch differs: the file is written anew, the bytes before it
        // copied, and the published one is never written into.
        let inode = fs::metadata(output.join(data)).unwrap().ino();
        let staging = Staging::open(&output).unwrap();
        staging.put(data, stretches(&[b"ab", b"cX"])).unwrap();
        assert_eq!(published(), b"abcd");
        assert_eq!(fs::metadata(output.join(data)).unwrap().ino(), inode);
        assert_eq!(staging.commit().unwrap(), 1);
        assert_eq!(published(), b"abcX");
        // Shorter and longer than the file there.
        assert_eq!(build(&[b"ab"]), (2, 1));
        assert_eq!(published(), b"ab");
        assert_eq!(build(&[b"ab", b"", b"cdef"]), (6, 1));
        assert_eq!(published(), b"abcdef");
        // A file that cannot be made whole is not written, nor published.
        let staging = Staging::open(&output).unwrap();
        let failing: Vec<std::io::Result<Vec<u8>>> = vec![
            Ok(b"xy".to_vec()),
            Err(std::io::ErrorKind::Interrupted.into()),
        ];
        let failed = staging.put(data, Bytes::Stream(Box::new(failing.into_iter())));
        assert!(failed.is_err());
        drop(staging);
        assert_eq!(published(), b"abcdef");
        assert_eq!(build(&[b"abcdef"]), (6, 0));
        // A large file the spare alone holds, an older version: compared
        // with the published one, and linked to it when alike.
        let big = |n: u8| vec![n; OVERWRITE_FROM as usize + usize::from(n)];
        let changes = |bytes: &[u8]| {
            let staging = Staging::open(&output).unwrap();
            staging
                .put(data, stretches(&[&bytes[..10], &bytes[10..]]))
                .unwrap();
            let spare = staging.dir.join(data);
            let links = fs::metadata(&spare).unwrap().nlink();
            (links, staging.commit_changes().unwrap())
        };
        changes(&big(1));
        changes(&big(2));
        assert_eq!(changes(&big(2)), (2, 0), "linked to the published file");
        changes(&big(3));
        assert_eq!(changes(&big(4)).1, 1);
        assert_eq!(published(), big(4));
        assert_eq!(
            fs::read(beside(&output, "spare").join(data)).unwrap(),
            big(3)
        );
    }

    #[test]
    fn a_folder_renewal_did_not_write_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.docx"), b"x").unwrap();
        let refused = Staging::open(dir.path()).err().unwrap();
        assert!(refused.0.contains("refusing to replace"), "{refused:?}");
    }
}
