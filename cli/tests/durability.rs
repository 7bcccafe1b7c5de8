//! Builds never lose data: `servicematch build` killed with SIGKILL at
//! seeded random moments, or stopped by a full disk, leaves the previous
//! index byte for byte and no partial file at its path. A killed build may
//! leave its temporary file (`.NAME.XXXXXX.tmp`, beside the index); the next
//! build of the same index removes it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{build, fixture, stderr};

/// SplitMix64: the kill moments from one seed, without a dependency.
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound`.
    fn below(&mut self, bound: Duration) -> Duration {
        let micros = bound.as_micros().max(1) as u64;
        Duration::from_micros(self.next() % micros)
    }
}

/// The names in `dir` other than `keep`.
fn others(dir: &Path, keep: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != keep)
        .collect();
    names.sort();
    names
}

/// Whether `name` is a temporary file of `index.smx`: `.index.smx.XXXXXX.tmp`.
fn is_temp_of_index(name: &str) -> bool {
    name.strip_prefix(".index.smx.")
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| random.len() == 6)
}

fn spawn_build(index: &Path, run: usize) -> Child {
    Command::new(env!("CARGO_BIN_EXE_servicematch"))
        .arg("build")
        .arg(fixture())
        .arg("--output")
        .arg(index)
        .args(["--name", &format!("build {run}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs")
}

/// Waits until a temporary file appears in `dir` or the child ends.
fn until_temp_file(child: &mut Child, dir: &Path) {
    while child.try_wait().unwrap().is_none() {
        if others(dir, "index.smx").iter().any(|n| is_temp_of_index(n)) {
            return;
        }
        std::thread::yield_now();
    }
}

#[test]
fn a_build_killed_at_random_moments_leaves_the_previous_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index.smx");
    let started = Instant::now();
    let first = build(&fixture(), &index, &["--name", "build 0"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let whole = started.elapsed();
    let mut previous = std::fs::read(&index).unwrap();

    let mut moments = Moments(0x5AFE_B17D);
    let (mut killed, mut finished, mut leftovers) = (0, 0, 0);
    // Kill at a moment drawn over the whole build (reading, indexing,
    // writing), and every other run once its temporary file exists (while
    // it is written, flushed and renamed), until 24 builds died mid-way.
    for run in 1.. {
        assert!(run < 200, "only {killed} of {run} builds could be killed");
        if killed == 24 {
            break;
        }
        let mut child = spawn_build(&index, run);
        if run % 2 == 0 {
            until_temp_file(&mut child, dir.path());
            std::thread::sleep(moments.below(Duration::from_millis(3)));
        } else {
            std::thread::sleep(moments.below(whole));
        }
        let done = child.try_wait().unwrap();
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let now = std::fs::read(&index).expect("an index is always at its path");
        if done.is_some() {
            // It finished before the kill: the new index is whole.
            assert!(status.success(), "build {run} failed");
            assert_ne!(now, previous, "a finished build wrote its index");
            let verify = super::servicematch(&["verify", index.to_str().unwrap()]);
            assert!(verify.status.success(), "{}", stderr(&verify));
            finished += 1;
            previous = now;
        } else {
            killed += 1;
            // The rename is atomic: old bytes or new ones, never a mix. Most
            // kills land before it; one after it left a whole new index.
            if now != previous {
                let verify = super::servicematch(&["verify", index.to_str().unwrap()]);
                assert!(verify.status.success(), "build {run}: {}", stderr(&verify));
                previous = now;
            }
        }
        let left = others(dir.path(), "index.smx");
        assert!(
            left.iter().all(|n| is_temp_of_index(n)),
            "only temporary files of the index are left: {left:?}"
        );
        leftovers += left.len();
    }
    assert_eq!(killed, 24);
    eprintln!(
        "{killed} builds killed, {finished} finished first, {leftovers} temporary files seen left"
    );

    // The next build removes what killed builds left.
    let last = build(&fixture(), &index, &["--name", "after"]);
    assert!(last.status.success(), "{}", stderr(&last));
    assert_eq!(others(dir.path(), "index.smx"), Vec::<String>::new());
}

/// `servicematch build …` under `ulimit -f BLOCKS` with SIGXFSZ ignored, so
/// that writing past the limit fails with EFBIG as on a full disk.
fn build_with_file_size_limit(index: &Path, blocks: u32) -> std::process::Output {
    let script = format!(
        "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" build \"$1\" --output \"$2\" --name full"
    );
    Command::new("sh")
        .args(["-c", &script])
        .arg(env!("CARGO_BIN_EXE_servicematch"))
        .arg(fixture())
        .arg(index)
        .output()
        .expect("sh runs")
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_previous_index_stays() {
    let dir = tempfile::tempdir().unwrap();
    let index: PathBuf = dir.path().join("index.smx");
    let first = build(&fixture(), &index, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let previous = std::fs::read(&index).unwrap();
    assert!(previous.len() > 64 * 1024, "the index outgrows the limit");

    let full = build_with_file_size_limit(&index, 64);
    assert!(!full.status.success());
    let message = stderr(&full);
    assert!(
        message.contains(&format!("error: cannot write {}", index.display())),
        "names the index: {message}"
    );
    assert!(message.contains("File too large"), "says why: {message}");
    assert_eq!(std::fs::read(&index).unwrap(), previous);
    assert_eq!(
        others(dir.path(), "index.smx"),
        Vec::<String>::new(),
        "no temporary file is left"
    );
}
