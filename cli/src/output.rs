//! Writing to standard output.

use std::fmt;
use std::io::{self, Write};
use std::process;

/// Prints a line to standard output, as `println!` does, except that a
/// closed pipe (`servicematch search … | head`) ends the program quietly,
/// as Unix tools do, instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// Writes `args` and a newline to standard output (see [`say`]).
pub(crate) fn line(args: fmt::Arguments<'_>) {
    let mut out = io::stdout().lock();
    if let Err(error) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if error.kind() == io::ErrorKind::BrokenPipe {
            process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {error}");
        process::exit(1);
    }
}
