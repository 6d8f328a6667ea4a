//! Files and folders that hold secrets or personal data (the case key, the Matrix session
//! and recovery key, the database), created readable by their owner only from the start:
//! a file written first and restricted after is readable by others in between.
//!
//! Elsewhere than on Unix there are no modes to set, and these are plain file operations.

use std::io::Write;
use std::path::Path;

/// Creates `dir` and any missing parents, each readable by its owner only. A folder that
/// already exists keeps its mode.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes `file`, replacing what it held; a new file is readable by its owner only.
pub fn write_private(file: &Path, contents: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    private(&mut options);
    options.open(file)?.write_all(contents.as_bytes())
}

/// Creates `file`, readable by its owner only, and fails if it exists (so a key is never
/// replaced by another).
pub fn create_private(file: &Path, contents: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    private(&mut options);
    options.open(file)?.write_all(contents.as_bytes())
}

fn private(options: &mut std::fs::OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// Whether users other than the owner may read `file` (Unix only; elsewhere `false`).
pub fn readable_by_others(file: &Path) -> std::io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(std::fs::metadata(file)?.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(file).map(|_| false)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_created_owner_only_and_a_created_file_is_never_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        create_private_dir(&dir).unwrap();

        let key = dir.join("case.key");
        create_private(&key, "first").unwrap();
        assert_eq!(mode(&key), 0o600);
        assert!(!readable_by_others(&key).unwrap());
        let again = create_private(&key, "second").unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&key).unwrap(), "first");

        let session = dir.join("session.json");
        write_private(&session, "one").unwrap();
        write_private(&session, "two").unwrap();
        assert_eq!(mode(&session), 0o600);
        assert_eq!(std::fs::read_to_string(&session).unwrap(), "two");
        std::fs::set_permissions(&session, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(readable_by_others(&session).unwrap());
    }
}
