//! Gives the shared library its soname, `libservicematch.so.0` on Linux and
//! other ELF systems (`libservicematch.0.dylib` as install name on macOS), so
//! that programs linked against it load any later 0.x build, as C libraries
//! are installed (`bindings-c/install.sh` lays out the files and symlinks).
//! Only the `cdylib` gets the argument; the static and Rust libraries are
//! unaffected.

fn main() {
    // The ABI version: 0 while the crate is 0.x (statuses and functions
    // are only ever appended, so 0.x builds stay link-compatible).
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("cargo sets the version");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let family = std::env::var("CARGO_CFG_TARGET_FAMILY").unwrap_or_default();
    match os.as_str() {
        "macos" | "ios" => println!(
            "cargo:rustc-cdylib-link-arg=-Wl,-install_name,@rpath/libservicematch.{major}.dylib"
        ),
        "windows" => {}
        _ if family == "unix" => {
            println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libservicematch.so.{major}")
        }
        _ => {}
    }
    println!("cargo:rerun-if-changed=build.rs");
}
