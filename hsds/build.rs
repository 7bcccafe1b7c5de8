//! Finds the real 211 exports that some tests read (`shared/data/real`
//! beside the workspace, or `$SERVICEMATCH_REAL_DATA`): evaluation data that
//! the project never copies in. Found, the tests run (`cfg(real_exports)`);
//! absent, they show as ignored in the test runner's counts, never as passed.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(real_exports)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=SERVICEMATCH_REAL_DATA");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let found = std::env::var_os("SERVICEMATCH_REAL_DATA")
        .map(PathBuf::from)
        .or_else(|| {
            // A git worktree sits deeper than the main checkout: look above.
            manifest
                .ancestors()
                .skip(2)
                .map(|dir| dir.join("shared/data/real"))
                .find(|path| path.is_dir())
        })
        .filter(|path| path.is_dir());
    if let Some(path) = found {
        println!("cargo::rustc-cfg=real_exports");
        println!("cargo::rustc-env=SERVICEMATCH_REAL_DATA={}", path.display());
        println!("cargo::rerun-if-changed={}", path.display());
    }
}
